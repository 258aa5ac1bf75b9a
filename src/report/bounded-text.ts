/**
 * Bounds for text that lands where GitHub sets a limit: a job summary is refused above 1 MiB, and
 * an annotation line must stay a line a log viewer can show. Every cut says that it happened and
 * how much is missing, so a shortened report is never mistaken for a complete one.
 */

/** GitHub's limit for one step's job summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room kept under the limit for the note that says the summary was cut. */
const SUMMARY_NOTE_ROOM = 1024;

/** Shortens `text` to at most `max` characters (UTF-16 code units), ending with a note of what was cut. */
export function clipWithNote(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = (missing: number) => ` … [cut: ${missing} more characters]`;
  // The note takes room of its own; a character pair (an emoji) is never split.
  let keep = Math.max(0, max - note(text.length).length);
  if (keep > 0 && /[\uD800-\uDBFF]/.test(text.charAt(keep - 1))) keep -= 1;
  return `${text.slice(0, keep)}${note(text.length - keep)}`;
}

/**
 * Keeps a Markdown document under `maxBytes` of UTF-8 (GitHub's summary limit by default): when it
 * is longer, it is cut at the last line break that fits and `note` follows as a paragraph of its
 * own, so the reader sees where and why the summary stops.
 */
export function boundMarkdown(markdown: string, note: string, maxBytes = SUMMARY_LIMIT_BYTES): string {
  if (Buffer.byteLength(markdown, "utf8") <= maxBytes) return markdown;
  const room = Math.max(0, maxBytes - SUMMARY_NOTE_ROOM - Buffer.byteLength(note, "utf8"));
  // Cut by bytes, then back to the last whole line (which also keeps every character whole).
  const head = Buffer.from(markdown, "utf8").subarray(0, room).toString("utf8");
  const lastBreak = head.lastIndexOf("\n");
  const kept = lastBreak > 0 ? head.slice(0, lastBreak) : "";
  return `${kept}\n\n${note}\n`;
}
