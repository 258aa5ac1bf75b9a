/**
 * The Action's `merge` input: a glob of JSON reports relative to the workspace (`reports/**\/*.json`),
 * one pattern per line. `*` and `?` match within a path segment, `**` any number of segments.
 * Patterns may not leave the workspace; matches come back sorted, so a merge reads them in the
 * same order on every runner.
 */

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { matchesGlob } from "../engine/glob.js";
import { usageError } from "../errors.js";

/** More matches than this is a mistake in the pattern (it would merge the whole workspace). */
export const MAX_REPORT_MATCHES = 10_000;

/** Checks one pattern: relative, inside the workspace, not empty. */
function checkedSegments(pattern: string): string[] {
  const path = pattern.replace(/\\/g, "/");
  if (path.startsWith("/") || /^[A-Za-z]:\//.test(path))
    throw usageError(
      "action/invalid-input",
      `input merge must be relative to the workspace, not "${pattern}"`,
    );
  const segments = path.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes(".."))
    throw usageError("action/invalid-input", `input merge may not leave the workspace ("${pattern}")`);
  if (segments.length === 0)
    throw usageError("action/invalid-input", "input merge needs a pattern of JSON reports");
  return segments;
}

/** Workspace-relative paths (with `/`) of the files the patterns match, sorted and unique. */
export function findReports(workspace: string, patterns: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (dir: string, relative: string, segments: readonly string[]): void => {
    const [head, ...rest] = segments;
    if (head === undefined) return;
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (head === "**") {
      walk(dir, relative, rest);
      for (const entry of entries) {
        if (entry.isDirectory() && entry.name !== ".git")
          walk(join(dir, entry.name), `${relative}${entry.name}/`, segments);
      }
      return;
    }
    for (const entry of entries) {
      // A directory entry's name holds no `/`: the Region glob matcher is the segment matcher.
      if (!matchesGlob(head, entry.name)) continue;
      if (rest.length === 0) {
        if (entry.isFile()) found.add(`${relative}${entry.name}`);
      } else if (entry.isDirectory()) {
        walk(join(dir, entry.name), `${relative}${entry.name}/`, rest);
      }
      if (found.size > MAX_REPORT_MATCHES) {
        throw usageError(
          "action/invalid-input",
          `input merge matches more than ${MAX_REPORT_MATCHES} files; name the reports more precisely`,
        );
      }
    }
  };
  for (const pattern of patterns) walk(workspace, "", checkedSegments(pattern));
  return [...found].sort();
}
