/**
 * `ses-guard fix` end to end: the built bundle, the real @aws-sdk/client-sesv2 commands inside it,
 * and a stateful SES v2 server on loopback with AWS's replace semantics.
 */
import { describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "../helpers/cli.js";
import { fixEnv, parsePlan, useFixServer, VALIDATION } from "./fix-helpers.js";

const REGIONS = ["--region", "us-east-1,eu-west-1"];
const live = useFixServer();
const { fix, writes } = live;

describe("ses-guard fix (plan)", () => {
  it("plans each call with its complete input and changes nothing; exits as check does", async () => {
    const result = await fix(["--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const plan = parsePlan(result.stdout);
    expect(plan.mode).toBe("plan");
    expect(plan.iamActions).toEqual([
      "ses:GetAccount",
      "ses:PutAccountSuppressionAttributes",
      "ses:PutAccountVdmAttributes",
    ]);
    const [east] = plan.targets;
    expect(east?.accountId).toBe("123456789012");
    expect(east?.calls.map((c) => [c.operation, c.fixes])).toEqual([
      ["PutAccountSuppressionAttributes", ["suppression-bounce-complaint"]],
      ["PutAccountVdmAttributes", ["vdm-optimized-shared-delivery"]],
    ]);
    expect(east?.calls[0]?.input).toEqual({
      SuppressedReasons: ["BOUNCE", "COMPLAINT"],
      ValidationAttributes: VALIDATION,
    });
    expect(writes()).toEqual([]);
    const check = await runCli(["check", "--policy", "strict", ...REGIONS], { env: fixEnv(live.server.url) });
    expect(result.code).toBe(check.code);
  });

  it("prints the plan as text, with the aws sesv2 commands and the IAM actions", async () => {
    const result = await fix([]);
    expect(result.stdout).toContain("1. PutAccountSuppressionAttributes: fixes suppression-bounce-complaint");
    expect(result.stdout).toContain(
      '$ aws sesv2 put-account-vdm-attributes --region eu-west-1 --cli-input-json \'{"VdmAttributes":{"VdmEnabled":"ENABLED","DashboardAttributes":{"EngagementMetrics":"ENABLED"},"GuardianAttributes":{"OptimizedSharedDelivery":"ENABLED"}}}\'',
    );
    expect(result.stdout).toContain(
      "IAM actions needed to apply: ses:GetAccount, ses:PutAccountSuppressionAttributes, ses:PutAccountVdmAttributes",
    );
    expect(result.stdout).toContain("Nothing was changed.");
    expect(writes()).toEqual([]);
  });

  it("refuses --apply without --yes when standard input is not a terminal, before reading anything", async () => {
    const result = await fix(["--apply"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("add --yes to apply without asking");
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(live.server.requests).toEqual([]);
  });

  it("refuses --apply with --input: saved data can only be planned", async () => {
    const result = await runCli(["fix", "--apply", "--yes", "--input", "-"], {
      stdin: "{}",
      env: fixEnv(live.server.url),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot be used with --input");
  });
});
