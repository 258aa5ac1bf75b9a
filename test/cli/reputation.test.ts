/**
 * The reputation facts end to end through the built bundle: `check` with the reputation pack asks
 * CloudWatch (and `recommended` does not), a denied read exits 3, and `snapshot --reputation`
 * stores the rates so that an offline check of the snapshot gives the same results.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { type CloudWatchServer, startCloudWatchServer } from "../helpers/cloudwatch-server.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";

let faults: FaultServer;
let cloudwatch: CloudWatchServer;

beforeAll(async () => {
  faults = await startFaultServer();
  cloudwatch = await startCloudWatchServer();
});

afterAll(async () => {
  await faults.close();
  await cloudwatch.close();
});

beforeEach(() => {
  faults.reset();
  cloudwatch.reset();
});

const env = () => ({ AWS_ENDPOINT_URL: faults.url, AWS_ENDPOINT_URL_CLOUDWATCH: cloudwatch.url });
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const statuses = (report: Report) => report.results.map((r) => `${r.region} ${r.ruleId} ${r.status}`);

describe("ses-guard and the reputation facts", () => {
  it("check with the reputation pack reads the rates and reports them with their unit", async () => {
    cloudwatch.on("us-east-1", {
      kind: "ok",
      bounce: [[minutesAgo(5), 0.031]],
      complaint: [[minutesAgo(5), 0.0001]],
    });
    const result = await runCli(
      ["check", "--policy", "reputation", "--region", "us-east-1", "--format", "json"],
      {
        env: env(),
      },
    );
    expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
    const report = JSON.parse(result.stdout) as Report;
    expect(statuses(report)).toEqual([
      "us-east-1 bounce-rate-below-review pass",
      "us-east-1 bounce-rate-healthy fail",
      "us-east-1 complaint-rate-below-review pass",
      "us-east-1 complaint-rate-healthy pass",
    ]);
    expect(report.results[1]?.message).toBe("bounce rate is 3.1%; must be less than 2%");
    // The failing rule is a warning: the default --fail-on error passes the run.
    expect(result.code).toBe(0);
    expect(cloudwatch.requests).toHaveLength(1);
  });

  it("a quiet account is skipped with the reason, never passed", async () => {
    cloudwatch.on("*", { kind: "ok" });
    const result = await runCli(
      ["check", "--policy", "reputation", "--region", "us-east-1", "--format", "json"],
      {
        env: env(),
      },
    );
    const report = JSON.parse(result.stdout) as Report;
    expect(report.summary).toMatchObject({ pass: 0, skipped: 4 });
    expect(report.results[0]?.message).toContain("no datapoint for it in the last 24 hours");
  });

  it("a denied CloudWatch read is an error target and exit 3", async () => {
    cloudwatch.on("*", {
      kind: "error",
      status: 400,
      type: "com.amazon.coral.service#AccessDeniedException",
      queryCode: "AccessDenied",
      message: "not authorized to perform: cloudwatch:GetMetricData",
    });
    const result = await runCli(["check", "--policy", "reputation", "--region", "us-east-1"], { env: env() });
    expect(result.code).toBe(3);
    expect(result.stdout + result.stderr).toContain("cloudwatch:GetMetricData");
    expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
  });

  it("recommended needs no CloudWatch permission: it never asks", async () => {
    const result = await runCli(["check", "--region", "us-east-1"], { env: env() });
    expect(result.code).toBe(0);
    expect(cloudwatch.requests).toHaveLength(0);
  });

  it("snapshot --reputation stores the rates; an offline check of it gives the same results", async () => {
    cloudwatch.on("us-east-1", { kind: "ok", bounce: [[minutesAgo(5), 0.06]] });
    cloudwatch.on("eu-west-1", { kind: "ok" });
    const { dir, cleanup } = tempDir();
    try {
      const policy = ["--policy", "recommended", "--policy", "reputation"];
      const regions = ["--region", "us-east-1,eu-west-1"];
      const live = await runCli(["check", ...policy, ...regions, "--format", "json"], { env: env() });
      const out = join(dir, "snap.json");
      const snap = await runCli(["snapshot", ...regions, "--reputation", "--out", out], { env: env() });
      expect(snap.code, snap.stderr).toBe(0);
      const saved = JSON.parse(readFileSync(out, "utf8")) as {
        targets: { region: string; reputation?: unknown }[];
      };
      expect(saved.targets.map((t) => [t.region, t.reputation])).toEqual([
        ["us-east-1", { bounceRatePercent: 6 }],
        ["eu-west-1", {}],
      ]);
      const offline = await runCli(["check", ...policy, "--input", out, "--format", "json"], { env: env() });
      expect(offline.code).toBe(live.code);
      expect(live.code).toBe(1);
      const messages = (report: Report) =>
        report.results.map((r) => `${r.region} ${r.ruleId} ${r.status}: ${r.message}`);
      expect(messages(JSON.parse(offline.stdout))).toEqual(messages(JSON.parse(live.stdout)));
    } finally {
      cleanup();
    }
  });

  it("a snapshot taken without --reputation fails the reputation rules rather than skipping them", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = join(dir, "snap.json");
      expect((await runCli(["snapshot", "--region", "us-east-1", "--out", out], { env: env() })).code).toBe(
        0,
      );
      expect(cloudwatch.requests).toHaveLength(0);
      const offline = await runCli(["check", "--policy", "reputation", "--input", out, "--format", "json"]);
      const report = JSON.parse(offline.stdout) as Report;
      expect(offline.code).toBe(1);
      expect(report.results[0]?.message).toContain("snapshot --reputation");
    } finally {
      cleanup();
    }
  });

  it("--reputation belongs to snapshot only", async () => {
    const result = await runCli(["check", "--reputation"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--reputation does not apply to `ses-guard check`");
  });
});
