import {
  lstatSync,
  mkdirSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { nodeCrypto } from "../lazy-crypto.js";
import { writeIntoSpecialFile } from "./special-file-write.js";

/** Paths that name an open file descriptor rather than a file. */
const DESCRIPTOR_PATH = /^\/(?:dev\/(?:stdout|stderr|fd\/\d+)|proc\/(?:self|thread-self|\d+)\/fd\/\d+)$/;

/**
 * Writes a file so that readers see the old content or the whole new content, never a part:
 * the text goes to a temporary file beside the target, which is then renamed over it. A failed
 * write removes its temporary file. The write is synchronous, so a signal handler cannot run
 * in the middle of it; only a process killed outright can leave the hidden temporary file.
 *
 * Only a regular file is ever replaced. A path that leads to something else is never renamed
 * over (as root, a rename would replace /dev/null or /dev/stdout for every process): a character
 * device (/dev/null, /dev/stdout, a terminal) or a named pipe with a reader is written into
 * directly; a directory, a block device, a socket or a pipe nobody reads is refused. A symbolic
 * link to a regular file stays a link: the file it leads to is replaced. A descriptor's path
 * (/dev/stdout, /dev/fd/N, /proc/self/fd/N) is always written into: it stands for a file that
 * is already open.
 */
export function writeFileAtomic(path: string, text: string): void {
  const existing = existingTarget(path);
  if (existing && (!existing.stats.isFile() || DESCRIPTOR_PATH.test(path))) {
    writeIntoSpecialFile(path, existing.stats, text);
    return;
  }
  const target = existing?.path ?? path;
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  const temporary = join(
    dir,
    `.${basename(target)}.${process.pid}.${nodeCrypto().randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    writeFileSync(temporary, text, { mode: 0o644 });
    renameSync(temporary, target);
  } catch (error) {
    // Only here: after a successful rename there is nothing left to remove.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The write's own error is the one to report.
    }
    throw error;
  }
}

/** What the path leads to (symbolic links followed) and its real path, or undefined when nothing is there. */
function existingTarget(path: string): { stats: Stats; path: string } | undefined {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    // A link to nothing would be replaced by the rename: say what it is instead.
    if (isSymbolicLink(path)) throw new Error("it is a symbolic link to a file that does not exist");
    return undefined;
  }
  return { stats, path: stats.isFile() ? realpathSync(path) : path };
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
