/**
 * Makes text from AWS or policies safe to print on a terminal: control characters (escape
 * sequences that move the cursor, clear the screen or forge hyperlinks), line breaks that would
 * forge report lines, and bidirectional overrides that reorder text are shown as visible escapes.
 */

// C0 controls, DEL, C1 controls, the Unicode bidi marks (including the Arabic letter mark) and
// embedding/override/isolate characters, and the line and paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * Replaces every unsafe character with a visible `\u{…}`-style escape (`\n` and `\t` short forms),
 * and keeps the text from being a GitHub Actions workflow command when it lands in a CI log: the
 * runner takes `##[name]` anywhere in a line and `::name::` at the start of one (after spaces), so
 * the bracket of `##[` and a leading colon are shown escaped too. Text from AWS or a policy may
 * start a report line (a region heading, a hint), hence the check at the start of every value.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(UNSAFE, (char) => {
      if (char === "\n") return "\\n";
      if (char === "\r") return "\\r";
      if (char === "\t") return "\\t";
      return `\\u{${char.codePointAt(0)?.toString(16).padStart(2, "0")}}`;
    })
    .replace(/##\[/g, "##\\u{5b}")
    .replace(/^(\s*):(?=:)/, "$1\\u{3a}");
}
