/**
 * Golden text reports: the exact output of the built CLI for the fixture cases (NO_COLOR).
 * `UPDATE_GOLDEN=1` rewrites test/golden/text/ on purpose; review the diff before committing.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { snapshotWithUnreadableTarget } from "../cli/check-snapshot-fixture.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { expectGolden } from "../helpers/golden.js";
import { goldenCases } from "./text-golden-cases.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const snapshot = join(dir, "snapshot.json");
writeFileSync(snapshot, snapshotWithUnreadableTarget());

describe("golden text reports", () => {
  it.concurrent.each(goldenCases)("$name", async ({ name, args, exitCode }) => {
    const run = await runCli(["check", ...args.map((a) => (a === "$SNAPSHOT" ? snapshot : a))]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(exitCode);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expectGolden(`text/${name}.txt`, run.stdout);
  });
});
