/**
 * The Action's account-source inputs through the bundle as the runner starts it, against the fleet
 * fake (STS, Organizations and SES on one loopback port): `accounts` + `role`, `organization` +
 * `ou`, an `accounts-file` relative to the workspace, `external-id`, and bad combinations refused
 * with exit 2 by the name of the input.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FleetServer, startFleetServer } from "../helpers/fleet-server.js";
import { NODES, runAction } from "./run-action.js";

const [[, node] = ["", process.execPath]] = NODES;
let fleet: FleetServer;
beforeAll(async () => {
  fleet = await startFleetServer();
});
afterAll(async () => {
  await fleet.close();
});
afterEach(() => {
  fleet.sts.assumeRoleCalls.length = 0;
  fleet.org.accounts.length = 0;
  fleet.org.ous.clear();
  fleet.sesCalls.length = 0;
});

interface JsonReport {
  targets: Array<{
    accountId: string;
    region: string;
    status: string;
    notice?: string;
    accountName?: string;
  }>;
}

async function runFleetAction(inputs: Record<string, string>, files: Record<string, string> = {}) {
  const run = await runAction({
    node,
    inputs: { "report-file": "report.json", ...inputs },
    files,
    sesEndpoint: fleet.url,
    stsEndpoint: fleet.url,
    // Organizations has no endpoint of its own in the runner's environment: AWS_ENDPOINT_URL.
    env: { AWS_ENDPOINT_URL: fleet.url },
    // The process starts beside the workspace, where a decoy of the accounts file lies.
    elsewhere: { "fleet/accounts.yaml": "accounts: [{ id: '999999999999', role: wrong }]\n" },
  });
  const { readFileSync, existsSync } = await import("node:fs");
  const path = `${run.workspace}/report.json`;
  const report = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as JsonReport) : undefined;
  run.cleanup();
  return { run, report };
}

describe("the Action's account-source inputs", () => {
  it("reads each of `accounts` through `role` with `external-id`", async () => {
    const { run, report } = await runFleetAction({
      accounts: "111111111111\n222222222222, 333333333333",
      role: "ses-audit",
      "external-id": "acme-audit",
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(report?.targets.map((t) => `${t.accountId} ${t.region} ${t.status}`)).toEqual([
      "111111111111 us-east-1 ok",
      "222222222222 us-east-1 ok",
      "333333333333 us-east-1 ok",
    ]);
    // Accounts are assumed into concurrently: the order of the calls is not the report's.
    const calls = fleet.sts.assumeRoleCalls.map((c) => [c.get("RoleArn"), c.get("ExternalId")]);
    expect(calls.sort()).toEqual(
      ["111111111111", "222222222222", "333333333333"].map((id) => [
        `arn:aws:iam::${id}:role/ses-audit`,
        "acme-audit",
      ]),
    );
    expect(run.outputs.passed).toBe("true");
  });

  it("reads the organization under `ou`, skipping a suspended account with its state", async () => {
    fleet.org.ous.set("ou-ab12-mail0001", "r-root");
    fleet.org.accounts.push(
      { Id: "111111111111", Name: "mail-prod", State: "ACTIVE", parent: "ou-ab12-mail0001" },
      { Id: "222222222222", Name: "old", State: "SUSPENDED", parent: "ou-ab12-mail0001" },
      { Id: "444444444444", Name: "elsewhere", State: "ACTIVE", parent: "r-root" },
    );
    const { run, report } = await runFleetAction({
      organization: "true",
      ou: "ou-ab12-mail0001",
      role: "arn:aws:iam::{accountId}:role/audit",
      regions: "eu-west-1",
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(report?.targets.map((t) => `${t.accountId} ${t.status}`)).toEqual([
      "111111111111 ok",
      "222222222222 skipped",
    ]);
    expect(report?.targets[1]?.notice).toContain("SUSPENDED");
    expect(fleet.sts.assumeRoleCalls.map((c) => c.get("RoleArn"))).toEqual([
      "arn:aws:iam::111111111111:role/audit",
    ]);
  });

  it("reads `accounts-file` from the workspace, wherever the step starts", async () => {
    const { run, report } = await runFleetAction(
      { "accounts-file": "fleet/accounts.yaml" },
      {
        "fleet/accounts.yaml":
          "accounts:\n  - id: '555555555555'\n    role: ses-audit\n    tags: { env: prod }\n",
      },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(report?.targets.map((t) => t.accountId)).toEqual(["555555555555"]);
    expect(fleet.sts.assumeRoleCalls.map((c) => c.get("RoleArn"))).toEqual([
      "arn:aws:iam::555555555555:role/ses-audit",
    ]);
  });

  it.each([
    [{ accounts: "111111111111" }, "input accounts needs input role"],
    [{ organization: "true" }, "input organization needs input role"],
    [{ accounts: "111111111111", organization: "true", role: "r" }, "use one account source: input accounts"],
    [{ ou: "ou-ab12-mail0001", role: "r" }, "input ou needs input organization"],
    [{ role: "r" }, "input role applies to accounts reached by a role"],
    [{ accounts: "12345", role: "r" }, 'input accounts: "12345" is not a 12-digit AWS account id'],
    [{ organization: "yes", role: "r" }, 'input organization must be true or false, not "yes"'],
    [
      { accounts: "111111111111", role: "r", input: "saved.json" },
      "input input does not go with an account source",
    ],
    [
      { accounts: "111111111111", role: "r", merge: "r/*.json" },
      "input merge does not go with an account source",
    ],
  ])("refuses %j with exit 2, naming the input", async (inputs, message) => {
    const { run, report } = await runFleetAction(inputs);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain(message);
    expect(run.stdout).not.toMatch(/--(accounts|organization|role|ou)\b/);
    expect(report).toBeUndefined();
    expect(fleet.sts.assumeRoleCalls).toHaveLength(0);
    expect(fleet.sesCalls).toHaveLength(0);
  });
});
