/** Text as other encodings put it on disk, read back the way ses-guard reads every file. */

/** What a UTF-8 reader makes of `text` saved as UTF-16 (as Windows PowerShell's `>` writes it). */
export function readAsUtf8(text: string, encoding: "utf16le" | "utf16be", bom: boolean): string {
  const le = Buffer.from(text, "utf16le");
  const bytes = encoding === "utf16le" ? le : Buffer.from(le).swap16();
  const mark = encoding === "utf16le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([Buffer.from(bom ? mark : []), bytes]).toString("utf8");
}
