/**
 * A live check of many Regions through the built CLI says nothing on standard error but progress:
 * the interrupt and the run's deadline are shared by every Region, and Node used to warn
 * "MaxListenersExceededWarning: Possible EventTarget memory leak" on every run of ten or more.
 */
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { runCli } from "../helpers/cli.js";
import { useFaultServer } from "../helpers/use-fault-server.js";
import { FLEET_REGIONS } from "../report/fleet-report.js";

const live = useFaultServer();

describe("a live check of seventeen Regions", () => {
  it("prints no MaxListenersExceededWarning, or any other warning", async () => {
    const run = await runCli(["check", "--region", FLEET_REGIONS.join(","), "--format", "json"], {
      env: { AWS_ENDPOINT_URL: live.server.url },
      timeoutMs: 60_000,
    });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.targets.map((t) => t.status)).toEqual(FLEET_REGIONS.map(() => "ok"));
    expect(run.stderr).not.toContain("MaxListenersExceededWarning");
    expect(run.stderr).not.toMatch(/Warning|memory leak/);
  });
});
