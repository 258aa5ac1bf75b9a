/**
 * --accounts-file over real HTTP: per-account roles, external ids, Regions, names and tags; a
 * shuffled file gives an identical report; a bad file stops the run before any request.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SesGuardError } from "../../src/errors.js";
import { runCheck, runSnapshot } from "../../src/run.js";
import { useFleetServer } from "../helpers/use-fleet-server.js";

const fleet = useFleetServer();

const ENTRIES = [
  `  - id: "111111111111"\n    name: mail-prod\n    tags: { env: prod }\n    regions: [us-east-1, eu-west-1]\n`,
  `  - id: "222222222222"\n    name: mail-staging\n    role: arn:aws:iam::222222222222:role/staging-audit\n    externalId: staging-ext\n`,
  `  - id: "333333333333"\n    tags: { env: dev, team: growth }\n`,
  `  - id: "444444444444"\n    state: SUSPENDED\n`,
];

function writeAccounts(name: string, entries: readonly string[]): string {
  const file = join(fleet.testEnv.dir, name);
  writeFileSync(file, `accounts:\n${entries.join("")}`);
  return name;
}

async function check(file: string) {
  return runCheck(
    fleet.options(
      { source: { kind: "accounts-file", file }, role: "ses-audit" },
      { regions: ["us-west-2"], formats: [{ name: "json" }] },
    ),
    fleet.host(),
  );
}

describe("--accounts-file", () => {
  it("reads each account as the file says, with --role and --region as defaults", async () => {
    fleet.server.accountData.set("333333333333", { SendingEnabled: false });
    const outcome = await check(writeAccounts("fleet.yaml", ENTRIES));
    expect(outcome.report.targets).toEqual([
      {
        region: "us-east-1",
        accountId: "111111111111",
        status: "ok",
        accountName: "mail-prod",
        accountTags: { env: "prod" },
      },
      {
        region: "eu-west-1",
        accountId: "111111111111",
        status: "ok",
        accountName: "mail-prod",
        accountTags: { env: "prod" },
      },
      { region: "us-west-2", accountId: "222222222222", status: "ok", accountName: "mail-staging" },
      {
        region: "us-west-2",
        accountId: "333333333333",
        status: "ok",
        accountTags: { env: "dev", team: "growth" },
      },
      {
        region: "us-west-2",
        accountId: "444444444444",
        status: "skipped",
        notice: expect.stringContaining("SUSPENDED"),
      },
    ]);
    const calls = fleet.server.sts.assumeRoleCalls.map((c) => [c.get("RoleArn"), c.get("ExternalId")]);
    expect(calls.sort()).toEqual([
      ["arn:aws:iam::111111111111:role/ses-audit", null],
      ["arn:aws:iam::222222222222:role/staging-audit", "staging-ext"],
      ["arn:aws:iam::333333333333:role/ses-audit", null],
    ]);
    expect(outcome.exitCode).toBe(1);
  });

  it("gives an identical report for the same accounts in another order", async () => {
    const first = await check(writeAccounts("a.yaml", ENTRIES));
    const second = await check(
      writeAccounts("b.yaml", [ENTRIES[3], ENTRIES[1], ENTRIES[0], ENTRIES[2]] as string[]),
    );
    expect(first.outputs[0]?.text).toContain('"targets"');
    expect(second.outputs[0]?.text).toBe(first.outputs[0]?.text);
  });

  it("stops with the file's problems at their lines before any request", async () => {
    const file = writeAccounts("bad.yaml", [
      `  - id: 111111111111\n`,
      `  - id: "222222222222"\n    regoins: [us-east-1]\n`,
    ]);
    const error = await check(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SesGuardError);
    const diagnostics = (error as SesGuardError).diagnostics;
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      "bad.yaml:2:9 accounts/invalid-account-id",
      "bad.yaml:4:5 accounts/unknown-key",
    ]);
    expect((error as SesGuardError).exitCode).toBe(2);
    expect(fleet.server.sts.assumeRoleCalls).toHaveLength(0);
    expect(fleet.server.sesCalls).toHaveLength(0);
  });

  it("refuses a role ARN of another account before any request", async () => {
    const file = writeAccounts("wrong.yaml", [
      `  - id: "111111111111"\n    role: arn:aws:iam::222222222222:role/x\n`,
    ]);
    await expect(check(file)).rejects.toThrow("is in account 222222222222, not in account 111111111111");
    expect(fleet.server.sts.assumeRoleCalls).toHaveLength(0);
  });

  it("keeps account names and tags in a snapshot, for offline checks", async () => {
    const file = writeAccounts("fleet.yaml", ENTRIES.slice(0, 1));
    const options = fleet.options({ source: { kind: "accounts-file", file }, role: "ses-audit" });
    await runSnapshot(options, "snap.json", fleet.host());
    const offline = await runCheck(
      {
        ...fleet.options({ source: { kind: "accounts", ids: [] } }),
        fleet: undefined,
        regions: [],
        inputs: ["snap.json"],
      },
      fleet.host(),
    );
    expect(offline.report.targets.map((t) => [t.accountId, t.region, t.accountName, t.accountTags])).toEqual([
      ["111111111111", "us-east-1", "mail-prod", { env: "prod" }],
      ["111111111111", "eu-west-1", "mail-prod", { env: "prod" }],
    ]);
  });

  it("fails closed when every account of the file is excluded", async () => {
    const file = writeAccounts("one.yaml", ENTRIES.slice(0, 1));
    const outcome = await runCheck(
      fleet.options(
        { source: { kind: "accounts-file", file }, role: "ses-audit", excludeAccounts: ["111111111111"] },
        { regions: [] },
      ),
      fleet.host(),
    );
    expect(outcome.exitCode).toBe(3);
    expect(outcome.report.targets).toEqual([
      expect.objectContaining({
        region: "unknown",
        status: "error",
        error: expect.objectContaining({ code: "NoAccountsToRead" }),
      }),
    ]);
  });
});
