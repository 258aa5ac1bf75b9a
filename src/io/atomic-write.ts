import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { nodeCrypto } from "../lazy-crypto.js";

/**
 * Writes a file so that readers see the old content or the whole new content, never a part:
 * the text goes to a temporary file beside the target, which is then renamed over it. A failed
 * write removes its temporary file. The write is synchronous, so a signal handler cannot run
 * in the middle of it; only a process killed outright can leave the hidden temporary file.
 */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temporary = join(
    dir,
    `.${basename(path)}.${process.pid}.${nodeCrypto().randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    writeFileSync(temporary, text, { mode: 0o644 });
    renameSync(temporary, path);
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
