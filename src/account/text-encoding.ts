/**
 * Recognises a file that is not UTF-8 after it was read as UTF-8. Windows PowerShell's `>` and
 * `Out-File` write UTF-16 with a byte order mark; read as UTF-8, that becomes two replacement
 * characters followed by text with a NUL beside every character, which YAML reads as one odd
 * string and JSON refuses at the first byte. Saying what the file is, and how to save it as
 * UTF-8, is what lets a user fix it.
 */

/** How many leading characters are enough to tell. */
const SAMPLE = 128;

/**
 * Names the encoding of text that was UTF-16 on disk (`UTF-16 little-endian with a byte order
 * mark`), or undefined when it looks like UTF-8. Only the start of the text is looked at.
 */
export function describeUtf16(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE);
  // FF FE (little-endian) and FE FF (big-endian) are both invalid UTF-8: two replacement characters.
  const bom = sample.startsWith("\uFFFD\uFFFD");
  const body = bom ? sample.slice(2) : sample;
  if (body.length < 2) return bom ? "UTF-16 with a byte order mark" : undefined;
  // In UTF-16, ASCII text has a NUL after (little-endian) or before (big-endian) every character.
  const nulAt = (parity: number) => {
    let nuls = 0;
    let pairs = 0;
    for (let i = parity; i < body.length; i += 2) {
      pairs += 1;
      if (body[i] === "\u0000") nuls += 1;
    }
    return pairs > 0 ? nuls / pairs : 0;
  };
  const endian = nulAt(1) > 0.5 ? "little-endian" : nulAt(0) > 0.5 ? "big-endian" : undefined;
  // Two invalid bytes alone could be any broken file: without the NULs, leave it to the parser.
  if (!endian) return undefined;
  return `UTF-16 ${endian}${bom ? " with a byte order mark" : ""}`;
}

/** The sentence that says how to save a file as UTF-8 instead. */
export const SAVE_AS_UTF8 =
  "this is what Windows PowerShell's `>` and Out-File write; save it as UTF-8 (for example `... | Out-File -Encoding utf8 FILE`, or choose UTF-8 when saving in the editor)";
