/** Finds the policy test files `ses-guard test` runs: the files named, and `*.test.yaml` under directories. */
import { type Dirent, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { usageError } from "../errors.js";
import { describeFsError } from "../io/fs-errors.js";

/** Directories never searched for test files: dependencies and dot-directories (.git, .github, ...). */
const SKIPPED_DIRECTORIES = new Set(["node_modules"]);
const TEST_FILE = /\.test\.ya?ml$/;

/**
 * The test files named or found under the paths, sorted, each once. A named file is run whatever
 * its name; directories are searched for `*.test.yaml`/`*.test.yml`, skipping node_modules,
 * dot-directories and symbolic links to directories (which could loop).
 */
export function findTestFiles(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch (error) {
      throw usageError("test/no-such-path", `cannot read ${path}: ${describeFsError(error)}`);
    }
    if (!isDirectory) {
      found.add(absolute);
      continue;
    }
    const here = new Set<string>();
    walk(absolute, path, here);
    for (const file of here) found.add(file);
    // A directory without tests is a mistake worth stopping for: a CI job must not pass on zero tests.
    if (here.size === 0) {
      throw usageError(
        "test/no-test-files",
        `no *.test.yaml files under ${path}; write one (see \`ses-guard init\`) or name the files to run`,
      );
    }
  }
  return [...found].sort();
}

function walk(dir: string, shown: string, found: Set<string>): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    // Tests that cannot be read must not be skipped silently.
    throw usageError(
      "test/unreadable-directory",
      `cannot read directory ${shown}: ${describeFsError(error)}`,
    );
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !SKIPPED_DIRECTORIES.has(entry.name))
        walk(path, join(shown, entry.name), found);
      continue;
    }
    if (!TEST_FILE.test(entry.name)) continue;
    if (entry.isFile() || (entry.isSymbolicLink() && isFile(path))) found.add(path);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
