import { closeSync, constants, openSync, type Stats, writeSync } from "node:fs";

/** How long to wait for a slow reader of a named pipe before trying again. */
const PIPE_RETRY_MS = 5;
/** How long a named pipe's reader may take to drain what it was sent before the write gives up. */
const PIPE_STALL_LIMIT_MS = 30_000;

/**
 * Writes `text` into something that exists and is not a regular file, or refuses it with an error
 * saying what it is (describeFsError shows its message). A character device (/dev/null, a
 * terminal, /dev/stdout) and a named pipe are opened for appending and written into as they are,
 * never replaced; appending keeps what a descriptor path such as /dev/stdout already holds when it
 * leads to a file the shell opened.
 */
export function writeIntoSpecialFile(path: string, stats: Stats, text: string): void {
  if (stats.isDirectory()) throw Object.assign(new Error("it is a directory"), { code: "EISDIR" });
  if (stats.isBlockDevice()) {
    throw new Error(
      "it is a block device; reports are written only to regular files, character devices such as /dev/null, and named pipes",
    );
  }
  if (stats.isSocket()) throw new Error("it is a socket, not a file");
  const pipe = stats.isFIFO();
  let fd: number;
  try {
    // A named pipe is opened without blocking: with no reader, opening it would wait for ever.
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | (pipe ? constants.O_NONBLOCK : 0));
  } catch (error) {
    if (pipe && (error as NodeJS.ErrnoException).code === "ENXIO") {
      throw new Error("it is a named pipe that no process is reading");
    }
    throw error;
  }
  try {
    writeFully(fd, Buffer.from(text, "utf8"));
  } finally {
    closeSync(fd);
  }
}

/** Writes every byte; a non-blocking pipe that is full is waited on, up to a limit. */
function writeFully(fd: number, bytes: Buffer): void {
  let offset = 0;
  let stalledMs = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
      stalledMs = 0;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      if (stalledMs >= PIPE_STALL_LIMIT_MS)
        throw new Error("the process reading this named pipe stopped reading");
      // Synchronous on purpose (see writeFileAtomic): a short sleep that lets the reader catch up.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PIPE_RETRY_MS);
      stalledMs += PIPE_RETRY_MS;
    }
  }
}
