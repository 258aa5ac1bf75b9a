/**
 * `ses-guard fix` end to end: the built bundle, the real @aws-sdk/client-sesv2 commands inside it,
 * and a stateful SES v2 server on loopback with AWS's replace semantics.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "../helpers/cli.js";
import { type SesStateServer, startSesStateServer } from "../helpers/ses-state-server.js";
import { FIXABLE_ACCOUNT, fixEnv, parsePlan, VALIDATION } from "./fix-helpers.js";

let server: SesStateServer;

beforeEach(async () => {
  server = await startSesStateServer({ "us-east-1": FIXABLE_ACCOUNT, "eu-west-1": FIXABLE_ACCOUNT });
});

afterEach(async () => {
  await server.close();
});

const REGIONS = ["--region", "us-east-1,eu-west-1"];
const fix = (args: string[]) =>
  runCli(["fix", "--policy", "strict", ...REGIONS, ...args], { env: fixEnv(server.url) });
const writes = () => server.requests.filter((r) => r.operation.startsWith("Put"));

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
    const check = await runCli(["check", "--policy", "strict", ...REGIONS], { env: fixEnv(server.url) });
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
    expect(server.requests).toEqual([]);
  });

  it("refuses --apply with --input: saved data can only be planned", async () => {
    const result = await runCli(["fix", "--apply", "--yes", "--input", "-"], {
      stdin: "{}",
      env: fixEnv(server.url),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot be used with --input");
  });
});
