/**
 * The Action resolves every relative path against GITHUB_WORKSPACE, wherever the process starts;
 * its "no Region" error names the regions input; the default policy is found in either spelling.
 * The bundled Action, with the SES emulator and the fault server (as STS) on loopback.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { accountsDir } from "../helpers/cli.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { type SesEmulator, startSesEmulator } from "../helpers/ses-emulator.js";
import { runAction } from "./run-action.js";

const healthyText = readFileSync(join(accountsDir, "production-healthy.json"), "utf8");
/** A policy the healthy account fails: the recommended pack alone would pass it. */
const STRICT_QUOTA = `version: 1
rules:
  - id: tiny-quota
    title: The quota is tiny
    check: { path: SendQuota.Max24HourSend, lessThan: 10 }
`;
const node = process.execPath;

let healthy: SesEmulator;
let faults: FaultServer;

beforeAll(async () => {
  [healthy, faults] = await Promise.all([
    startSesEmulator(JSON.parse(healthyText) as Record<string, unknown>),
    startFaultServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([healthy?.stop(), faults?.close()]);
});
beforeEach(() => faults.reset());

describe("the Action's paths are the workspace's", () => {
  it.each([".ses-guard.yaml", ".ses-guard.yml"])(
    "started in another directory, it still runs the workspace's %s and writes the reports there",
    async (name) => {
      const run = await runAction({
        node,
        sesEndpoint: healthy.url,
        stsEndpoint: faults.url,
        files: { [name]: STRICT_QUOTA },
        // A passing policy where the process starts: it must not be the one that runs.
        elsewhere: { ".ses-guard.yaml": "version: 1\nextends: [recommended]\n" },
        inputs: { regions: "us-east-1", "report-file": "out/report.json", "sarif-file": "out/report.sarif" },
      });
      try {
        expect(run.code, run.stdout).toBe(1);
        expect(run.outputs).toMatchObject({
          passed: "false",
          failures: "1",
          "report-file": "out/report.json",
          "sarif-file": "out/report.sarif",
        });
        const report = JSON.parse(readFileSync(join(run.workspace, "out", "report.json"), "utf8")) as Report;
        expect(report.results.map((r) => [r.ruleId, r.status])).toEqual([["tiny-quota", "fail"]]);
        expect(existsSync(join(run.workspace, "out", "report.sarif"))).toBe(true);
        expect(readdirSync(run.elsewhere)).toEqual([".ses-guard.yaml"]);
        expect(run.stdout).toMatch(new RegExp(`^::error file=${name.replace(".", "\\.")},line=3,`, "m"));
      } finally {
        run.cleanup();
      }
    },
  );

  it("policy and input are the workspace's too, and input checks saved data without reading AWS", async () => {
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: { "policies/ses.yaml": STRICT_QUOTA, "data/account.json": healthyText },
      elsewhere: { "policies/ses.yaml": "version: 1\nextends: [recommended]\n" },
      inputs: { policy: "policies/ses.yaml", input: "data/account.json", "report-file": "report.json" },
    });
    try {
      expect(run.code, run.stdout).toBe(1);
      const report = JSON.parse(readFileSync(join(run.workspace, "report.json"), "utf8")) as Report;
      expect(report.targets).toEqual([{ region: "unknown", accountId: null, status: "ok" }]);
      expect(report.results.map((r) => r.ruleId)).toEqual(["tiny-quota"]);
      expect(faults.requests).toHaveLength(0);
    } finally {
      run.cleanup();
    }
  });

  it("both .ses-guard.yaml and .ses-guard.yml in the workspace stop the run, naming both", async () => {
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: { ".ses-guard.yaml": STRICT_QUOTA, ".ses-guard.yml": STRICT_QUOTA },
      inputs: { regions: "us-east-1" },
    });
    try {
      expect(run.code).toBe(2);
      expect(run.stdout.split("\n")[0]).toBe(
        `::error title=ses-guard%3A policy/default-ambiguous::both .ses-guard.yaml and .ses-guard.yml are in ${run.workspace}; ses-guard reads one default policy: remove or rename one, or name the policy to use (--policy, or the Action's policy input)`,
      );
      expect(faults.requests).toHaveLength(0);
    } finally {
      run.cleanup();
    }
  });
});

describe("the Action's messages name its inputs", () => {
  it("no Region anywhere: the error names the regions input", async () => {
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: { ".ses-guard.yaml": STRICT_QUOTA },
      env: { AWS_REGION: "" },
    });
    try {
      expect(run.code).toBe(2);
      const first = run.stdout.split("\n")[0] ?? "";
      expect(first).toMatch(
        /^::error title=ses-guard%3A aws\/no-region::No AWS Region given\. Set the regions input/,
      );
      expect(first).not.toContain("--region");
      expect(run.summary).toContain("Set the regions input of the ses-guard step");
    } finally {
      run.cleanup();
    }
  });

  it("a misspelt Region in the regions input gets a did-you-mean", async () => {
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: { ".ses-guard.yaml": STRICT_QUOTA },
      inputs: { regions: "eu-west-1, us-east1" },
    });
    try {
      expect(run.code).toBe(2);
      expect(run.stdout.split("\n")[0]).toBe(
        '::error title=ses-guard%3A action/invalid-input::input regions must list AWS region names (e.g. us-east-1, eu-west-2) or "all", not "us-east1" (did you mean "us-east-1"?)',
      );
    } finally {
      run.cleanup();
    }
  });
});
