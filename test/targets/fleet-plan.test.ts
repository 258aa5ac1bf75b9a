/** Planning a role-based fleet: roles resolved per account, exclusions, order, skipped states. */
import { describe, expect, it } from "vitest";
import { planAccounts } from "../../src/targets/fleet-plan.js";
import { resolveRoleArn } from "../../src/targets/role-arn.js";

describe("resolveRoleArn", () => {
  it.each([
    ["ses-audit", "arn:aws:iam::111111111111:role/ses-audit"],
    ["audit/ses-guard", "arn:aws:iam::111111111111:role/audit/ses-guard"],
    ["arn:aws:iam::{accountId}:role/ses-audit", "arn:aws:iam::111111111111:role/ses-audit"],
    ["arn:aws-us-gov:iam::111111111111:role/x", "arn:aws-us-gov:iam::111111111111:role/x"],
  ])("%s", (role, arn) => {
    expect(resolveRoleArn(role, "111111111111")).toEqual({ ok: true, arn });
  });

  it.each([
    ["arn:aws:iam::222222222222:role/x", "is in account 222222222222, not in account 111111111111"],
    ["arn:aws:iam::{accountId}:user/x", "is not an IAM role ARN"],
    ["has space", "is neither a role name"],
    ["/leading", "is neither a role name"],
  ])("refuses %s", (role, message) => {
    const resolved = resolveRoleArn(role, "111111111111");
    expect(resolved.ok).toBe(false);
    expect(resolved.ok ? "" : resolved.message).toContain(message);
  });
});

describe("planAccounts", () => {
  it("orders by id, drops exclusions and repeats, and resolves each account's role", () => {
    const plan = planAccounts(
      [
        { id: "333333333333" },
        { id: "111111111111", role: "own-role", externalId: "own" },
        { id: "222222222222" },
        { id: "333333333333", name: "second entry" },
      ],
      { role: "ses-audit", externalId: "shared", excludeAccounts: ["222222222222"] },
    );
    expect(plan).toEqual({
      ok: true,
      accounts: [
        {
          id: "111111111111",
          role: "own-role",
          externalId: "own",
          roleArn: "arn:aws:iam::111111111111:role/own-role",
        },
        { id: "333333333333", externalId: "shared", roleArn: "arn:aws:iam::333333333333:role/ses-audit" },
      ],
    });
  });

  it("marks accounts that are not ACTIVE as skipped, needing no role", () => {
    const plan = planAccounts([{ id: "111111111111", state: "SUSPENDED" }], { excludeAccounts: [] });
    expect(plan.ok && plan.accounts[0]?.skipReason).toContain("SUSPENDED");
  });

  it("names every account without a role", () => {
    const plan = planAccounts([{ id: "111111111111" }, { id: "222222222222", role: "r" }], {
      excludeAccounts: [],
    });
    expect(plan).toEqual({
      ok: false,
      problems: [expect.stringContaining("no role to assume in account 111111111111")],
    });
  });
});
