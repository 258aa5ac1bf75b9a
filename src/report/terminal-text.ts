/**
 * Makes text from AWS or policies safe to print on a terminal: control characters (escape
 * sequences that move the cursor, clear the screen or forge hyperlinks), line breaks that would
 * forge report lines, and bidirectional overrides that reorder text are shown as visible escapes.
 */

// C0 controls, DEL, C1 controls, and the Unicode bidi embedding/override/isolate characters.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces every unsafe character with a visible `\u{…}`-style escape (`\n` and `\t` short forms). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => {
    if (char === "\n") return "\\n";
    if (char === "\r") return "\\r";
    if (char === "\t") return "\\t";
    return `\\u{${char.codePointAt(0)?.toString(16).padStart(2, "0")}}`;
  });
}
