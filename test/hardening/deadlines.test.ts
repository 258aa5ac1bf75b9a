/**
 * Deadlines of the live path as a pipeline sees them: whatever never answers (SES in every Region,
 * STS, a credential source waiting for input that never comes), `check` and `snapshot` end within
 * the documented bound with exit 3, say what timed out, and the process exits. Per-request and
 * per-Region deadlines are tested in test/account/aws-faults.test.ts (an endpoint that never
 * answers, a body that trickles in for ever) and test/cli/live.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { regionDeadlineMs, runDeadlineMs } from "../../src/aws/get-account.js";
import type { Report } from "../../src/types.js";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { hangingCredentialProcess } from "../helpers/credential-process.js";
import { useFaultServer } from "../helpers/use-fault-server.js";

const live = useFaultServer();
const { dir, cleanup } = tempDir("ses-guard-deadlines-");
afterAll(cleanup);

/** Node's start and the report on a loaded 2-core machine. */
const SLACK_MS = 4_000;

describe("the deadline of the whole live read", () => {
  it("is both Region phases (credentials, then each wave of Regions) plus a second", () => {
    expect(regionDeadlineMs(10_000, 3)).toBe(41_500);
    // The defaults: --timeout 10, 3 attempts, every SES Region in one wave.
    expect(runDeadlineMs(10_000, 3, 29, 32)).toBe(84_000);
    expect(runDeadlineMs(1_000, 1, 3, 1)).toBe(1_000 + 3 * 1_000 + 1_000);
  });

  it("ends a check in which nothing ever answers with exit 3, every Region timed out", async () => {
    live.server.on("*", { kind: "hang" });
    live.server.onSts({ kind: "hang" });
    const run = await runCli(
      ["check", "--region", "us-east-1,eu-west-1,ap-south-1", "--timeout", "1", "--format", "json"],
      { cwd: dir, env: { AWS_ENDPOINT_URL: live.server.url, AWS_MAX_ATTEMPTS: "2" }, timeoutMs: 60_000 },
    );
    expect(run.code, run.stderr).toBe(3);
    expect(hasStackTrace(run.stderr)).toBe(false);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.targets.map((t) => [t.region, t.accountId, t.error?.code])).toEqual([
      ["us-east-1", null, "aws/timeout"],
      ["eu-west-1", null, "aws/timeout"],
      ["ap-south-1", null, "aws/timeout"],
    ]);
    expect(report.results.every((r) => r.status === "error")).toBe(true);
    expect(live.server.accountRequests("eu-west-1")).toHaveLength(2);
    expect(run.elapsedMs).toBeLessThan(runDeadlineMs(1_000, 2, 3, 32) + SLACK_MS);
  });

  it("ends a snapshot in which nothing ever answers with exit 3, writing what it knows", async () => {
    live.server.on("*", { kind: "hang" });
    live.server.onSts({ kind: "hang" });
    const run = await runCli(
      ["snapshot", "--region", "us-east-1", "--timeout", "1", "--out", "evidence.json"],
      {
        cwd: dir,
        env: { AWS_ENDPOINT_URL: live.server.url, AWS_MAX_ATTEMPTS: "1" },
        timeoutMs: 60_000,
      },
    );
    expect(run.code, run.stderr).toBe(3);
    const snapshot = JSON.parse(readFileSync(join(dir, "evidence.json"), "utf8")) as {
      targets: Array<{ status: string; error?: { code: string } }>;
    };
    expect(snapshot.targets).toMatchObject([{ status: "error", error: { code: "aws/timeout" } }]);
    expect(run.elapsedMs).toBeLessThan(runDeadlineMs(1_000, 1, 1, 32) + SLACK_MS);
  });

  it("ends, and the process exits, when the credential source waits for ever", async () => {
    const credentials = hangingCredentialProcess(dir);
    const run = await runCli(
      [
        "check",
        "--profile",
        credentials.profile,
        "--region",
        "us-east-1",
        "--timeout",
        "1",
        "--format",
        "json",
      ],
      {
        cwd: dir,
        env: {
          AWS_ENDPOINT_URL: live.server.url,
          AWS_MAX_ATTEMPTS: "1",
          AWS_ACCESS_KEY_ID: undefined,
          AWS_SECRET_ACCESS_KEY: undefined,
          AWS_CONFIG_FILE: credentials.config,
        },
        timeoutMs: 30_000,
      },
    );
    expect(run.code, run.stderr).toBe(3);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.targets[0]?.error).toMatchObject({
      code: "aws/timeout",
      message: "Resolving AWS credentials took longer than 1 s",
    });
    expect(live.server.requests).toHaveLength(0);
    expect(run.elapsedMs).toBeLessThan(runDeadlineMs(1_000, 1, 1, 32) + SLACK_MS);
    // The abandoned credential process outlives ses-guard; end it here.
    credentials.stop();
  });
});
