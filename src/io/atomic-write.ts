import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { nodeCrypto } from "../lazy-crypto.js";

/**
 * Writes a file so that readers see the old content or the whole new content, never a part:
 * the text goes to a temporary file beside the target, which is then renamed over it. An
 * interrupted run leaves at most a hidden temporary file, which is removed on failure.
 */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temporary = join(
    dir,
    `.${basename(path)}.${process.pid}.${nodeCrypto().randomBytes(4).toString("hex")}.tmp`,
  );
  pendingTemporaryFiles.add(temporary);
  try {
    writeFileSync(temporary, text, { mode: 0o644 });
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
    pendingTemporaryFiles.delete(temporary);
  }
}

/** Temporary files being written right now, so a signal handler can remove them before exiting. */
export const pendingTemporaryFiles = new Set<string>();

/** Removes temporary files of writes that a signal interrupted. */
export function removePendingTemporaryFiles(): void {
  for (const file of pendingTemporaryFiles) rmSync(file, { force: true });
  pendingTemporaryFiles.clear();
}
