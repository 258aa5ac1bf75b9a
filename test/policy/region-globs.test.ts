/**
 * `regions:` filters name SES Regions: a glob that matches none (a typo, the wrong case) would skip
 * its rule or void its waiver everywhere, so it is a policy error with a suggestion, in `check`
 * and in `validate` alike.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { lines, load, loadErrors } from "./memory-host.js";

const policyWith = (ruleRegions: string, waiverRegions = "[us-east-1]") => `version: 1
rules:
  - id: sending
    regions: ${ruleRegions}
    check: { path: SendingEnabled, equals: true }
waivers:
  - rule: sending
    regions: ${waiverRegions}
    reason: rollout
    expires: 2099-01-01
`;

describe("region filters are checked against the SES Regions", () => {
  it("a misspelt Region, a glob in the wrong case and an unknown prefix are each an error with its place", async () => {
    const errors = await loadErrors(["p.yaml"], {
      "p.yaml": policyWith("[eu-wset-1, EU-*, zz-*]", "[ap-southeast-9]"),
    });
    expect(lines(errors)).toEqual([
      'p.yaml:4:15: region "eu-wset-1" matches no SES Region (did you mean "eu-west-1"?): the rule would be skipped in every Region',
      'p.yaml:4:26: region "EU-*" matches no SES Region (did you mean "eu-*"?): the rule would be skipped in every Region',
      'p.yaml:4:32: region "zz-*" matches no SES Region: the rule would be skipped in every Region; SES Regions are written like us-east-1 or eu-*',
      'p.yaml:8:15: region "ap-southeast-9" matches no SES Region (did you mean "ap-southeast-3"?): the waiver would never apply',
    ]);
    expect(errors.every((d) => d.code === "policy/unknown-region")).toBe(true);
  });

  it("globs that match some SES Region load, GovCloud included", async () => {
    const policy = await load(["p.yaml"], {
      "p.yaml": policyWith("[eu-*, us-east-1, ap-*-1, '??-west-?', us-gov-west-1, '*']", "[il-central-1]"),
    });
    expect(policy.rules[0]?.regions).toEqual([
      "eu-*",
      "us-east-1",
      "ap-*-1",
      "??-west-?",
      "us-gov-west-1",
      "*",
    ]);
  });
});

describe("validate refuses a region filter that matches nothing", () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it("exit 2, file:line:col and a did-you-mean, no stack trace", async () => {
    const file = join(dir, "typo.yaml");
    writeFileSync(file, policyWith("[eu-wset-1]"));
    const run = await runCli(["validate", "--policy", "typo.yaml"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      'typo.yaml:4:15: region "eu-wset-1" matches no SES Region (did you mean "eu-west-1"?)',
    );
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
