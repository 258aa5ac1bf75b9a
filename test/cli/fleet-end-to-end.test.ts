/**
 * A fleet through the built CLI against the loopback fleet fake (STS, Organizations, SES): a rule
 * conditioned on an account tag applies to the prod accounts only (and, fail closed, to an account
 * without the tag), a suspended account is a
 * skipped target with its state, and the organization listed in another order gives an identical
 * JSON report.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";
import type { OrgAccount } from "../helpers/fake-organizations.js";
import { type FleetServer, startFleetServer } from "../helpers/fleet-server.js";

const ORG: OrgAccount[] = [
  { Id: "111111111111", Name: "mail-prod", State: "ACTIVE", tags: { env: "prod" } },
  { Id: "222222222222", Name: "old-brand", State: "SUSPENDED", tags: { env: "prod" } },
  { Id: "333333333333", Name: "mail-staging", State: "ACTIVE", tags: { env: "staging" } },
  { Id: "444444444444", Name: "mail-prod-eu", State: "ACTIVE", tags: { env: "prod" } },
  { Id: "555555555555", Name: "mail-dev", State: "ACTIVE" },
];

const POLICY = `version: 1
rules:
  - id: prod-sends
    severity: error
    when: { path: $accountTags.env, equals: prod }
    check: { path: SendingEnabled, equals: true }
  - id: healthy
    severity: error
    check: { path: EnforcementStatus, equals: HEALTHY }
`;

let server: FleetServer;
let dir: { dir: string; cleanup: () => void };
beforeEach(async () => {
  server = await startFleetServer();
  dir = tempDir();
  writeFileSync(join(dir.dir, "policy.yaml"), POLICY);
  // Sending is paused in one prod account, in staging and in the untagged dev account.
  const paused = { SendingEnabled: false, EnforcementStatus: "HEALTHY" };
  for (const id of ["444444444444", "333333333333", "555555555555"]) server.accountData.set(id, paused);
});
afterEach(async () => {
  await server.close();
  dir.cleanup();
});

interface Report {
  createdAt?: string;
  targets: Array<{ accountId: string; region: string; status: string; notice?: string }>;
  results: Array<{
    ruleId: string;
    accountId: string;
    region: string;
    status: string;
    whenUnknown?: boolean;
  }>;
}

async function checkOrganization(): Promise<{ code: number | null; report: Report; stdout: string }> {
  const run = await runCli(
    [
      "check",
      "--organization",
      "--role",
      "ses-audit",
      "--policy",
      "policy.yaml",
      "--region",
      "us-east-1,eu-west-1",
      "--format",
      "json",
    ],
    { cwd: dir.dir, env: { AWS_ENDPOINT_URL: server.url } },
  );
  expect(run.stderr).toBe("");
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stdout: run.stdout };
}

describe("a fleet check end to end", () => {
  it("applies a tag-conditioned rule to the prod accounts only", async () => {
    server.org.accounts.push(...ORG);
    const { code, report } = await checkOrganization();
    const prodSends = report.results.filter((r) => r.ruleId === "prod-sends");
    const byAccount = (id: string) => prodSends.filter((r) => r.accountId === id).map((r) => r.status);
    expect(byAccount("111111111111")).toEqual(["pass", "pass"]);
    expect(byAccount("444444444444")).toEqual(["fail", "fail"]);
    // Paused too, but tagged staging: the rule does not apply there, so it cannot fail.
    expect(byAccount("333333333333")).toEqual(["skipped", "skipped"]);
    // No env tag at all: the condition cannot be decided, so the rule is applied (fail closed).
    const untagged = prodSends.filter((r) => r.accountId === "555555555555");
    expect(untagged.map((r) => [r.status, r.whenUnknown])).toEqual([
      ["fail", true],
      ["fail", true],
    ]);
    // The unconditioned rule still checks every account that was read.
    const healthy = report.results.filter((r) => r.ruleId === "healthy" && r.status === "pass");
    expect(new Set(healthy.map((r) => r.accountId))).toEqual(
      new Set(["111111111111", "333333333333", "444444444444", "555555555555"]),
    );
    expect(code).toBe(1);
  });

  it("skips a suspended account with its state and never assumes a role in it", async () => {
    server.org.accounts.push(...ORG);
    const { report } = await checkOrganization();
    const suspended = report.targets.filter((t) => t.accountId === "222222222222");
    expect(suspended.map((t) => `${t.region} ${t.status}`)).toEqual([
      "us-east-1 skipped",
      "eu-west-1 skipped",
    ]);
    for (const target of suspended) expect(target.notice).toContain("SUSPENDED");
    expect(report.results.some((r) => r.accountId === "222222222222" && r.status === "fail")).toBe(false);
    expect(server.sts.assumeRoleCalls.map((c) => c.get("RoleArn"))).not.toContain(
      "arn:aws:iam::222222222222:role/ses-audit",
    );
    expect(server.sesCalls.some((c) => c.account === "222222222222")).toBe(false);
  });

  it("gives an identical JSON report when the organization lists its accounts in another order", async () => {
    server.org.accounts.push(...ORG);
    const first = await checkOrganization();
    server.org.accounts.splice(
      0,
      server.org.accounts.length,
      ...[3, 0, 4, 2, 1].map((i) => ORG[i] as OrgAccount),
    );
    const shuffled = await checkOrganization();
    const withoutTime = (report: Report) => ({ ...report, createdAt: undefined });
    expect(withoutTime(shuffled.report)).toEqual(withoutTime(first.report));
    expect(shuffled.stdout.replace(/"createdAt": "[^"]*"/, "")).toBe(
      first.stdout.replace(/"createdAt": "[^"]*"/, ""),
    );
    expect(shuffled.code).toBe(first.code);
  });
});
