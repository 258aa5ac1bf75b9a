/**
 * Reading a fleet over real HTTP: the real STS and SES v2 clients against the fleet fake. Roles
 * are assumed once per account; a role that cannot be assumed fails only its own account, closed.
 */
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/run.js";
import { FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN } from "../helpers/aws-test-env.js";
import { CALLER_ARN } from "../helpers/fake-sts.js";
import { accountIds, useFleetServer } from "../helpers/use-fleet-server.js";

const fleet = useFleetServer();

describe("reading accounts by assuming a role in each", () => {
  it("reads 50 accounts x 2 Regions where 2 roles fail: 48 read, 4 error targets, exit 3", async () => {
    const ids = accountIds(50);
    const denied = [ids[7], ids[31]] as string[];
    for (const id of denied) fleet.server.sts.deniedRoles.add(`arn:aws:iam::${id}:role/ses-audit`);
    const outcome = await runCheck(
      fleet.options({ source: { kind: "accounts", ids }, role: "ses-audit" }),
      fleet.host(),
    );
    const { targets } = outcome.report;
    expect(targets).toHaveLength(100);
    expect(targets.filter((t) => t.status === "ok")).toHaveLength(96);
    const errors = targets.filter((t) => t.status === "error");
    expect(errors.map((t) => `${t.accountId} ${t.region}`).sort()).toEqual(
      denied.flatMap((id) => [`${id} eu-west-1`, `${id} us-east-1`]).sort(),
    );
    for (const target of errors) {
      expect(target.error?.code).toBe("AssumeRoleFailed");
      expect(target.error?.message).toContain(`arn:aws:iam::${target.accountId}:role/ses-audit`);
      expect(target.error?.message).toContain("AccessDenied");
      expect(target.error?.message).toContain(`trust policy must allow sts:AssumeRole by ${CALLER_ARN}`);
      expect(target.error?.message).toContain("role's permissions must allow ses:GetAccount");
    }
    // Every other account is still checked: its rules pass.
    const passed = new Set(outcome.report.results.filter((r) => r.status === "pass").map((r) => r.accountId));
    expect(passed.size).toBe(48);
    expect(outcome.exitCode).toBe(3);
    // No credential of the caller or of any role reaches the report.
    for (const secret of ["fakeRoleSecret", "fakeRoleToken", FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN]) {
      expect(outcome.outputs[0]?.text).not.toContain(secret);
    }
    // One AssumeRole per account, shared by both of its Regions.
    expect(fleet.server.sts.assumeRoleCalls).toHaveLength(50);
    expect(
      fleet.server.sts.assumeRoleCalls.every((call) => call.get("RoleSessionName") === "ses-guard"),
    ).toBe(true);
    // Each account's Regions were read with that account's own credentials.
    expect(fleet.server.sesCalls).toHaveLength(96);
    const readAccounts = new Set(fleet.server.sesCalls.map((call) => call.account));
    expect(readAccounts.size).toBe(48);
    for (const id of denied) expect(readAccounts.has(id)).toBe(false);
  });

  it("labels every target with the account id it assumed into, in account id order", async () => {
    const ids = ["300000000003", "100000000001", "200000000002"];
    const outcome = await runCheck(
      fleet.options(
        {
          source: { kind: "accounts", ids },
          role: "arn:aws:iam::{accountId}:role/audit/ses",
          externalId: "ext-42",
        },
        { regions: ["us-east-1"] },
      ),
      fleet.host(),
    );
    expect(outcome.report.targets.map((t) => t.accountId)).toEqual([
      "100000000001",
      "200000000002",
      "300000000003",
    ]);
    expect(fleet.server.sts.assumeRoleCalls.map((call) => call.get("RoleArn")).sort()).toEqual(
      [...ids].sort().map((id) => `arn:aws:iam::${id}:role/audit/ses`),
    );
    expect(fleet.server.sts.assumeRoleCalls.every((call) => call.get("ExternalId") === "ext-42")).toBe(true);
    expect(outcome.exitCode).toBe(0);
  });

  it("leaves out --exclude-accounts", async () => {
    const ids = accountIds(3);
    const outcome = await runCheck(
      fleet.options(
        { source: { kind: "accounts", ids }, role: "ses-audit", excludeAccounts: [ids[1] as string] },
        { regions: ["us-east-1"] },
      ),
      fleet.host(),
    );
    expect(outcome.report.targets.map((t) => t.accountId)).toEqual([ids[0], ids[2]]);
  });

  it("keeps GetAccount requests in flight over the whole run within --concurrency", async () => {
    fleet.server.sesDelayMs = 30;
    const outcome = await runCheck(
      fleet.options(
        { source: { kind: "accounts", ids: accountIds(12) }, role: "ses-audit" },
        { regions: ["us-east-1", "eu-west-1", "us-west-2"], concurrency: 4 },
      ),
      fleet.host(),
    );
    expect(outcome.report.targets.filter((t) => t.status === "ok")).toHaveLength(36);
    expect(fleet.server.maxSesInFlight()).toBeLessThanOrEqual(4);
    expect(fleet.server.maxSesInFlight()).toBeGreaterThan(1);
  });

  it("retries a throttled AssumeRole with backoff and then reads the account", async () => {
    const [id] = accountIds(1) as [string];
    const arn = `arn:aws:iam::${id}:role/ses-audit`;
    fleet.server.sts.throttle.set(arn, 2);
    // One SDK attempt per call: the retries seen are ses-guard's own.
    process.env.AWS_MAX_ATTEMPTS = "1";
    const outcome = await runCheck(
      fleet.options(
        { source: { kind: "accounts", ids: [id] }, role: "ses-audit" },
        { regions: ["us-east-1"] },
      ),
      { ...fleet.host(), env: { ...fleet.testEnv.env, AWS_MAX_ATTEMPTS: "1" } },
    );
    expect(fleet.server.sts.assumeRoleCalls).toHaveLength(3);
    expect(outcome.report.targets.map((t) => t.status)).toEqual(["ok"]);
  });

  it("turns credentials that SES refuses into error targets of that account only", async () => {
    const ids = accountIds(3);
    fleet.server.sesDenied.add(ids[1] as string);
    const outcome = await runCheck(
      fleet.options({ source: { kind: "accounts", ids }, role: "ses-audit" }, { regions: ["us-east-1"] }),
      fleet.host(),
    );
    expect(outcome.report.targets.map((t) => `${t.accountId} ${t.status}`)).toEqual([
      `${ids[0]} ok`,
      `${ids[1]} error`,
      `${ids[2]} ok`,
    ]);
    expect(outcome.exitCode).toBe(3);
  });

  it("assumes the role again when the credentials near their expiry during the run", async () => {
    // Credentials that last 4 minutes are inside the 5-minute refresh window at once, as
    // credentials are when a long run outlives them: each later use fetches fresh ones.
    fleet.server.sts.lifetimeSeconds = 240;
    const [id] = accountIds(1) as [string];
    const outcome = await runCheck(
      fleet.options({ source: { kind: "accounts", ids: [id] }, role: "ses-audit" }, { concurrency: 1 }),
      fleet.host(),
    );
    expect(outcome.report.targets.map((t) => t.status)).toEqual(["ok", "ok"]);
    expect(fleet.server.sts.assumeRoleCalls.length).toBeGreaterThan(1);
  });

  it("bounds the caller's own account by --concurrency as well", async () => {
    fleet.server.sesDelayMs = 30;
    const { fleet: _fleet, ...single } = fleet.options(
      { source: { kind: "accounts", ids: [] } },
      { regions: ["us-east-1", "eu-west-1", "us-west-2", "ap-south-1"], concurrency: 1 },
    );
    const outcome = await runCheck(single, fleet.host());
    expect(outcome.report.targets.map((t) => `${t.accountId} ${t.status}`)).toEqual(
      Array.from({ length: 4 }, () => "999999999999 ok"),
    );
    expect(fleet.server.maxSesInFlight()).toBe(1);
  });
});
