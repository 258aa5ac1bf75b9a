/**
 * Regions are read in parallel (bounded), and an interrupt stops everything promptly without
 * losing what was already read.
 */
import { describe, expect, it } from "vitest";
import { readAwsTargets } from "../../src/aws/get-account.js";
import { useFaultServerEnv } from "../helpers/use-fault-server.js";

const TEN_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "eu-west-1",
  "eu-west-2",
  "eu-central-1",
  "ap-south-1",
  "ap-northeast-1",
  "sa-east-1",
];

const live = useFaultServerEnv();

async function timed(regions: string[], concurrency?: number): Promise<number> {
  const started = performance.now();
  const targets = await readAwsTargets({
    regions,
    timeoutSeconds: 5,
    env: live.testEnv.env,
    ...(concurrency ? { concurrency } : {}),
  });
  expect(targets.every((t) => t.status === "ok")).toBe(true);
  return performance.now() - started;
}

describe("reading Regions concurrently", () => {
  it("reads ten Regions at 300 ms each in well under 1.5 times one Region", async () => {
    live.server.on("*", { kind: "ok", delayMs: 300 });
    live.server.onSts({ kind: "ok", account: "123456789012", delayMs: 300 });
    await timed(["us-east-1"]); // warm-up: module loading and the first connections
    const one = await timed(["us-east-1"]);
    const ten = await timed(TEN_REGIONS);
    // Coarse bound for a noisy 2-core machine; sequential reading would take about 10x.
    expect(ten).toBeLessThan(one * 1.5 + 150);
    expect(live.server.requests.filter((r) => r.operation === "GetAccount")).toHaveLength(12);
  });

  it("keeps to the concurrency bound", async () => {
    live.server.on("*", { kind: "ok", delayMs: 200 });
    const ms = await timed(TEN_REGIONS.slice(0, 4), 2);
    // Two at a time: two waves of 200 ms.
    expect(ms).toBeGreaterThanOrEqual(390);
    const starts = live.server.requests
      .filter((r) => r.operation === "GetAccount")
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect((starts[2] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(150);
  });
});

describe("interrupting a read", () => {
  it("stops promptly on abort and reports unfinished Regions as interrupted", async () => {
    live.server.on("*", { kind: "hang" });
    live.server.on("us-east-1", { kind: "ok" });
    const controller = new AbortController();
    const started = performance.now();
    const reading = readAwsTargets({
      regions: ["us-east-1", "eu-west-1", "ap-south-1"],
      timeoutSeconds: 30,
      env: live.testEnv.env,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    const targets = await reading;
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(targets.map((t) => [t.region, t.status, t.error?.code])).toEqual([
      ["us-east-1", "ok", undefined],
      ["eu-west-1", "error", "aws/aborted"],
      ["ap-south-1", "error", "aws/aborted"],
    ]);
    expect(targets[1]?.error?.message).toBe("Interrupted before GetAccount in eu-west-1 finished");
  });

  it("stops promptly while the SDK waits between retries", async () => {
    live.server.on("*", {
      kind: "raw",
      status: 429,
      // A Retry-After hint makes the SDK sleep several seconds before the next attempt.
      headers: {
        "content-type": "application/json",
        "x-amzn-ErrorType": "TooManyRequestsException",
        "retry-after": "4",
      },
      body: JSON.stringify({ message: "slow down" }),
    });
    const controller = new AbortController();
    const started = performance.now();
    const reading = readAwsTargets({
      regions: ["us-east-1"],
      timeoutSeconds: 30,
      env: live.testEnv.env,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    const [target] = await reading;
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(target?.error?.code).toBe("aws/aborted");
  });

  it("sends nothing when already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const targets = await readAwsTargets({
      regions: ["us-east-1", "eu-west-1"],
      timeoutSeconds: 5,
      env: live.testEnv.env,
      signal: controller.signal,
    });
    expect(targets.map((t) => t.error?.code)).toEqual(["aws/aborted", "aws/aborted"]);
    expect(live.server.requests).toHaveLength(0);
  });
});
