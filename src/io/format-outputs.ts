import { realpathSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { usageError } from "../errors.js";
import { writeFileAtomic } from "./atomic-write.js";
import { describeFsError } from "./fs-errors.js";

/** One rendered `--format`: for standard output when `file` is absent, else for that file. */
export interface FormatOutput {
  format: string;
  file?: string;
  text: string;
}

/** Where {@link deliverFormatOutputs} sends what is not a file, and what it says on failure. */
export interface FormatOutputSinks {
  /** What a file holds, for failure messages: `report`, `listing`. */
  noun: string;
  /** Takes the text of each output that names no file; when absent, the caller prints them. */
  print?: (text: string) => void;
  /** Takes `cannot write NAME NOUN to FILE: REASON` for each file that could not be written. */
  failed: (message: string) => void;
  /** Shows a file name in a failure message (the commands make it safe for a terminal). */
  showFile?: (file: string) => string;
}

/**
 * Prints each output that names no file and writes each other one atomically, resolved against
 * `cwd`, in order. A file that cannot be written does not stop the others. Returns the outputs
 * printed or written, in order. Nothing awaits in between, so a signal cannot stop the run
 * half-way through its files.
 */
export function deliverFormatOutputs<T extends FormatOutput>(
  outputs: readonly T[],
  cwd: string,
  sinks: FormatOutputSinks,
): T[] {
  const delivered: T[] = [];
  for (const output of outputs) {
    if (!output.file) {
      sinks.print?.(output.text);
      delivered.push(output);
      continue;
    }
    try {
      writeFileAtomic(resolve(cwd, output.file), output.text);
      delivered.push(output);
    } catch (error) {
      const file = sinks.showFile ? sinks.showFile(output.file) : output.file;
      sinks.failed(`cannot write ${output.format} ${sinks.noun} to ${file}: ${describeFsError(error)}`);
    }
  }
  return delivered;
}

/**
 * Refuses (usage error, exit 2) two outputs that would write one file: `json=r.out` and
 * `sarif=./r.out`, a path through a symbolic link to the other, or an absolute and a relative
 * spelling of one path. Called before anything runs, so nothing is read or written for nothing.
 * `outputs` pairs what the user calls each output (`--format json`, `input report-file`) with
 * the file it names; outputs without a file (standard output) are left alone.
 */
export function assertDistinctOutputFiles(
  outputs: ReadonlyArray<{ name: string; file?: string | undefined }>,
  cwd: string,
): void {
  const seen = new Map<string, { name: string; file: string }>();
  for (const { name, file } of outputs) {
    if (!file) continue;
    const key = canonicalPath(resolve(cwd, file));
    const first = seen.get(key);
    if (first) {
      throw usageError(
        "cli/same-output-file",
        `${first.name} (${JSON.stringify(first.file)}) and ${name} (${JSON.stringify(file)}) name the same file; give each output a file of its own`,
      );
    }
    seen.set(key, { name, file });
  }
}

/** The real path of `path`, or of its deepest existing folder joined with the rest when it does not exist yet. */
function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : resolve(canonicalPath(parent), basename(path));
  }
}

/** {@link assertDistinctOutputFiles} for a command's `--format NAME=FILE` requests. */
export function assertDistinctFormatFiles(
  formats: ReadonlyArray<{ name: string; file?: string | undefined }>,
  cwd: string,
): void {
  assertDistinctOutputFiles(
    formats.map((f) => ({ name: `--format ${f.name}`, file: f.file })),
    cwd,
  );
}
