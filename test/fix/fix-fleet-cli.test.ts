/**
 * `ses-guard fix` across a fleet from the built bundle: `--accounts` with `--role`, the real
 * STS and SES v2 clients inside it, and a loopback server keeping each account's state apart.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { createStsScript, type StsScript } from "../helpers/fake-sts.js";
import { type SesStateServer, startSesStateServer } from "../helpers/ses-state-server.js";
import { FIXABLE_ACCOUNT, fixEnv, parsePlan, SECRET } from "./fix-helpers.js";

const ACCOUNTS = ["111111111111", "222222222222", "333333333333"];
const REFUSED = "222222222222";

let server: SesStateServer;
let sts: StsScript;

beforeEach(async () => {
  sts = createStsScript();
  server = await startSesStateServer({ "*": FIXABLE_ACCOUNT }, "999999999999", { sts });
});

afterEach(async () => {
  await server.close();
});

const fix = (args: string[]) =>
  runCli(
    [
      "fix",
      "--policy",
      "strict",
      "--accounts",
      ACCOUNTS.join(","),
      "--role",
      "ses-audit",
      "--region",
      "us-east-1,eu-west-1",
      ...args,
    ],
    { env: fixEnv(server.url) },
  );

describe("ses-guard fix --accounts --role", () => {
  it("plans per account and Region, applies each account's calls with its own role, and a later run plans nothing", async () => {
    sts.deniedRoles.add(`arn:aws:iam::${REFUSED}:role/ses-audit`);
    const plan = await fix([]);
    expect(plan.code).toBe(3);
    for (const id of ACCOUNTS) {
      expect(plan.stdout).toContain(`us-east-1 ${id}`);
      expect(plan.stdout).toContain(`eu-west-1 ${id}`);
    }

    const first = await fix(["--apply", "--yes", "--format", "json"]);
    const applied = parsePlan(first.stdout);
    // The refused account was not read: nothing is applied there, and the run exits 3.
    expect(first.code).toBe(3);
    expect(applied.summary).toMatchObject({ calls: 8, applied: 8, failed: 0 });
    const writes = server.requests.filter((r) => r.operation.startsWith("Put"));
    expect(writes.map((w) => w.account).sort()).toEqual([
      ...Array(4).fill("111111111111"),
      ...Array(4).fill("333333333333"),
    ]);
    expect(`${first.stdout}${first.stderr}`).not.toContain(SECRET);
    expect(`${first.stdout}${first.stderr}`).not.toContain("fakeRoleSecret");

    sts.deniedRoles.clear();
    const second = await fix(["--apply", "--yes", "--format", "json"]);
    expect(second.code).toBe(0);
    const secondPlan = parsePlan(second.stdout);
    expect(secondPlan.summary).toMatchObject({ calls: 4, applied: 4, failed: 0, exitCode: 0 });
    expect(secondPlan.targets.filter((t) => t.calls.length > 0).map((t) => t.accountId)).toEqual([
      REFUSED,
      REFUSED,
    ]);

    const third = await fix(["--apply", "--yes", "--format", "json"]);
    expect(third.code).toBe(0);
    expect(parsePlan(third.stdout).summary.calls).toBe(0);
  });
});
