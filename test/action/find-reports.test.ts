/** The Action's `merge` glob: `*`, `?` and `**` inside the workspace, sorted, never outside it. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SesGuardError } from "../../src/errors.js";
import { findReports } from "../../src/io/find-reports.js";
import { tempDir } from "../helpers/cli.js";

const { dir, cleanup } = tempDir("ses-guard-find-reports-");
afterAll(cleanup);
for (const file of ["a/one.json", "a/b/two.json", "c/three.json", "c/notes.txt", "top.json", ".git/x.json"]) {
  mkdirSync(join(dir, file, ".."), { recursive: true });
  writeFileSync(join(dir, file), "{}");
}

describe("findReports", () => {
  it.each([
    [["**/*.json"], ["a/b/two.json", "a/one.json", "c/three.json", "top.json"]],
    [["a/*.json"], ["a/one.json"]],
    [["a/**/*.json"], ["a/b/two.json", "a/one.json"]],
    [
      ["?/three.json", "top.json"],
      ["c/three.json", "top.json"],
    ],
    [["./c/*"], ["c/notes.txt", "c/three.json"]],
    [["nothing/*.json"], []],
  ])("%j matches %j", (patterns, expected) => {
    expect(findReports(dir, patterns)).toEqual(expected);
  });

  it.each([["../x/*.json"], ["/etc/*.json"], ["a/../../*.json"]])(
    "refuses %j, which leaves the workspace",
    (pattern) => {
      expect(() => findReports(dir, [pattern])).toThrow(SesGuardError);
    },
  );
});
