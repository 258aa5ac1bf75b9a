import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { describeFsError } from "./fs-errors.js";

/**
 * What reading a file with a size limit gave: its text, or why there is none. `error` is always
 * a reason in words; `isDirectory` and `tooLarge` let a caller say those two in its own words.
 */
export type BoundedText =
  | { text: string }
  | { error: string; isDirectory: true }
  | { error: string; tooLarge: true; size: number }
  | { error: string };

/**
 * Reads a UTF-8 file of at most `maxBytes`. The size and kind come from the open handle, so the
 * file that is measured is the file that is read, even if the path is replaced in between.
 */
export function readBoundedText(path: string, maxBytes: number): BoundedText {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    // Windows refuses to open a directory at all; elsewhere fstat tells below.
    if ((error as NodeJS.ErrnoException | undefined)?.code === "EISDIR") return directory();
    return { error: describeFsError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return directory();
    if (stat.size > maxBytes) {
      return {
        error: `it is ${stat.size} bytes; the limit is ${maxBytes}`,
        tooLarge: true,
        size: stat.size,
      };
    }
    return { text: readFileSync(fd, "utf8") };
  } catch (error) {
    return { error: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

function directory(): BoundedText {
  // Worded as for a directory that could not be opened, whichever way it was found.
  return { error: describeFsError({ code: "EISDIR" }), isDirectory: true };
}

/**
 * Reads a byte stream (standard input) to its end as UTF-8, or returns undefined once it passes
 * `maxBytes`: input over the limit is refused anyway, and an endless stream must not fill the
 * memory first. The bytes are decoded only at the end, so a character split between chunks
 * stays whole.
 */
export async function readBoundedStream(
  chunks: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<string | undefined> {
  const buffers: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    buffers.push(buffer);
    size += buffer.byteLength;
    // Leaving the loop early ends the stream: nothing more is read.
    if (size > maxBytes) return undefined;
  }
  return Buffer.concat(buffers).toString("utf8");
}
