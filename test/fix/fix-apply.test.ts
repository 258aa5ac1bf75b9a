/**
 * `ses-guard fix --apply` end to end: the built bundle, the real @aws-sdk/client-sesv2 commands
 * inside it, and a stateful SES v2 server on loopback with AWS's replace semantics; faults per
 * Region, unreadable targets, conflicts and waivers.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { FIXABLE_ACCOUNT, fixEnv, parsePlan, SECRET, useFixServer, VALIDATION } from "./fix-helpers.js";

const REGIONS = ["--region", "us-east-1,eu-west-1"];
const live = useFixServer();
const { fix, writes } = live;

describe("ses-guard fix --apply", () => {
  it("applies, reads again, re-evaluates, and keeps what each call carries; a second run plans nothing", async () => {
    const result = await fix(["--apply", "--yes", "--format", "json"]);
    expect(result.stderr).toBe("");
    const applied = parsePlan(result.stdout);
    expect(result.code).toBe(0);
    expect(applied.summary).toMatchObject({ calls: 4, applied: 4, failed: 0, exitCode: 0 });
    expect(applied.targets.flatMap((t) => t.calls.map((c) => c.outcome?.status))).toEqual([
      "applied",
      "applied",
      "applied",
      "applied",
    ]);
    expect(applied.reevaluation?.summary).toMatchObject({ fail: 0, error: 0, exitCode: 0 });
    for (const region of ["us-east-1", "eu-west-1"]) {
      const account = live.server.account(region);
      // Turning Guardian on kept the dashboard; adding COMPLAINT kept BOUNCE and validation.
      expect(account?.VdmAttributes).toEqual({
        VdmEnabled: "ENABLED",
        DashboardAttributes: { EngagementMetrics: "ENABLED" },
        GuardianAttributes: { OptimizedSharedDelivery: "ENABLED" },
      });
      expect(account?.SuppressionAttributes).toEqual({
        SuppressedReasons: ["BOUNCE", "COMPLAINT"],
        ValidationAttributes: VALIDATION,
      });
    }
    // Read twice per Region: once to plan, once to verify.
    expect(live.server.requests.filter((r) => r.operation === "GetAccount")).toHaveLength(4);

    const again = await fix(["--apply", "--yes", "--format", "json"]);
    expect(again.code).toBe(0);
    expect(parsePlan(again.stdout).summary.calls).toBe(0);
    expect(writes()).toHaveLength(4);
  });

  it("never calls PutAccountDetails, even when production access and details fail", async () => {
    live.server.setAccount("us-east-1", {
      ...FIXABLE_ACCOUNT,
      ProductionAccessEnabled: false,
      Details: { ...FIXABLE_ACCOUNT.Details, MailType: "MARKETING" },
    });
    const policy = ["--policy", "strict", "--policy", "test/fixtures/fix/details.yaml"];
    const result = await runCli(
      ["fix", ...policy, "--region", "us-east-1", "--apply", "--yes", "--format", "json"],
      {
        env: fixEnv(live.server.url),
      },
    );
    const plan = parsePlan(result.stdout);
    expect(plan.targets[0]?.manual.map((m) => m.ruleId).sort()).toEqual([
      "production-access",
      "transactional-mail",
    ]);
    expect(plan.targets[0]?.manual[0]?.command).toMatch(/^aws sesv2 put-account-details --region us-east-1 /);
    expect(live.server.requests.some((r) => r.operation === "PutAccountDetails")).toBe(false);
    expect(result.code).toBe(1);
  });

  it.each([
    [
      "HTTP 500",
      { status: 500, type: "InternalFailure", message: "We encountered an internal error" },
      "aws/server-error",
    ],
    [
      "AccessDenied",
      {
        status: 403,
        type: "AccessDeniedException",
        message: "User is not authorized to perform ses:PutAccountVdmAttributes",
      },
      "aws/access-denied",
    ],
  ])(
    "one Region's PUT failing with %s: the others apply, the failure is reported, exit 3",
    async (_name, fault, code) => {
      live.server.fail("eu-west-1", "PutAccountVdmAttributes", fault);
      const result = await runCli(
        ["fix", "--policy", "strict", ...REGIONS, "--apply", "--yes", "--format", "json"],
        {
          env: { ...fixEnv(live.server.url), AWS_MAX_ATTEMPTS: "1" },
        },
      );
      expect(result.code).toBe(3);
      const plan = parsePlan(result.stdout);
      const [east, west] = plan.targets;
      expect(east?.calls.map((c) => c.outcome?.status)).toEqual(["applied", "applied"]);
      expect(west?.calls.map((c) => c.outcome?.status)).toEqual(["applied", "failed"]);
      const failed = west?.calls[1]?.outcome?.error;
      expect(failed?.code).toBe(code);
      expect(failed?.message).toContain("PutAccountVdmAttributes in eu-west-1");
      expect(failed?.message).toContain(fault.message);
      expect(live.server.account("us-east-1")?.VdmAttributes).toMatchObject({
        GuardianAttributes: { OptimizedSharedDelivery: "ENABLED" },
      });
      expect(live.server.account("eu-west-1")?.VdmAttributes).toEqual(FIXABLE_ACCOUNT.VdmAttributes);
      expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
      expect(plan.summary).toMatchObject({ applied: 3, failed: 1, exitCode: 3 });
    },
  );

  it("removes the secret key from an AWS error that echoes it", async () => {
    live.server.fail("us-east-1", "PutAccountSuppressionAttributes", {
      status: 403,
      type: "AccessDeniedException",
      message: `Denied for request signed with ${SECRET}`,
    });
    const result = await runCli(["fix", "--policy", "strict", "--region", "us-east-1", "--apply", "--yes"], {
      env: fixEnv(live.server.url),
    });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      "FAILED: Access denied: the identity in use may not call ses:PutAccountSuppressionAttributes",
    );
    expect(result.stdout).toContain("[redacted]");
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
  });

  it("exits 3 when a changed target cannot be read again", async () => {
    const denied = { status: 403, type: "AccessDeniedException", message: "denied" };
    live.server.fail("eu-west-1", "GetAccount", denied, 1);
    const result = await fix(["--apply", "--yes", "--format", "json"]);
    const plan = parsePlan(result.stdout);
    expect(plan.summary).toMatchObject({ applied: 4, failed: 0, exitCode: 3 });
    expect(plan.reevaluation?.targets.map((t) => [t.region, t.status])).toEqual([
      ["us-east-1", "ok"],
      ["eu-west-1", "error"],
    ]);
    expect(result.code).toBe(3);
  });

  it("applies the targets in parallel", async () => {
    const east = live.server.hold("PutAccountSuppressionAttributes", "us-east-1");
    const west = live.server.hold("PutAccountSuppressionAttributes", "eu-west-1");
    const run = fix(["--apply", "--yes", "--format", "json"]);
    // Both first calls are in flight at once: neither is answered before both have arrived.
    await Promise.all([east.arrived, west.arrived]);
    east.release();
    west.release();
    const result = await run;
    expect(result.code).toBe(0);
    expect(parsePlan(result.stdout).summary.applied).toBe(4);
  });

  it("applies nothing for a target whose read failed", async () => {
    live.server.fail("eu-west-1", "GetAccount", {
      status: 403,
      type: "AccessDeniedException",
      message: "denied",
    });
    const result = await fix(["--apply", "--yes", "--format", "json"]);
    expect(result.code).toBe(3);
    const plan = parsePlan(result.stdout);
    expect(plan.targets[1]).toMatchObject({ region: "eu-west-1", status: "not-read", calls: [] });
    expect(writes().every((r) => r.region === "us-east-1")).toBe(true);
    expect(writes()).toHaveLength(2);
  });

  it("applies nothing for a member two rules disagree about, and names both rules", async () => {
    const args = ["fix", "--policy", "test/fixtures/fix/conflict.yaml", "--region", "us-east-1"];
    const result = await runCli([...args, "--apply", "--yes", "--format", "json"], {
      env: fixEnv(live.server.url),
    });
    const plan = parsePlan(result.stdout);
    expect(plan.targets[0]?.conflicts).toEqual([
      {
        path: "VdmAttributes.GuardianAttributes.OptimizedSharedDelivery",
        rules: [
          { ruleId: "guardian-on", value: "ENABLED" },
          { ruleId: "guardian-off", value: "DISABLED" },
        ],
      },
    ]);
    expect(writes().map((r) => r.operation)).toEqual(["PutAccountSuppressionAttributes"]);
    expect(live.server.account("us-east-1")?.VdmAttributes).toEqual(FIXABLE_ACCOUNT.VdmAttributes);
    // guardian-off fails on the absent member; guardian-on is an error-severity failure too.
    expect(result.code).toBe(1);
  });

  it("leaves a waived rule alone", async () => {
    const result = await runCli(
      [
        "fix",
        "--policy",
        "test/fixtures/fix/waived.yaml",
        "--region",
        "us-east-1",
        "--apply",
        "--yes",
        "--format",
        "json",
      ],
      { env: fixEnv(live.server.url) },
    );
    const plan = parsePlan(result.stdout);
    expect(plan.targets[0]?.waived).toEqual(["vdm-optimized-shared-delivery"]);
    expect(writes().map((r) => r.operation)).toEqual(["PutAccountSuppressionAttributes"]);
    expect(result.code).toBe(0);
  });
});
