/**
 * Discovering a fleet through AWS Organizations over real HTTP (JSON 1.1): only ACTIVE accounts are
 * read (by `State`, never the retired `Status`), the others are skipped targets with their state;
 * NextToken is followed through empty pages; OUs are walked recursively; names and tags are kept.
 */
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/run.js";
import { reportSchemaErrors } from "../hardening/report-schema.js";
import type { OrgAccount } from "../helpers/fake-organizations.js";
import { useFleetServer } from "../helpers/use-fleet-server.js";

const fleet = useFleetServer();

const ORG = (): OrgAccount[] => [
  { Id: "111111111111", Name: "mail-prod", State: "ACTIVE", tags: { env: "prod", team: "growth" } },
  // The retired Status says ACTIVE; State is what counts.
  { Id: "222222222222", Name: "old-brand", State: "SUSPENDED", Status: "ACTIVE" },
  { Id: "333333333333", Name: "mail-staging", State: "ACTIVE", tags: { env: "staging" } },
  { Id: "444444444444", Name: "closing", State: "PENDING_CLOSURE" },
  { Id: "555555555555", Name: "mail-dev", State: "ACTIVE" },
];

describe("--organization", () => {
  it("reads ACTIVE accounts, skips the others with their state, and keeps names and tags", async () => {
    fleet.server.org.accounts.push(...ORG());
    fleet.server.org.pageSize = 2;
    fleet.server.org.emptyPages = true;
    const outcome = await runCheck(
      fleet.options(
        { source: { kind: "organization", ous: [] }, role: "ses-audit" },
        { regions: ["us-east-1"] },
      ),
      fleet.host(),
    );
    const targets = outcome.report.targets;
    expect(targets.map((t) => `${t.accountId} ${t.status}`)).toEqual([
      "111111111111 ok",
      "222222222222 skipped",
      "333333333333 ok",
      "444444444444 skipped",
      "555555555555 ok",
    ]);
    expect(targets[1]?.notice).toContain("SUSPENDED");
    expect(targets[3]?.notice).toContain("PENDING_CLOSURE");
    expect(targets[0]).toMatchObject({
      accountName: "mail-prod",
      accountTags: { env: "prod", team: "growth" },
    });
    expect(targets[4]).toMatchObject({ accountName: "mail-dev" });
    expect(targets[4]?.accountTags).toBeUndefined();
    // Skipped accounts are never assumed into.
    expect(fleet.server.sts.assumeRoleCalls.map((c) => c.get("RoleArn"))).not.toContain(
      "arn:aws:iam::222222222222:role/ses-audit",
    );
    expect(fleet.server.sts.assumeRoleCalls).toHaveLength(3);
    // Five accounts in pages of two, each after an empty page: six ListAccounts calls.
    expect(fleet.server.org.calls.filter((c) => c === "ListAccounts")).toHaveLength(6);
    expect(outcome.exitCode).toBe(0);
    // The JSON report carries the account metadata.
    const json = JSON.parse(outcome.outputs[0]?.text ?? "{}") as { targets: Record<string, unknown>[] };
    expect(json.targets[0]).toMatchObject({
      accountName: "mail-prod",
      accountTags: { env: "prod", team: "growth" },
    });
    expect(reportSchemaErrors(json)).toEqual([]);
  });

  it("walks OUs recursively with --ou", async () => {
    const org = fleet.server.org;
    org.ous.set("ou-abcd-11111111", "r-root");
    org.ous.set("ou-abcd-22222222", "ou-abcd-11111111");
    org.ous.set("ou-abcd-33333333", "ou-abcd-22222222");
    org.ous.set("ou-abcd-99999999", "r-root");
    org.pageSize = 1;
    org.emptyPages = true;
    org.accounts.push(
      { Id: "111111111111", State: "ACTIVE", parent: "ou-abcd-11111111" },
      { Id: "222222222222", State: "ACTIVE", parent: "ou-abcd-22222222" },
      { Id: "333333333333", State: "ACTIVE", parent: "ou-abcd-33333333" },
      { Id: "444444444444", State: "ACTIVE", parent: "ou-abcd-99999999" },
      { Id: "555555555555", State: "ACTIVE" },
    );
    const outcome = await runCheck(
      fleet.options(
        { source: { kind: "organization", ous: ["ou-abcd-11111111"] }, role: "ses-audit" },
        { regions: ["us-east-1"] },
      ),
      fleet.host(),
    );
    expect(outcome.report.targets.map((t) => t.accountId)).toEqual([
      "111111111111",
      "222222222222",
      "333333333333",
    ]);
    expect(org.calls).not.toContain("ListAccounts");
  });

  it("exits 3 with nothing passed when ListAccounts is denied", async () => {
    fleet.server.org.accounts.push(...ORG());
    fleet.server.org.denied.add("ListAccounts");
    const outcome = await runCheck(
      fleet.options({ source: { kind: "organization", ous: [] }, role: "ses-audit" }),
      fleet.host(),
    );
    expect(outcome.exitCode).toBe(3);
    expect(outcome.report.summary.pass).toBe(0);
    expect(outcome.report.summary.error).toBeGreaterThan(0);
    expect(outcome.report.targets.map((t) => t.region)).toEqual(["us-east-1", "eu-west-1"]);
    for (const target of outcome.report.targets) {
      expect(target.status).toBe("error");
      expect(target.error?.code).toBe("OrganizationsDiscoveryFailed");
      expect(target.error?.message).toContain("AccessDeniedException");
      expect(target.error?.hint).toContain("organizations:ListAccounts");
    }
    expect(fleet.server.sts.assumeRoleCalls).toHaveLength(0);
    expect(fleet.server.sesCalls).toHaveLength(0);
  });

  it("fails discovery closed when tags cannot be listed", async () => {
    fleet.server.org.accounts.push(...ORG());
    fleet.server.org.denied.add("ListTagsForResource");
    const outcome = await runCheck(
      fleet.options(
        { source: { kind: "organization", ous: [] }, role: "ses-audit" },
        { regions: ["us-east-1"] },
      ),
      fleet.host(),
    );
    expect(outcome.exitCode).toBe(3);
    expect(outcome.report.targets.map((t) => t.error?.code)).toEqual(["OrganizationsDiscoveryFailed"]);
  });

  it("fails closed when the OUs hold no account", async () => {
    fleet.server.org.ous.set("ou-abcd-11111111", "r-root");
    fleet.server.org.accounts.push({ Id: "111111111111", State: "ACTIVE" });
    const outcome = await runCheck(
      fleet.options(
        { source: { kind: "organization", ous: ["ou-abcd-11111111"] }, role: "ses-audit" },
        { regions: ["us-east-1"] },
      ),
      fleet.host(),
    );
    expect(outcome.exitCode).toBe(3);
    expect(outcome.report.summary.pass).toBe(0);
    expect(outcome.report.targets.map((t) => t.error?.code)).toEqual(["NoAccountsToRead"]);
  });
});
