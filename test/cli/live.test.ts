/**
 * The built `ses-guard` bundle reading live accounts end to end: a real SES v2 emulator and the
 * fault server on loopback, the real SDK inside the bundle, and the exit codes a pipeline sees.
 * An unreadable Region ends in exit 3 while the other Regions are still evaluated.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SES_REGIONS } from "../../src/targets/regions.js";
import type { Report } from "../../src/types.js";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { type SesEmulator, startSesEmulator } from "../helpers/ses-emulator.js";

const SECRET = "sesGuardLiveCliSecret/DoNotPrint0123456789";

/** Healthy on every recommended rule except VDM (a warning), so `check` exits 0 by default. */
const ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: true,
  EnforcementStatus: "HEALTHY",
  ProductionAccessEnabled: true,
  SendQuota: { Max24HourSend: 200000, MaxSendRate: 50, SentLast24Hours: 18250 },
  SendingEnabled: true,
  SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
  Details: {
    MailType: "TRANSACTIONAL",
    WebsiteURL: "https://shop.example.com",
    ContactLanguage: "EN",
    UseCaseDescription: "Order confirmations",
    AdditionalContactEmailAddresses: ["ops@example.com"],
    ReviewDetails: { Status: "GRANTED", CaseId: "172839465" },
  },
};

let emulator: SesEmulator;
let faults: FaultServer;

beforeAll(async () => {
  emulator = await startSesEmulator(ACCOUNT);
  faults = await startFaultServer();
});

afterAll(async () => {
  await emulator.stop();
  await faults.close();
});

beforeEach(() => faults.reset());

/** Every endpoint on loopback: SES on `ses`, STS on the fault server (the emulator has no STS). */
function liveEnv(
  ses: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    AWS_ENDPOINT_URL: ses,
    AWS_ENDPOINT_URL_STS: faults.url,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_MAX_ATTEMPTS: undefined,
    ...extra,
  };
}

