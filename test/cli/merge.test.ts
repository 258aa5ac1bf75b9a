/**
 * A simulated matrix through the built CLI: 400 accounts × 2 Regions in a snapshot, checked by 8
 * `check --shard K/8` processes and merged with `ses-guard merge`. The merge equals the unsharded
 * run result for result; a deleted shard makes it exit 3, a duplicated one exit 2; every format
 * can be written from the merge, and a broken report is named at its line and column.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { reportSchemaErrors } from "../hardening/report-schema.js";
import { accountsDir, hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { snapshotJson } from "../helpers/snapshot.js";

const { dir, cleanup } = tempDir("ses-guard-merge-");
afterAll(cleanup);

const FIXTURES = ["production-healthy", "probation-bounce-only", "sandbox-new", "unlimited-quota"];
const SHARDS = 8;

function fleetSnapshot(): string {
  const accounts = FIXTURES.map(
    (name) => JSON.parse(readFileSync(join(accountsDir, `${name}.json`), "utf8")) as unknown,
  );
  const targets = [];
  for (let n = 0; n < 400; n++) {
    const accountId = String(210000000000 + n * 37);
    for (const region of ["us-east-1", "eu-west-1"]) {
      // Every 50th account cannot be read in eu-west-1: errors must survive the merge too.
      if (n % 50 === 0 && region === "eu-west-1") {
        targets.push({
          region,
          accountId,
          status: "error",
          error: { code: "aws/access-denied", message: "not authorized to perform ses:GetAccount" },
        });
      } else {
        targets.push({ region, accountId, status: "ok", account: accounts[n % accounts.length] });
      }
    }
  }
  return snapshotJson(targets);
}

const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Report;
const key = (r: { region: string; accountId: string | null; ruleId?: string }) =>
  `${r.accountId} ${r.region} ${r.ruleId ?? ""}`;
const bySorted = <T extends { region: string; accountId: string | null }>(items: readonly T[]) =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const shardFiles = Array.from({ length: SHARDS }, (_, k) => `shard-${k + 1}.json`);

beforeAll(async () => {
  writeFileSync(join(dir, "fleet.json"), fleetSnapshot());
  const runs = await Promise.all([
    runCli(["check", "--input", "fleet.json", "--format", "json=whole.json", "--quiet"], {
      cwd: dir,
      timeoutMs: 60_000,
    }),
    ...shardFiles.map((file, k) =>
      runCli(
        [
          "check",
          "--input",
          "fleet.json",
          "--shard",
          `${k + 1}/${SHARDS}`,
          "--format",
          `json=${file}`,
          "--quiet",
        ],
        {
          cwd: dir,
          timeoutMs: 60_000,
        },
      ),
    ),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(3);
}, 120_000);

describe("a matrix of 8 shards merged", () => {
  it("records each shard, and the shards partition the accounts", () => {
    const shards = shardFiles.map(read);
    expect(shards.map((s) => s.shard)).toEqual(shardFiles.map((_, k) => ({ index: k + 1, count: SHARDS })));
    const accounts = shards.flatMap((s) => [...new Set(s.targets.map((t) => t.accountId))]);
    expect(accounts).toHaveLength(400);
    expect(new Set(accounts).size).toBe(400);
    for (const shard of shards) expect(reportSchemaErrors(shard)).toEqual([]);
  });

  it("equals the unsharded run, result for result, with the same exit code", async () => {
    const run = await runCli(["merge", ...shardFiles, "--format", "json=merged.json", "--quiet"], {
      cwd: dir,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(3);
    const whole = read("whole.json");
    const merged = read("merged.json");
    expect(bySorted(merged.results)).toEqual(bySorted(whole.results));
    expect(bySorted(merged.targets)).toEqual(bySorted(whole.targets));
    expect(merged.summary).toEqual(whole.summary);
    expect(merged.policyDigest).toBe(whole.policyDigest);
    expect(reportSchemaErrors(merged)).toEqual([]);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(
      `6 rules on 800 targets: ${whole.summary.pass} passed, ${whole.summary.fail} failed, ${whole.summary.error} errors, 0 waived, 0 skipped. ERROR (exit 3: a target could not be read)`,
    );
  });

  it("exits 3 with the missing shard named when a shard's report is deleted", async () => {
    const { dir: partial, cleanup: done } = tempDir("ses-guard-merge-partial-");
    try {
      for (const file of shardFiles) copyFileSync(join(dir, file), join(partial, file));
      rmSync(join(partial, "shard-5.json"));
      const run = await runCli(
        [
          "merge",
          ...shardFiles.filter((f) => f !== "shard-5.json"),
          "--format",
          "json=merged.json",
          "--fail-on",
          "none",
        ],
        { cwd: partial },
      );
      expect(run.code).toBe(3);
      expect(run.stdout).toContain(
        "shard 5/8 is missing: no report of it arrived, so its accounts were not checked",
      );
      const merged = JSON.parse(readFileSync(join(partial, "merged.json"), "utf8")) as Report;
      expect(merged.targets.filter((t) => t.error?.code === "merge/missing-shard")).toHaveLength(1);
    } finally {
      done();
    }
  });

  it("exits 2 when a shard arrives twice, and writes nothing", async () => {
    copyFileSync(join(dir, "shard-2.json"), join(dir, "shard-2-again.json"));
    const run = await runCli(["merge", ...shardFiles, "shard-2-again.json", "--format", "json=twice.json"], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "ses-guard: shard-2-again.json and shard-2.json are both shard 2/8; each shard may be merged once\n",
    );
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it("fails closed when --expect names more reports than arrived", async () => {
    const run = await runCli(["merge", "whole.json", "--expect", "2"], { cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("1 of 2 expected reports did not arrive (--expect 2)");
  });

  it("writes every format from the merge", async () => {
    const formats = ["text", "sarif", "junit", "markdown", "github"];
    const run = await runCli(
      [
        "merge",
        ...shardFiles,
        ...formats.flatMap((f) => ["--format", `${f}=merged.${f}`]),
        "--format",
        "json",
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(3);
    expect((JSON.parse(run.stdout) as Report).results).toHaveLength(4800);
    const sarif = JSON.parse(readFileSync(join(dir, "merged.sarif"), "utf8")) as {
      runs: Array<{ automationDetails: { id: string } }>;
    };
    expect(sarif.runs[0]?.automationDetails.id).toBe("ses-guard/fleet/");
    expect(readFileSync(join(dir, "merged.markdown"), "utf8")).toMatch(
      /^## ⛔ ses-guard failed: 8 targets could not be read/,
    );
    expect(readFileSync(join(dir, "merged.github"), "utf8")).toContain(
      "title=ses-guard could not read 8 targets (aws/access-denied)",
    );
    expect(readFileSync(join(dir, "merged.junit"), "utf8")).toContain("<testsuites");
    expect(readFileSync(join(dir, "merged.text"), "utf8")).toContain("Policy: recommended (pack)");
  });

  it("names a report that is not JSON at its line and column (exit 2)", async () => {
    writeFileSync(join(dir, "broken.json"), '{\n  "version": 1,\n  "tool": tru\n}\n');
    const run = await runCli(["merge", "shard-1.json", "broken.json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ses-guard: broken\.json:3:11: not valid JSON: /);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it("refuses reports of different policies (exit 2)", async () => {
    const run0 = await runCli(
      [
        "check",
        "--input",
        "fleet.json",
        "--policy",
        "strict",
        "--shard",
        "1/8",
        "--format",
        "json=strict-1.json",
        "--quiet",
      ],
      { cwd: dir },
    );
    expect(run0.code).toBe(3);
    const run = await runCli(["merge", "strict-1.json", ...shardFiles.slice(1)], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ses-guard: shard-2\.json was made with another policy than strict-1\.json/);
  });

  it("refuses merge without reports, and --shard or --expect out of range (exit 2)", async () => {
    expect((await runCli(["merge"], { cwd: dir })).stderr).toContain(
      "merge needs the JSON reports to combine",
    );
    expect((await runCli(["check", "--input", "fleet.json", "--shard", "9/8"], { cwd: dir })).code).toBe(2);
    expect((await runCli(["merge", "whole.json", "--expect", "0"], { cwd: dir })).code).toBe(2);
    expect((await runCli(["merge", "whole.json", "--shard", "1/2"], { cwd: dir })).code).toBe(2);
  });
});
