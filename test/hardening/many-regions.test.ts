/**
 * A live check of many Regions through the built CLI says nothing on standard error but progress:
 * the interrupt and the run's deadline are shared by every Region, and Node used to warn
 * "MaxListenersExceededWarning: Possible EventTarget memory leak" on every run of ten or more.
 */
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { runCli } from "../helpers/cli.js";
import { useFaultServer } from "../helpers/use-fault-server.js";

const live = useFaultServer();

const SEVENTEEN_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "eu-south-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "sa-east-1",
];

describe("a live check of seventeen Regions", () => {
  it("prints no MaxListenersExceededWarning, or any other warning", async () => {
    const run = await runCli(["check", "--region", SEVENTEEN_REGIONS.join(","), "--format", "json"], {
      env: { AWS_ENDPOINT_URL: live.server.url },
      timeoutMs: 60_000,
    });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.targets.map((t) => t.status)).toEqual(SEVENTEEN_REGIONS.map(() => "ok"));
    expect(run.stderr).not.toContain("MaxListenersExceededWarning");
    expect(run.stderr).not.toMatch(/Warning|memory leak/);
  });
});
