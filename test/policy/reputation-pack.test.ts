/**
 * The built-in `reputation` pack: the four rules of the contract, each applying `when` its rate
 * exists; combinable with `recommended`; listed by `ses-guard rules` with its conditions; and the
 * only thing that makes a run ask CloudWatch.
 */
import { describe, expect, it } from "vitest";
import { formatRulesJson, listRules } from "../../src/authoring/rules-listing.js";
import { policyUsesReputation } from "../../src/engine/fact-usage.js";
import { load } from "./memory-host.js";

const table = [
  ["bounce-rate-below-review", "error", "$reputation.bounceRatePercent", 5],
  ["bounce-rate-healthy", "warning", "$reputation.bounceRatePercent", 2],
  ["complaint-rate-below-review", "error", "$reputation.complaintRatePercent", 0.1],
  ["complaint-rate-healthy", "warning", "$reputation.complaintRatePercent", 0.05],
] as const;

describe("the reputation pack", () => {
  it("has the four rules of the contract, each gated on its rate existing", async () => {
    const policy = await load(["reputation"]);
    expect(policy.rules.map((r) => [r.id, r.severity, r.check])).toEqual(
      table.map(([id, severity, path, limit]) => [
        id,
        severity,
        expect.objectContaining({ kind: "leaf", path, operator: "lessThan", expected: limit }),
      ]),
    );
    for (const r of policy.rules) {
      expect(r.when, r.id).toMatchObject({
        kind: "leaf",
        path: (r.check as { path: string }).path,
        operator: "exists",
        expected: true,
      });
      expect(r.source.file).toBe("policies/reputation.yaml");
      expect(r.remediation, r.id).toMatch(/aws sesv2 [a-z-]+/);
      expect(r.docs, r.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it("combines with recommended", async () => {
    const policy = await load([".ses-guard.yaml"], {
      ".ses-guard.yaml": "version: 1\nextends: [recommended, reputation]\n",
    });
    expect(policy.rules.map((r) => r.id)).toEqual([
      "sending-enabled",
      "production-access",
      "enforcement-healthy",
      "suppression-bounce-complaint",
      "quota-headroom",
      "vdm-enabled",
      ...table.map(([id]) => id),
    ]);
  });

  it("is listed by `ses-guard rules` with each rule's condition", async () => {
    const policy = await load(["reputation"]);
    const listed = JSON.parse(formatRulesJson(listRules(policy, "2026-01-01"), policy.files, "2026-01-01"));
    expect(listed.rules[0]).toMatchObject({
      id: "bounce-rate-below-review",
      severity: "error",
      pack: "reputation",
      when: "$reputation.bounceRatePercent is set",
    });
  });

  it("is what makes a run ask CloudWatch: recommended and strict do not", async () => {
    expect(policyUsesReputation(await load(["reputation"]))).toBe(true);
    expect(policyUsesReputation(await load(["strict"]))).toBe(false);
    expect(policyUsesReputation(await load(["recommended"]))).toBe(false);
  });

  it("a rate in any rule's check or when, or a waiver's when, asks; a disabled rule does not", async () => {
    const rule = (extra: string) =>
      `version: 1\nrules:\n  - id: r\n${extra}    check: { path: SendingEnabled, equals: true }\n`;
    const uses = async (text: string) => policyUsesReputation(await load(["p.yaml"], { "p.yaml": text }));
    expect(
      await uses(rule("    when: { not: { path: $reputation.complaintRatePercent, greaterThan: 1 } }\n")),
    ).toBe(true);
    expect(
      await uses(
        `${rule("")}waivers:\n  - rule: r\n    when: { all: [{ path: $reputation.bounceRatePercent, lessThan: 1 }] }\n    reason: ok\n    expires: 2030-01-01\n`,
      ),
    ).toBe(true);
    expect(
      await uses(
        "version: 1\nextends: [reputation]\nrules:\n  - id: s\n    check: { path: SendingEnabled, equals: true }\noverrides:\n  bounce-rate-below-review: { enabled: false }\n  bounce-rate-healthy: { enabled: false }\n  complaint-rate-below-review: { enabled: false }\n  complaint-rate-healthy: { enabled: false }\n",
      ),
    ).toBe(false);
    expect(await uses(rule("    when: { path: $accountTags.env, equals: prod }\n"))).toBe(false);
  });
});
