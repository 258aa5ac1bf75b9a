/**
 * `ses-guard fix` across a fleet, in process with the real SDK clients: STS AssumeRole per account
 * and the SES v2 Put* calls on a loopback server that keeps each account's state apart by the
 * access key the fake STS handed out. One account's role is refused: its calls fail, the others
 * apply, and a later run plans only what is still to do.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunHost, RunOptions } from "../../src/run.js";
import { applyFix, callCount, prepareFix } from "../../src/run-fix.js";
import { DEFAULT_ROLE_SESSION_NAME } from "../../src/targets/fleet.js";
import { type AwsTestEnv, createAwsTestEnv, useProcessEnv } from "../helpers/aws-test-env.js";
import { accessKeyFor, createStsScript, type StsScript } from "../helpers/fake-sts.js";
import { type SesStateServer, startSesStateServer } from "../helpers/ses-state-server.js";
import { FIXABLE_ACCOUNT, planSchemaErrors, VALIDATION } from "./fix-helpers.js";

const ACCOUNTS = ["111111111111", "222222222222", "333333333333"];
const REFUSED = "222222222222";
const REGIONS = ["us-east-1", "eu-west-1"];
const roleOf = (id: string) => `arn:aws:iam::${id}:role/ses-audit`;

let server: SesStateServer;
let sts: StsScript;
let testEnv: AwsTestEnv;
let restore: () => void;

beforeEach(async () => {
  sts = createStsScript();
  server = await startSesStateServer({ "*": FIXABLE_ACCOUNT }, "999999999999", { sts });
  // Two profiles whose keys are those the fake STS would give two accounts: each is one account.
  const credentials = ["111111111111", "333333333333"]
    .map(
      (id) =>
        `[acct-${id}]\naws_access_key_id = ${accessKeyFor(id)}\naws_secret_access_key = profileSecret${id}\n`,
    )
    .join("\n");
  testEnv = await createAwsTestEnv({ endpointUrl: server.url, credentials });
  restore = useProcessEnv(testEnv.env);
});

afterEach(async () => {
  restore();
  await server.close();
  await testEnv.cleanup();
});

function host(): RunHost {
  return {
    cwd: testEnv.dir,
    env: testEnv.env,
    now: () => new Date("2026-06-01T00:00:00Z"),
    readStdin: async () => undefined,
    color: false,
  };
}

function options(fleet: Partial<NonNullable<RunOptions["fleet"]>> = {}): RunOptions {
  return {
    policies: ["strict"],
    inputs: [],
    regions: REGIONS,
    formats: [{ name: "json" }],
    failOn: "error",
    timeoutSeconds: 5,
    concurrency: 2,
    fleet: {
      source: { kind: "accounts", ids: ACCOUNTS },
      role: "ses-audit",
      roleSessionName: DEFAULT_ROLE_SESSION_NAME,
      excludeAccounts: [],
      ...fleet,
    },
  };
}

async function fixApply() {
  const prepared = await prepareFix(options(), host());
  const calls = callCount(prepared.plan);
  const document = await applyFix(prepared, options(), host(), new AbortController().signal);
  return { prepared, calls, document };
}

const assumed = (id: string) =>
  sts.assumeRoleCalls.filter((params) => params.get("RoleArn") === roleOf(id)).length;

describe("ses-guard fix across a fleet", () => {
  it("plans per account and Region, applies each account with its own role, and fails only the refused one", async () => {
    sts.deniedRoles.add(roleOf(REFUSED));
    const prepared = await prepareFix(options(), host());
    // Keyed by account and Region: three accounts in each of two Regions.
    expect(prepared.plan.targets.map((t) => `${t.accountId}/${t.region}`).sort()).toEqual(
      ACCOUNTS.flatMap((id) => REGIONS.map((region) => `${id}/${region}`)).sort(),
    );
    const refused = prepared.plan.targets.filter((t) => t.accountId === REFUSED);
    expect(refused.map((t) => t.status)).toEqual(["not-read", "not-read"]);
    expect(callCount(prepared.plan)).toBe(8);
    const beforeApply = ACCOUNTS.map(assumed);

    // The refused account was not read, so nothing is planned or applied there; the others apply.
    const document = await applyFix(prepared, options(), host(), new AbortController().signal);
    expect(planSchemaErrors(document)).toEqual([]);
    expect(document.summary).toMatchObject({ calls: 8, applied: 8, failed: 0 });
    // Re-read by account and Region; the refused account is still an error there: exit 3.
    expect(document.summary.exitCode).toBe(3);
    const again = document.reevaluation?.targets ?? [];
    for (const id of ACCOUNTS.filter((a) => a !== REFUSED)) {
      for (const region of REGIONS) {
        expect(again.find((t) => t.accountId === id && t.region === region)?.status).toBe("ok");
        const account = server.account(region, id);
        expect(account?.SuppressionAttributes).toEqual({
          SuppressedReasons: ["BOUNCE", "COMPLAINT"],
          ValidationAttributes: VALIDATION,
        });
        expect(account?.VdmAttributes).toMatchObject({
          GuardianAttributes: { OptimizedSharedDelivery: "ENABLED" },
        });
      }
      // Assumed once for the apply, shared by both Regions (and once more for the read again).
      expect(assumed(id) - (beforeApply[ACCOUNTS.indexOf(id)] ?? 0)).toBe(2);
    }
    // Every write was signed by the role of the account it changed, never by the caller.
    const writes = server.requests.filter((r) => r.operation.startsWith("Put"));
    expect(writes).toHaveLength(8);
    expect(writes.every((w) => w.account !== undefined && w.account !== REFUSED)).toBe(true);
    expect(server.account("us-east-1", REFUSED)).toEqual(FIXABLE_ACCOUNT);
  });

  it("fails the calls of an account whose role is refused while applying, applies the others, and a second run plans nothing", async () => {
    // Readable, then refused once the plan is made (a trust policy changed in between).
    const prepared = await prepareFix(options(), host());
    expect(callCount(prepared.plan)).toBe(12);
    sts.deniedRoles.add(roleOf(REFUSED));
    const assumedBefore = assumed(REFUSED);
    const document = await applyFix(prepared, options(), host(), new AbortController().signal);
    expect(document.summary).toMatchObject({ calls: 12, applied: 8, failed: 4, exitCode: 3 });
    // Asked once for the account's four calls in two Regions, then once by the read again.
    expect(assumed(REFUSED) - assumedBefore).toBe(2);
    for (const target of document.targets) {
      const statuses = target.calls.map((c) => c.outcome?.status);
      if (target.accountId === REFUSED) {
        expect(statuses).toEqual(["failed", "failed"]);
        const error = target.calls[0]?.outcome?.error;
        expect(error?.code).toBe("AssumeRoleFailed");
        expect(error?.message).toContain(roleOf(REFUSED));
        expect(error?.message).toContain("ses:PutAccount*");
      } else {
        expect(statuses).toEqual(["applied", "applied"]);
      }
    }
    expect(JSON.stringify(document)).not.toContain("fakeRoleSecret");
    expect(JSON.stringify(document)).not.toContain("fakeRoleToken");

    // The role is trusted again: only the refused account's calls are left to make.
    sts.deniedRoles.clear();
    const second = await fixApply();
    expect(second.calls).toBe(4);
    expect(second.prepared.plan.targets.filter((t) => t.calls.length > 0).map((t) => t.accountId)).toEqual([
      REFUSED,
      REFUSED,
    ]);
    expect(second.document.summary).toMatchObject({ applied: 4, failed: 0, exitCode: 0 });

    const third = await fixApply();
    expect(third.calls).toBe(0);
    expect(third.document.summary.exitCode).toBe(0);
    expect(server.requests.filter((r) => r.operation.startsWith("Put"))).toHaveLength(12);
    expect(server.requests.some((r) => r.operation === "PutAccountDetails")).toBe(false);
  });

  it("applies each profile's calls with that profile's credentials", async () => {
    const profiles = options({
      source: { kind: "profiles", profiles: ["acct-111111111111", "acct-333333333333"] },
    });
    delete profiles.fleet?.role;
    const prepared = await prepareFix(profiles, host());
    expect(prepared.plan.targets.map((t) => t.accountId).sort()).toEqual([
      "111111111111",
      "111111111111",
      "333333333333",
      "333333333333",
    ]);
    const document = await applyFix(prepared, profiles, host(), new AbortController().signal);
    expect(document.summary).toMatchObject({ calls: 8, applied: 8, failed: 0, exitCode: 0 });
    for (const id of ["111111111111", "333333333333"]) {
      for (const region of REGIONS) {
        expect(server.account(region, id)?.SuppressionAttributes).toEqual({
          SuppressedReasons: ["BOUNCE", "COMPLAINT"],
          ValidationAttributes: VALIDATION,
        });
      }
    }
    const writes = server.requests.filter((r) => r.operation.startsWith("Put"));
    expect(writes.map((w) => w.account).sort()).toEqual([
      ...Array(4).fill("111111111111"),
      ...Array(4).fill("333333333333"),
    ]);
    // No role is assumed for profiles.
    expect(sts.assumeRoleCalls).toHaveLength(0);
    expect(callCount((await prepareFix(profiles, host())).plan)).toBe(0);
  });

  it("once interrupted, starts no call and assumes no role", async () => {
    const prepared = await prepareFix(options(), host());
    const before = sts.assumeRoleCalls.length;
    const stop = new AbortController();
    stop.abort("SIGINT");
    const document = await applyFix(prepared, options(), host(), stop.signal);
    expect(document.summary).toMatchObject({
      calls: 12,
      applied: 0,
      failed: 0,
      notStarted: 12,
      exitCode: 130,
    });
    expect(sts.assumeRoleCalls).toHaveLength(before);
    expect(server.requests.filter((r) => r.operation.startsWith("Put"))).toHaveLength(0);
  });
});