function parseReport(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

function expectClean(result: { stdout: string; stderr: string }): void {
  expect(result.stdout + result.stderr).not.toContain(SECRET);
  expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
}

describe("ses-guard check on live accounts", () => {
  it("reads several Regions from the SES emulator and evaluates each", async () => {
    const result = await runCli(["check", "--region", "us-east-1,eu-west-1", "--format", "json"], {
      env: liveEnv(emulator.url),
    });
    expectClean(result);
    expect(result.code).toBe(0);
    const report = parseReport(result.stdout);
    expect(report.targets).toEqual([
      { region: "us-east-1", accountId: "123456789012", status: "ok" },
      { region: "eu-west-1", accountId: "123456789012", status: "ok" },
    ]);
    const inEu = report.results.filter((r) => r.region === "eu-west-1");
    expect(inEu.find((r) => r.ruleId === "suppression-bounce-complaint")?.status).toBe("pass");
    expect(inEu.find((r) => r.ruleId === "vdm-enabled")?.status).toBe("fail");
  });

  it("labels the account with --account-id only when STS cannot tell", async () => {
    // STS answers: its account id wins over --account-id.
    const told = await runCli(
      ["check", "--region", "us-east-1", "--account-id", "111122223333", "--format", "json"],
      { env: liveEnv(emulator.url) },
    );
    expectClean(told);
    expect(parseReport(told.stdout).targets[0]?.accountId).toBe("123456789012");
    // STS refuses: --account-id names the account instead of "unknown".
    faults.onSts({ kind: "error", status: 403, code: "AccessDenied", message: "not allowed" });
    const refused = await runCli(
      ["check", "--region", "us-east-1", "--account-id", "111122223333", "--format", "json"],
      { env: liveEnv(emulator.url) },
    );
    expectClean(refused);
    expect(refused.code).toBe(0);
    const report = parseReport(refused.stdout);
    expect(report.targets).toEqual([{ region: "us-east-1", accountId: "111122223333", status: "ok" }]);
    expect(new Set(report.results.map((r) => r.accountId))).toEqual(new Set(["111122223333"]));
  });

  it("exits 3 for an unreadable Region while the other Regions are still evaluated", async () => {
    faults.on("eu-west-1", {
      kind: "error",
      status: 403,
      type: "AccessDeniedException",
      message: "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ses:GetAccount",
    });
    const result = await runCli(["check", "--region", "us-east-1,eu-west-1", "--format", "json"], {
      env: liveEnv(faults.url),
    });
    expectClean(result);
    expect(result.code).toBe(3);
    const report = parseReport(result.stdout);
    expect(report.summary.exitCode).toBe(3);
    expect(report.targets[0]).toEqual({ region: "us-east-1", accountId: "123456789012", status: "ok" });
    expect(report.targets[1]).toMatchObject({
      region: "eu-west-1",
      status: "error",
      error: { code: "aws/access-denied" },
    });
    expect(report.targets[1]?.error?.hint).toContain('"Action":["ses:GetAccount"]');
    // us-east-1 was evaluated rule by rule; every rule of eu-west-1 is an error, none disappears.
    const east = report.results.filter((r) => r.region === "us-east-1");
    const west = report.results.filter((r) => r.region === "eu-west-1");
    expect(east.length).toBeGreaterThan(0);
    expect(east.every((r) => r.status === "pass")).toBe(true);
    expect(west.map((r) => r.ruleId)).toEqual(east.map((r) => r.ruleId));
    expect(west.every((r) => r.status === "error")).toBe(true);
  });

  it("names ses:GetAccount in the terminal report and still exits 3 with --fail-on none", async () => {
    faults.on("*", { kind: "error", status: 403, type: "AccessDeniedException", message: "not authorized" });
    const result = await runCli(["check", "--region", "us-east-1", "--fail-on", "none"], {
      env: liveEnv(faults.url),
    });
    expectClean(result);
    expect(result.code).toBe(3);
    expect(result.stdout + result.stderr).toContain("ses:GetAccount");
  });

  it("exits 3 after the timeout when a Region never answers", async () => {
    faults.on("eu-west-1", { kind: "hang" });
    const result = await runCli(
      ["check", "--region", "us-east-1,eu-west-1", "--timeout", "1", "--format", "json"],
      {
        env: liveEnv(faults.url, { AWS_MAX_ATTEMPTS: "2" }),
      },
    );
    expectClean(result);
    expect(result.code).toBe(3);
    const report = parseReport(result.stdout);
    expect(report.targets.map((t) => [t.region, t.status, t.error?.code])).toEqual([
      ["us-east-1", "ok", undefined],
      ["eu-west-1", "error", "aws/timeout"],
    ]);
    expect(faults.accountRequests("eu-west-1")).toHaveLength(2);
    expect(result.elapsedMs).toBeLessThan(10_000);
  });

  it("exits 3 when the endpoint refuses connections", async () => {
    const result = await runCli(["check", "--region", "us-east-1", "--format", "json"], {
      env: liveEnv("http://127.0.0.1:9"),
    });
    expectClean(result);
    expect(result.code).toBe(3);
    expect(parseReport(result.stdout).targets[0]?.error?.code).toBe("aws/connection-refused");
  });

  it("takes the endpoint from --endpoint-url", async () => {
    const result = await runCli(
      ["check", "--region", "ap-south-1", "--endpoint-url", emulator.url, "--format", "json"],
      { env: liveEnv("http://127.0.0.1:9") },
    );
    expectClean(result);
    expect(result.code).toBe(0);
    expect(parseReport(result.stdout).targets[0]).toMatchObject({ region: "ap-south-1", status: "ok" });
  });

  it("skips opt-in Regions that --all-regions finds disabled", async () => {
    const disabled = SES_REGIONS.filter((r) => r.optIn).map((r) => r.name);
    expect(disabled).toContain("me-south-1");
    for (const region of disabled) {
      faults.on(region, {
        kind: "error",
        status: 403,
        type: "UnrecognizedClientException",
        message: "The security token included in the request is invalid.",
      });
    }
    const result = await runCli(["check", "--all-regions", "--format", "json"], { env: liveEnv(faults.url) });
    expectClean(result);
    expect(result.code).toBe(0);
    const report = parseReport(result.stdout);
    const skipped = report.targets.filter((t) => t.status === "skipped").map((t) => t.region);
    expect(skipped).toEqual(disabled);
    expect(report.targets.filter((t) => t.status === "ok").length).toBeGreaterThan(10);
  });

  it("exits 2 with a way forward when no Region can be found", async () => {
    const result = await runCli(["check"], {
      env: liveEnv(faults.url, { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined }),
    });
    expectClean(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--region");
    expect(result.stderr).toContain("AWS_REGION");
    expect(faults.requests).toHaveLength(0);
  });
});

describe("ses-guard snapshot of live accounts", () => {
  it("writes what the emulator answered, and check --input evaluates it again offline", async () => {
    const temp = tempDir();
    try {
      const out = join(temp.dir, "snapshot.json");
      const snap = await runCli(["snapshot", "--region", "us-east-1,eu-west-1", "--out", out], {
        env: liveEnv(emulator.url),
      });
      expectClean(snap);
      expect(snap.code).toBe(0);
      const text = readFileSync(out, "utf8");
      expect(text).toContain('"EnforcementStatus": "HEALTHY"');
      expect(text).not.toContain(SECRET);

      // Offline: every AWS endpoint is a closed port, so only the file can answer.
      const check = await runCli(["check", "--input", out, "--format", "json"], {
        env: liveEnv("http://127.0.0.1:9"),
      });
      expect(check.code).toBe(0);
      expect(parseReport(check.stdout).targets.map((t) => [t.region, t.accountId, t.status])).toEqual([
        ["us-east-1", "123456789012", "ok"],
        ["eu-west-1", "123456789012", "ok"],
      ]);
    } finally {
      temp.cleanup();
    }
  });

  it("--out - writes the snapshot to standard output, which check --input - reads back", async () => {
    const temp = tempDir();
    try {
      const snap = await runCli(["snapshot", "--region", "eu-west-1", "--out", "-"], {
        cwd: temp.dir,
        env: liveEnv(emulator.url),
      });
      expectClean(snap);
      expect(snap.code, snap.stderr).toBe(0);
      expect(snap.stderr).toBe("ses-guard: wrote standard output with 1 target\n");
      const snapshot = JSON.parse(snap.stdout) as { kind: string; targets: Array<{ region: string }> };
      expect(snapshot.kind).toBe("ses-guard/snapshot");
      expect(snapshot.targets.map((t) => t.region)).toEqual(["eu-west-1"]);
      // No file named "-" appears.
      expect(readdirSync(temp.dir)).toEqual([]);

      const offline = liveEnv("http://127.0.0.1:9");
      const check = await runCli(["check", "--input", "-", "--format", "json"], {
        stdin: snap.stdout,
        env: offline,
      });
      expect(check.code, check.stderr).toBe(0);
      expect(parseReport(check.stdout).targets.map((t) => [t.region, t.accountId])).toEqual([
        ["eu-west-1", "123456789012"],
      ]);
      // --region labels a get-account input; a snapshot names its own, so the flag is refused.
      const labelled = await runCli(["check", "--input", "-", "--region", "us-east-1"], {
        stdin: snap.stdout,
        env: offline,
      });
      expect(labelled.code).toBe(2);
      expect(labelled.stdout).toBe("");
      expect(labelled.stderr).toBe(
        "ses-guard: --region labels a get-account input; <stdin> is a snapshot, which names the Region and account of each target itself: leave it out\n",
      );
    } finally {
      temp.cleanup();
    }
  });
});
