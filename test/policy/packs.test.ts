/**
 * The built-in packs load and behave as the table in README.md, "Built-in packs", says, rule by rule, on every
 * sample account in examples/accounts/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import { packTexts } from "../../src/generated/packs.js";
import type { Policy, ResultStatus, Severity } from "../../src/types.js";
import { accountsDir, repoRoot } from "../helpers/cli.js";
import { load } from "./memory-host.js";

const table: Record<
  string,
  { pack: "recommended" | "strict"; severity: Severity; path: string; expected: unknown }
> = {
  "sending-enabled": { pack: "recommended", severity: "error", path: "SendingEnabled", expected: true },
  "production-access": {
    pack: "recommended",
    severity: "error",
    path: "ProductionAccessEnabled",
    expected: true,
  },
  "enforcement-healthy": {
    pack: "recommended",
    severity: "error",
    path: "EnforcementStatus",
    expected: "HEALTHY",
  },
  "suppression-bounce-complaint": {
    pack: "recommended",
    severity: "error",
    path: "SuppressionAttributes.SuppressedReasons",
    expected: ["BOUNCE", "COMPLAINT"],
  },
  "quota-headroom": { pack: "recommended", severity: "warning", path: "$quotaUsedPercent", expected: 80 },
  "vdm-enabled": {
    pack: "recommended",
    severity: "warning",
    path: "VdmAttributes.VdmEnabled",
    expected: "ENABLED",
  },
  "vdm-engagement-metrics": {
    pack: "strict",
    severity: "error",
    path: "VdmAttributes.DashboardAttributes.EngagementMetrics",
    expected: "ENABLED",
  },
  "vdm-optimized-shared-delivery": {
    pack: "strict",
    severity: "warning",
    path: "VdmAttributes.GuardianAttributes.OptimizedSharedDelivery",
    expected: "ENABLED",
  },
  "dedicated-ip-auto-warmup": {
    pack: "strict",
    severity: "notice",
    path: "DedicatedIpAutoWarmupEnabled",
    expected: true,
  },
};
const operators: Record<string, string> = {
  "suppression-bounce-complaint": "containsAll",
  "quota-headroom": "lessThan",
};

const recommendedIds = Object.keys(table).filter((id) => table[id]?.pack === "recommended");
const strictIds = Object.keys(table);

// Expected status of every rule on every sample account, worked out by hand from the JSON files.
const P: ResultStatus = "pass";
const F: ResultStatus = "fail";
const expectations: Record<string, Record<string, ResultStatus>> = {
  "production-healthy.json": {
    "sending-enabled": P,
    "production-access": P,
    "enforcement-healthy": P,
    "suppression-bounce-complaint": P,
    "quota-headroom": P, // 18250 / 200000 = 9.125 %
    "vdm-enabled": P,
    "vdm-engagement-metrics": P,
    "vdm-optimized-shared-delivery": P,
    "dedicated-ip-auto-warmup": P,
  },
  "probation-bounce-only.json": {
    "sending-enabled": P,
    "production-access": P,
    "enforcement-healthy": F, // PROBATION
    "suppression-bounce-complaint": F, // missing COMPLAINT
    "quota-headroom": F, // 44120 / 50000 = 88.24 %
    "vdm-enabled": F, // DISABLED
    "vdm-engagement-metrics": F, // not set
    "vdm-optimized-shared-delivery": F, // not set
    "dedicated-ip-auto-warmup": P,
  },
  "sandbox-new.json": {
    "sending-enabled": P,
    "production-access": F,
    "enforcement-healthy": P,
    "suppression-bounce-complaint": F, // [] is missing both
    "quota-headroom": P, // 0 of 200
    "vdm-enabled": F, // no VdmAttributes at all
    "vdm-engagement-metrics": F,
    "vdm-optimized-shared-delivery": F,
    "dedicated-ip-auto-warmup": F,
  },
  "shutdown-sending-paused.json": {
    "sending-enabled": F,
    "production-access": P,
    "enforcement-healthy": F, // SHUTDOWN
    "suppression-bounce-complaint": P,
    "quota-headroom": P,
    "vdm-enabled": F,
    "vdm-engagement-metrics": F,
    "vdm-optimized-shared-delivery": F,
    "dedicated-ip-auto-warmup": F,
  },
  "unlimited-quota.json": {
    "sending-enabled": P,
    "production-access": P,
    "enforcement-healthy": P,
    "suppression-bounce-complaint": P, // order does not matter
    "quota-headroom": P, // -1 means unlimited: 0 %
    "vdm-enabled": P,
    "vdm-engagement-metrics": F, // DISABLED
    "vdm-optimized-shared-delivery": P,
    "dedicated-ip-auto-warmup": P,
  },
};

function account(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(accountsDir, name), "utf8")) as Record<string, unknown>;
}

function statuses(policy: Policy, name: string): Record<string, ResultStatus> {
  const report = evaluatePolicy(
    policy,
    [{ region: "us-east-1", accountId: "123456789012", status: "ok", account: account(name) }],
    { today: "2026-05-01", failOn: "error", toolVersion: "test" },
  );
  return Object.fromEntries(report.results.map((r) => [r.ruleId, r.status]));
}

describe("built-in packs", () => {
  it("recommended has exactly the rules of the table, with their severities and checks", async () => {
    const policy = await load(["recommended"]);
    expect(policy.rules.map((r) => r.id)).toEqual(recommendedIds);
    for (const r of policy.rules) {
      const row = table[r.id];
      expect(r.severity, r.id).toBe(row?.severity);
      expect(r.check, r.id).toMatchObject({
        kind: "leaf",
        path: row?.path,
        operator: operators[r.id] ?? "equals",
        expected: row?.expected,
      });
      expect(r.pack).toBe("recommended");
      expect(r.source.file).toBe("policies/recommended.yaml");
    }
    expect(policy.waivers).toEqual([]);
  });

  it("strict extends recommended, raises vdm-enabled to error and adds three rules", async () => {
    const policy = await load(["strict"]);
    expect(policy.rules.map((r) => r.id)).toEqual(strictIds);
    const severities = Object.fromEntries(policy.rules.map((r) => [r.id, r.severity]));
    expect(severities).toEqual({
      ...Object.fromEntries(strictIds.map((id) => [id, table[id]?.severity])),
      "vdm-enabled": "error",
    });
    expect(policy.files).toEqual(["policies/strict.yaml", "policies/recommended.yaml"].sort().reverse());
  });

  it("every built-in rule has a title, an `aws sesv2` remediation and an https docs link", async () => {
    const policy = await load(["strict"]);
    for (const r of policy.rules) {
      expect(r.title, r.id).not.toBe(r.id);
      expect(r.title.length, r.id).toBeGreaterThan(10);
      expect(r.remediation, r.id).toMatch(/aws sesv2 [a-z-]+/);
      expect(r.docs, r.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it("extends: [recommended, strict] yields one rule per id, with strict's severity for vdm-enabled", async () => {
    const policy = await load([".ses-guard.yaml"], {
      ".ses-guard.yaml": "version: 1\nextends: [recommended, strict]\n",
    });
    expect(policy.rules.map((r) => r.id)).toEqual(strictIds);
    expect(policy.rules.find((r) => r.id === "vdm-enabled")?.severity).toBe("error");
    // Pack rules point annotations at the user's extends entry (it is in the repository): the one
    // they arrived through last, `strict`, whose version of the rule is the one kept.
    expect(policy.rules.find((r) => r.id === "vdm-enabled")?.via).toEqual({
      file: ".ses-guard.yaml",
      line: 2,
      column: 24,
    });
  });

  it("the packs compiled into the bundle are the YAML files in policies/", () => {
    for (const name of ["recommended", "strict"]) {
      expect(packTexts[name]).toBe(readFileSync(join(repoRoot, "policies", `${name}.yaml`), "utf8"));
    }
  });

  describe.each(Object.keys(expectations))("on %s", (name) => {
    const expected = expectations[name] ?? {};

    it("recommended gives the expected status for every rule", async () => {
      const policy = await load(["recommended"]);
      expect(statuses(policy, name)).toEqual(
        Object.fromEntries(recommendedIds.map((id) => [id, expected[id]])),
      );
    });

    it("strict gives the expected status for every rule", async () => {
      const policy = await load(["strict"]);
      expect(statuses(policy, name)).toEqual(expected);
    });
  });

  it("the sample accounts cover a pass and a fail of every rule", () => {
    for (const id of strictIds) {
      const seen = new Set(Object.values(expectations).map((e) => e[id]));
      expect([...seen].sort(), id).toEqual(["fail", "pass"]);
    }
  });

  it("failure messages on the sample accounts name the difference", async () => {
    const policy = await load(["strict"]);
    const report = evaluatePolicy(
      policy,
      [
        {
          region: "us-east-1",
          accountId: null,
          status: "ok",
          account: account("probation-bounce-only.json"),
        },
      ],
      { today: "2026-05-01", failOn: "error", toolVersion: "test" },
    );
    const messages = Object.fromEntries(report.results.map((r) => [r.ruleId, r.message]));
    expect(messages).toMatchObject({
      "enforcement-healthy": "EnforcementStatus is PROBATION; must equal HEALTHY",
      "suppression-bounce-complaint":
        "SuppressionAttributes.SuppressedReasons is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)",
      "quota-headroom": "88.24% of the 24-hour sending quota is used; must be less than 80%",
      "vdm-enabled": "VdmAttributes.VdmEnabled is DISABLED; must equal ENABLED",
      "vdm-engagement-metrics":
        "VdmAttributes.DashboardAttributes.EngagementMetrics is not set; must equal ENABLED",
    });
  });
});
