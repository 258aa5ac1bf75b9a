/**
 * The fixture run: the recommended pack, brought in by a user policy with two waivers (one in
 * force, one expired), evaluated by the real policy loader and engine on the example accounts,
 * one Region each, plus a Region that could not be read and one not enabled for the account.
 * Golden files are this run through each format.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseInput } from "../../src/account/file.js";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import { createPolicyHost } from "../../src/io/policy-host.js";
import { loadPolicy } from "../../src/policy/resolve.js";
import type { FormatContext, Policy, Report, TargetData } from "../../src/types.js";

const ROOT = join(import.meta.dirname, "..", "..");
/** The user's repository of the fixture run: it holds `.ses-guard.yaml`. */
export const FIXTURE_WORKSPACE = join(ROOT, "test", "fixtures", "report-policy");
/** The day the fixture run happens on: one waiver is in force, the other expired. */
export const FIXTURE_TODAY = "2026-01-15";

const ACCOUNTS: Array<[file: string, region: string, accountId: string]> = [
  ["production-healthy.json", "us-east-1", "111111111111"],
  ["probation-bounce-only.json", "eu-west-1", "222222222222"],
  ["sandbox-new.json", "us-west-2", "333333333333"],
  ["shutdown-sending-paused.json", "ap-south-1", "444444444444"],
  ["unlimited-quota.json", "ap-northeast-1", "555555555555"],
];

/** The cause AWS gives when the role may not call GetAccount. */
export const DENIED_CAUSE =
  "User: arn:aws:sts::111111111111:assumed-role/deploy/ci is not authorized to perform: ses:GetAccount";

async function fixtureTargets(): Promise<TargetData[]> {
  const targets: TargetData[] = [];
  for (const [file, region, accountId] of ACCOUNTS) {
    const path = join(ROOT, "examples", "accounts", file);
    targets.push(...(await parseInput(path, readFileSync(path, "utf8"), { region, accountId })));
  }
  // Targets that AWS could not give: their shape is what the live reader produces.
  targets.push({
    region: "eu-central-1",
    accountId: "111111111111",
    status: "error",
    error: {
      code: "AccessDeniedException",
      message: DENIED_CAUSE,
      hint: 'allow "ses:GetAccount" on "*" for the role ses-guard runs as',
    },
  });
  targets.push({
    region: "me-south-1",
    accountId: "111111111111",
    status: "skipped",
    notice: "me-south-1 is an opt-in region not enabled for this account",
  });
  return targets;
}

/** Loads the fixture policy as the CLI does in the fixture workspace. */
export async function loadFixturePolicy(): Promise<Policy> {
  return loadPolicy([".ses-guard.yaml"], createPolicyHost(FIXTURE_WORKSPACE));
}

/** Evaluates the fixture run; `failOn` as `--fail-on`. */
export async function evaluateFixtureRun(failOn: Report["failOn"] = "error") {
  const policy = await loadFixturePolicy();
  const targets = await fixtureTargets();
  const report = evaluatePolicy(policy, targets, { today: FIXTURE_TODAY, failOn, toolVersion: "0.1.0" });
  const context: FormatContext = {
    color: false,
    today: FIXTURE_TODAY,
    workspace: FIXTURE_WORKSPACE,
    rules: policy.rules,
  };
  return { policy, report, context };
}

/** Evaluates the healthy account alone: a clean run. */
export async function evaluatePassingRun() {
  const policy = await loadFixturePolicy();
  const path = join(ROOT, "examples", "accounts", "production-healthy.json");
  const targets = await parseInput(path, readFileSync(path, "utf8"), {
    region: "us-east-1",
    accountId: "111111111111",
  });
  const report = evaluatePolicy(policy, targets, {
    today: FIXTURE_TODAY,
    failOn: "error",
    toolVersion: "0.1.0",
  });
  const context: FormatContext = {
    color: false,
    today: FIXTURE_TODAY,
    workspace: FIXTURE_WORKSPACE,
    rules: policy.rules,
  };
  return { report, context };
}
