/**
 * Golden JSON reports: the exact `--format json` output of the built CLI for the fixture cases,
 * each also checked against the contract of README.md's "The JSON report".
 * `UPDATE_GOLDEN=1` rewrites test/golden/json/ on purpose; review the diff before committing.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { snapshotWithUnreadableTarget } from "../cli/check-snapshot-fixture.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { expectGolden } from "../helpers/golden.js";
import { jsonReportContract } from "./json-contract.js";
import { goldenCases } from "./text-golden-cases.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const snapshot = join(dir, "snapshot.json");
writeFileSync(snapshot, snapshotWithUnreadableTarget());
const validate = new Ajv({ allErrors: true }).compile(jsonReportContract);

describe("golden JSON reports", () => {
  it.concurrent.each(goldenCases)("$name", async ({ name, args, exitCode }) => {
    const run = await runCli([
      "check",
      ...args.map((a) => (a === "$SNAPSHOT" ? snapshot : a)),
      "--format",
      "json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(exitCode);
    const report = JSON.parse(run.stdout) as { summary: { exitCode: number } };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.summary.exitCode).toBe(exitCode);
    // When the report was made is the one member that differs between runs.
    expect(run.stdout).toMatch(/\n {2}"createdAt": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z",\n/);
    expectGolden(`json/${name}.json`, run.stdout.replace(/("createdAt": )"[^"]*"/, '$1"<createdAt>"'));
  });
});
