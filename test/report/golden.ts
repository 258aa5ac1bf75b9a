/**
 * Golden files: the exact expected output of a format for a fixture case, kept in test/golden/.
 * `UPDATE_GOLDEN=1 npx vitest run test/report` rewrites them on purpose; review the diff before
 * committing, since a golden file is a promise about what users see.
 */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** The directory holding every golden file. */
export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "golden");

/** Asserts `actual` equals the golden file `name` (relative to test/golden), or rewrites it under UPDATE_GOLDEN=1. */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(file, "utf8");
  } catch {
    throw new Error(`golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  }
  expect(actual).toBe(expected);
}
