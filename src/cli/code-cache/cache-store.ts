/**
 * The cache folder on disk: whether it may be trusted, and writing entries so that a reader never
 * sees half of one. Everything here fails quietly: the cache only ever makes a start faster, so a
 * read-only home, a full disk or a race with another run leaves the run as it was.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, type Stats, writeFileSync } from "node:fs";
import { join } from "node:path";
import { entryKey } from "./cache-location.js";

// An old build's folder is removed once it has not changed for this long (an upgrade leaves one).
const PRUNE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Whether the cache folder and the folder above it may be used: each is missing (it will be made,
 * private) or a real directory of this user's that no one else can write. V8 runs what a cache
 * entry holds, so an entry someone else could have written is never read.
 */
export function folderIsTrusted(folder: string, root: string | undefined): boolean {
  for (const path of root === undefined ? [folder] : [root, folder]) {
    let stats: Stats | undefined;
    try {
      stats = lstatSync(path, { throwIfNoEntry: false });
    } catch {
      return false;
    }
    if (stats === undefined) continue;
    if (!stats.isDirectory()) return false;
    if (typeof process.getuid === "function" && stats.uid !== process.getuid()) return false;
    if ((stats.mode & 0o022) !== 0) return false;
  }
  return true;
}

export interface CacheEntry {
  fileName: string;
  /** Made only when it is written: making a code cache is the costly part. */
  data: () => Buffer;
}

/** Writes each entry to a private temporary file, then renames it into place. */
export function writeCacheFiles(
  folder: string,
  root: string | undefined,
  entries: readonly CacheEntry[],
): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // Made just now, or made by a run at the same moment: still this user's and private?
    if (!folderIsTrusted(folder, root)) return;
  } catch {
    return;
  }
  for (const entry of entries) {
    const target = join(folder, entry.fileName);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, entry.data(), { mode: 0o600, flag: "wx" });
      renameSync(temporary, target);
    } catch {
      removeQuietly(temporary);
    }
  }
  removeSuperseded(folder, entries);
  if (root !== undefined) pruneOldFolders(root, folder);
}

/**
 * Removes the entries that those just written replace: the same file and command at an earlier
 * version (a rebuild or a patch changes a file's modification time, and so its entry's name).
 */
function removeSuperseded(folder: string, written: readonly CacheEntry[]): void {
  const names = new Set(written.map((entry) => entry.fileName));
  const keys = new Set(written.map((entry) => entryKey(entry.fileName)));
  try {
    for (const name of readdirSync(folder)) {
      const key = entryKey(name);
      if (key !== undefined && keys.has(key) && !names.has(name)) removeQuietly(join(folder, name));
    }
  } catch {
    // Housekeeping only: an entry left behind is never read, since its name no longer matches.
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left behind: a later run's write of the same entry replaces nothing it needs.
  }
}

/** Removes the folders of other builds (or Node versions) that no run has written to for a while. */
function pruneOldFolders(root: string, keep: string): void {
  try {
    const now = Date.now();
    for (const name of readdirSync(root)) {
      const path = join(root, name);
      if (path === keep) continue;
      const stats = lstatSync(path);
      if (stats.isDirectory() && now - stats.mtimeMs > PRUNE_AFTER_MS)
        rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // Pruning is housekeeping: a folder that cannot be removed now is tried again next time.
  }
}
