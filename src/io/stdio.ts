import { fstatSync, type Stats, statSync, writeSync } from "node:fs";

/**
 * Standard output and error for the CLI, written with `fs.writeSync` on file descriptors 1 and 2.
 *
 * Touching `process.stdout` or `process.stderr` builds a stream, which loads Node's stream and net
 * modules: about a sixth of Node's own start-up on a pipe (measured with `npm run bench`), for a
 * run that writes one report. A synchronous write also leaves nothing pending at exit.
 */

/** File descriptors whose writes go through the stream (see writeAll). */
const useStream = new Set<1 | 2>();
/** File descriptors whose reader has gone away: further output is dropped, as `cat` would. */
const closed = new Set<1 | 2>();
/** File descriptors already looked at (see writeAll). */
const checked = new Set<1 | 2>();
/** Why standard output could not take what was written (a full disk, a bad descriptor), once it failed. */
let stdoutFailure: string | undefined;

/**
 * Why writing to standard output failed, if it did: the output is incomplete, so the run must not
 * end as if it had been delivered (see exit-after-flush.ts). A reader that went away (`| head`) is
 * not a failure: the rest is dropped quietly, as `cat` would.
 */
export function standardOutputFailure(): string | undefined {
  return stdoutFailure;
}

/** Writes to standard output. */
export function writeStdout(text: string): void {
  writeAll(1, text);
}

/** Writes to standard error. */
export function writeStderr(text: string): void {
  writeAll(2, text);
}

function writeAll(fd: 1 | 2, text: string): void {
  if (text === "" || closed.has(fd)) return;
  if (!checked.has(fd)) {
    checked.add(fd);
    // A Windows console takes text through Node's stream (WriteConsoleW); bytes written to it
    // directly would be read in the console's code page, not as UTF-8.
    if (process.platform === "win32" && isTerminal(fd)) useStream.add(fd);
  }
  if (useStream.has(fd)) {
    streamOf(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The reader went away (| head). (A closed descriptor cannot happen: Node opens /dev/null
      // for any of 0-2 that is closed when it starts.)
      if (code === "EPIPE") {
        closed.add(fd);
        return;
      }
      if (code !== "EAGAIN") {
        failed(fd, error);
        return;
      }
      // A non-blocking pipe whose reader is slow: the stream queues the rest and Node writes it as
      // the pipe drains. Every later write follows it there, so the order is kept.
      useStream.add(fd);
      streamOf(fd).write(bytes.subarray(offset));
      return;
    }
  }
}

function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  // A reader that goes away surfaces as an asynchronous EPIPE on the stream; drop the rest.
  if (stream.listenerCount("error") === 0) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") closed.add(fd);
      else failed(fd, error);
    });
  }
  return stream;
}

/**
 * A descriptor that cannot be written (ENOSPC on a full disk, EBADF for one opened read-only, EIO)
 * takes nothing more. When it is standard output, one line on standard error says so; nothing can
 * be said when standard error itself fails.
 */
function failed(fd: 1 | 2, error: unknown): void {
  closed.add(fd);
  if (fd !== 1 || stdoutFailure !== undefined) return;
  const { code, message } = error as NodeJS.ErrnoException;
  const reason = (message ?? String(error)).replace(/^[A-Z]+: /, "").replace(/, write$/, "");
  stdoutFailure = code ? `${reason} (${code})` : reason;
  writeAll(2, `ses-guard: cannot write to standard output: ${stdoutFailure}; the output is incomplete\n`);
}

/**
 * Whether a file descriptor is a terminal. A terminal is a character device other than /dev/null;
 * only then is Node's tty module (which loads the net module) asked, so a pipe, a file or
 * /dev/null costs a stat or two.
 */
export function isTerminal(fd: number): boolean {
  let stat: Stats;
  try {
    stat = fstatSync(fd);
  } catch {
    return false;
  }
  if (!stat.isCharacterDevice() || isDevNull(stat)) return false;
  // Loaded here, not imported (see above); getBuiltinModule rather than node:module's
  // createRequire, which costs 0.4 ms to load.
  return process.getBuiltinModule("node:tty").isatty(fd);
}

/** The usual character device that is not a terminal: output thrown away in a script or cron. */
function isDevNull(stat: Stats): boolean {
  try {
    return stat.rdev === statSync("/dev/null").rdev;
  } catch {
    return false;
  }
}

/**
 * Whether anything in the process has built `process.stdout` or `process.stderr` (Node builds
 * them on first access): only then can output still be queued when the run ends.
 */
export function standardStreamsBuilt(): boolean {
  return streamsBuilt;
}

let streamsBuilt = false;
// Node defines both as getters that build the stream on first access; wrapping each getter
// records that access without building anything early.
for (const name of ["stdout", "stderr"] as const) {
  const descriptor = Object.getOwnPropertyDescriptor(process, name);
  if (!descriptor?.get || !descriptor.configurable) {
    streamsBuilt = true;
    continue;
  }
  const build = descriptor.get;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: descriptor.enumerable ?? true,
    get() {
      streamsBuilt = true;
      return build.call(process);
    },
  });
}
