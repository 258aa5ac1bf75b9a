import { neutralizeControls } from "./escape.js";

/**
 * Makes text from AWS or policies safe to print on a terminal or in a CI log, on one line:
 * control characters (escape sequences that move the cursor, clear the screen or forge
 * hyperlinks) and bidirectional overrides are spelt out as `\x1b`/`\u202e` by the shared
 * `neutralizeControls`, and line breaks and tabs as `\n`, `\r`, `\t`, so nothing can forge a
 * report line. It also keeps the text from being a GitHub Actions workflow command: the runner
 * takes `##[name]` anywhere in a line and `::name::` at the start of one (after spaces), so the
 * bracket of `##[` and a leading colon are shown escaped too. Text from AWS or a policy may start
 * a report line (a region heading, a hint), hence the check at the start of every value.
 */
export function terminalSafe(text: string): string {
  return neutralizeControls(text)
    .replace(/[\n\r\t]/g, (char) => (char === "\n" ? "\\n" : char === "\r" ? "\\r" : "\\t"))
    .replace(/##\[/g, "##\\x5b")
    .replace(/^(\s*):(?=:)/, "$1\\x3a");
}
