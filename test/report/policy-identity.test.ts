/**
 * Which policy a report names: the files and packs in force, and a digest of the resolved rules
 * and waivers that is the same for the same policy on any machine (file paths and lines left
 * out) and differs when anything that decides a result differs.
 */
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../src/policy/resolve.js";
import { canonicalJson, policyDigest, policyLine, policySources } from "../../src/report/policy-identity.js";
import type { Policy } from "../../src/types.js";
import { memoryHost } from "../policy/memory-host.js";

const POLICY = `version: 1
extends: [recommended]
rules:
  - id: eu-only
    title: EU Regions suppress bounces
    regions: [eu-*]
    check: { path: SuppressionAttributes.SuppressedReasons, contains: BOUNCE }
waivers:
  - rule: vdm-enabled
    reason: rollout pending
    expires: 2027-01-31
`;

async function load(text: string, file = ".ses-guard.yaml"): Promise<Policy> {
  return loadPolicy([file], memoryHost({ [file]: text }));
}

describe("policy identity", () => {
  it("names the files and packs in force, in load order", async () => {
    const policy = await load(POLICY);
    expect(policySources(policy)).toEqual([
      { file: ".ses-guard.yaml" },
      { file: "policies/recommended.yaml", pack: "recommended" },
    ]);
    expect(policyLine(policySources(policy))).toBe(".ses-guard.yaml, recommended (pack)");
  });

  it("gives the same digest for the same policy in another file, folder or layout", async () => {
    const here = policyDigest(await load(POLICY));
    const moved = policyDigest(await load(`\n\n# moved down two lines\n${POLICY}`, "ci/ses-guard.yaml"));
    expect(here).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(moved).toBe(here);
  });

  it.each([
    ["a severity", POLICY.replace("title: EU Regions", "severity: warning\n    title: EU Regions")],
    ["a region filter", POLICY.replace("[eu-*]", "[eu-west-*]")],
    ["an expected value", POLICY.replace("contains: BOUNCE", "contains: COMPLAINT")],
    ["a waiver's expiry", POLICY.replace("2027-01-31", "2027-02-28")],
    ["the packs extended", POLICY.replace("[recommended]", "[strict]")],
  ])("changes the digest when %s changes", async (_what, changed) => {
    expect(policyDigest(await load(changed))).not.toBe(policyDigest(await load(POLICY)));
  });

  it("writes canonical JSON: sorted keys, no places, no undefined members", () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: "x", location: { line: 3 } }], source: "f" })).toBe(
      '{"a":[{"c":"x"}],"b":1}',
    );
  });
});
