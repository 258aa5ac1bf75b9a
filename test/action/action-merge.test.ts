/**
 * The Action's fleet inputs, through the bundle as the runner starts it: `merge` combines the JSON
 * reports a glob finds in the workspace into one verdict (outputs, annotations, summary, SARIF with
 * a category of its own), a missing shard or report fails the step, and `shard` records itself.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountsDir, runCli, tempDir } from "../helpers/cli.js";
import { snapshotJson } from "../helpers/snapshot.js";
import { NODES, runAction } from "./run-action.js";

const NOWHERE = "http://127.0.0.1:9";
const { dir, cleanup } = tempDir("ses-guard-action-merge-");
afterAll(cleanup);
const reports: Record<string, string> = {};

beforeAll(async () => {
  const healthy = JSON.parse(readFileSync(join(accountsDir, "production-healthy.json"), "utf8")) as unknown;
  const probation = JSON.parse(
    readFileSync(join(accountsDir, "probation-bounce-only.json"), "utf8"),
  ) as unknown;
  const targets = Array.from({ length: 40 }, (_, n) => ({
    region: "eu-west-1",
    accountId: String(310000000000 + n),
    status: "ok",
    account: n % 10 === 0 ? probation : healthy,
  }));
  writeFileSync(join(dir, "fleet.json"), snapshotJson(targets));
  for (const k of [1, 2, 3]) {
    const file = `shard-${k}.json`;
    const run = await runCli(
      ["check", "--input", "fleet.json", "--shard", `${k}/3`, "--format", `json=${file}`],
      {
        cwd: dir,
      },
    );
    expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
    reports[`reports/ses-guard-shard-${k}/report.json`] = readFileSync(join(dir, file), "utf8");
  }
}, 60_000);

const node = NODES[NODES.length - 1]?.[1] ?? process.execPath;

describe("the Action's merge input", () => {
  it("merges every report the glob finds into one verdict, summary, annotations and SARIF", async () => {
    const run = await runAction({
      node,
      sesEndpoint: NOWHERE,
      stsEndpoint: NOWHERE,
      files: reports,
      inputs: {
        merge: "reports/**/*.json",
        expect: "3",
        "sarif-file": "merged.sarif",
        "report-file": "merged.json",
      },
      env: { GITHUB_JOB: "merge" },
    });
    try {
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ passed: "false", failures: "8", errors: "0" });
      const errors = run.stdout.split("\n").filter((l) => l.startsWith("::error"));
      // Two error rules fail on four accounts: one annotation each, then the step's failure.
      expect(errors).toHaveLength(3);
      expect(errors[0]).toContain("(4 targets)");
      expect(run.summary).toMatch(/^## ❌ ses-guard failed\n/);
      expect(run.summary).toContain("| ❌ 310000000000 | 1 | 4 | 0 |");
      const merged = JSON.parse(readFileSync(join(run.workspace, "merged.json"), "utf8")) as {
        targets: unknown[];
      };
      expect(merged.targets).toHaveLength(40);
      const sarif = JSON.parse(readFileSync(join(run.workspace, "merged.sarif"), "utf8")) as {
        runs: Array<{ automationDetails: { id: string } }>;
      };
      expect(sarif.runs[0]?.automationDetails.id).toBe("ses-guard/deploy/merge/fleet/");
    } finally {
      run.cleanup();
    }
  });

  it("fails the step (exit 3) when a shard's report is missing", async () => {
    const { "reports/ses-guard-shard-2/report.json": _missing, ...rest } = reports;
    const run = await runAction({
      node,
      sesEndpoint: NOWHERE,
      stsEndpoint: NOWHERE,
      files: rest,
      inputs: { merge: "reports/**/*.json", "fail-on": "none" },
    });
    try {
      expect(run.code).toBe(3);
      expect(run.outputs.passed).toBe("false");
      expect(run.summary).toContain("shard 2/3 is missing");
    } finally {
      run.cleanup();
    }
  });

  it("fails the step (exit 2) when the glob matches nothing or a report arrives twice", async () => {
    const none = await runAction({
      node,
      sesEndpoint: NOWHERE,
      stsEndpoint: NOWHERE,
      inputs: { merge: "reports/*.json" },
    });
    try {
      expect(none.code).toBe(2);
      expect(none.stdout).toContain("matches no file in the workspace");
    } finally {
      none.cleanup();
    }
    const copy = {
      ...reports,
      "reports/again/report.json": reports["reports/ses-guard-shard-1/report.json"] ?? "",
    };
    const twice = await runAction({
      node,
      sesEndpoint: NOWHERE,
      stsEndpoint: NOWHERE,
      files: copy,
      inputs: { merge: "reports/**/*.json" },
    });
    try {
      expect(twice.code).toBe(2);
      expect(twice.stdout).toContain("are both shard 1/3");
    } finally {
      twice.cleanup();
    }
  });

  it("refuses a shard input that is not K/N (exit 2)", async () => {
    const run = await runAction({
      node,
      sesEndpoint: NOWHERE,
      stsEndpoint: NOWHERE,
      inputs: { shard: "4/3" },
    });
    try {
      expect(run.code).toBe(2);
      expect(run.stdout).toContain("input shard");
    } finally {
      run.cleanup();
    }
  });
});
