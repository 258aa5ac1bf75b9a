/**
 * Golden files: the exact expected output of a report for a fixture case, kept in test/golden/.
 * A test compares its output with the file; `UPDATE_GOLDEN=1` rewrites the files on purpose (then
 * review the diff before committing it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { repoRoot } from "./cli.js";

/** Where golden files live. */
export const goldenDir = join(repoRoot, "test", "golden");

/** True when the run was asked to rewrite golden files instead of comparing with them. */
export const updatingGolden = process.env.UPDATE_GOLDEN === "1";

/**
 * Asserts `actual` equals the golden file `name` (relative to test/golden/), or rewrites the file
 * when UPDATE_GOLDEN=1. A missing golden file is a failure, never a silent pass.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (updatingGolden) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file test/golden/${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  }
  expect(actual, `differs from test/golden/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(
    readFileSync(file, "utf8"),
  );
}
