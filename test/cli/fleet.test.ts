/**
 * Fleet runs through the built CLI against the loopback fleet fake: `ses-guard accounts` lists
 * what a run would read without calling SES, its JSON is an accounts file, and failures exit 3.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { type FleetServer, startFleetServer } from "../helpers/fleet-server.js";

let server: FleetServer;
let dir: { dir: string; cleanup: () => void };
beforeEach(async () => {
  server = await startFleetServer();
  dir = tempDir();
  server.org.accounts.push(
    { Id: "111111111111", Name: "mail-prod", State: "ACTIVE", tags: { env: "prod" } },
    { Id: "222222222222", Name: "old\u001b[31mbrand", State: "SUSPENDED", Status: "ACTIVE" },
    { Id: "333333333333", Name: "mail-dev", State: "ACTIVE" },
  );
});
afterEach(async () => {
  await server.close();
  dir.cleanup();
});

const cli = (args: string[]) => runCli(args, { cwd: dir.dir, env: { AWS_ENDPOINT_URL: server.url } });

describe("ses-guard accounts", () => {
  it("lists id, name, state, role and tags without reading SES", async () => {
    const run = await cli(["accounts", "--organization", "--role", "ses-audit"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ACCOUNT\s+NAME\s+STATE\s+ROLE\s+TAGS$/);
    expect(lines[1]).toMatch(
      /^111111111111\s+mail-prod\s+ACTIVE\s+arn:aws:iam::111111111111:role\/ses-audit\s+env=prod$/,
    );
    // A name from AWS is shown, never interpreted by the terminal.
    expect(lines[2]).not.toContain("\u001b");
    expect(lines[2]).toMatch(
      /^222222222222\s+old\\x1b\[31mbrand\s+SUSPENDED\s+arn:aws:iam::222222222222:role\/ses-audit\s+-$/,
    );
    expect(lines[4]).toBe("3 accounts: 2 to read, 1 skipped (not ACTIVE)");
    expect(server.sesCalls).toHaveLength(0);
    expect(server.sts.assumeRoleCalls).toHaveLength(0);
  });

  it("writes JSON that check reads back as --accounts-file", async () => {
    const listed = await cli([
      "accounts",
      "--organization",
      "--role",
      "ses-audit",
      "--format",
      "json=fleet.json",
    ]);
    expect(listed.code).toBe(0);
    const file = JSON.parse(readFileSync(join(dir.dir, "fleet.json"), "utf8")) as { accounts: unknown[] };
    expect(file.accounts[0]).toEqual({
      id: "111111111111",
      name: "mail-prod",
      state: "ACTIVE",
      role: "arn:aws:iam::111111111111:role/ses-audit",
      tags: { env: "prod" },
    });
    server.org.calls.length = 0;
    const check = await cli([
      "check",
      "--accounts-file",
      "fleet.json",
      "--region",
      "us-east-1",
      "--format",
      "json",
    ]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as { targets: { accountId: string; status: string }[] };
    expect(report.targets.map((t) => `${t.accountId} ${t.status}`)).toEqual([
      "111111111111 ok",
      "222222222222 skipped",
      "333333333333 ok",
    ]);
    // The file pins the fleet: Organizations is not asked again.
    expect(server.org.calls).toEqual([]);
  });

  it("exits 3 when the organization cannot be listed", async () => {
    server.org.denied.add("ListAccounts");
    const run = await cli(["accounts", "--organization", "--role", "ses-audit"]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Could not list the accounts of the organization (AccessDeniedException");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe("ses-guard check with an account source", () => {
  it("exits 3 with nothing passed when discovery is denied", async () => {
    server.org.denied.add("ListAccounts");
    const run = await cli(["check", "--organization", "--role", "ses-audit", "--format", "json"]);
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as { summary: { pass: number; error: number } };
    expect(report.summary.pass).toBe(0);
    expect(report.summary.error).toBeGreaterThan(0);
  });

  it("reports a role that cannot be assumed and still checks the other accounts", async () => {
    server.sts.deniedRoles.add("arn:aws:iam::333333333333:role/ses-audit");
    const run = await cli(["check", "--accounts", "111111111111,333333333333", "--role", "ses-audit"]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("AssumeRoleFailed");
    expect(run.stdout).toContain("arn:aws:iam::333333333333:role/ses-audit");
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(new Set(server.sesCalls.map((c) => c.account))).toEqual(new Set(["111111111111"]));
  });

  it("refuses a bad accounts file with its position, exit 2", async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir.dir, "bad.yaml"), "accounts:\n  - id: 111111111111\n");
    const run = await cli(["check", "--accounts-file", "bad.yaml", "--role", "r"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bad.yaml:2:9: accounts[0].id must be a 12-digit string in quotes");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
