/**
 * `ses-guard rules`: the rule set after extends and overrides, each rule's source, and its
 * waivers judged against today (live, expired), as an exact table and as JSON.
 */
import { describe, expect, it } from "vitest";
import { formatRulesJson, formatRulesText, listRules } from "../../src/authoring/rules-listing.js";
import { loadFrom, packSource, packSourceShown } from "./helpers.js";

const policyText = `version: 1
extends: [strict]
rules:
  - id: eu-mail-type
    regions: [eu-*]
    severity: notice
    check: { path: Details.MailType, equals: TRANSACTIONAL }
overrides:
  vdm-enabled: { severity: notice }
  dedicated-ip-auto-warmup: { enabled: false }
waivers:
  - rule: vdm-enabled
    regions: [ap-south-1]
    reason: rollout next quarter
    expires: 2026-06-30
  - rule: vdm-engagement-metrics
    accounts: ["111122223333"]
    reason: tracking is off by policy
    expires: 2026-01-31
`;

async function listing(today: string) {
  const policy = await loadFrom(["policy.yaml"], { "policy.yaml": policyText });
  return { policy, rules: listRules(policy, today) };
}

describe("the resolved rules", () => {
  it("apply overrides and keep where each rule is defined and how it arrived", async () => {
    const { rules } = await listing("2026-05-01");
    expect(rules.map((r) => [r.id, r.severity, r.enabled, `${r.source.file}:${r.source.line}`])).toEqual([
      ["sending-enabled", "error", true, packSource("recommended", "sending-enabled")],
      ["production-access", "error", true, packSource("recommended", "production-access")],
      ["enforcement-healthy", "error", true, packSource("recommended", "enforcement-healthy")],
      [
        "suppression-bounce-complaint",
        "error",
        true,
        packSource("recommended", "suppression-bounce-complaint"),
      ],
      ["quota-headroom", "warning", true, packSource("recommended", "quota-headroom")],
      ["vdm-enabled", "notice", true, packSource("recommended", "vdm-enabled")],
      ["vdm-engagement-metrics", "error", true, packSource("strict", "vdm-engagement-metrics")],
      [
        "vdm-optimized-shared-delivery",
        "warning",
        true,
        packSource("strict", "vdm-optimized-shared-delivery"),
      ],
      ["dedicated-ip-auto-warmup", "notice", false, packSource("strict", "dedicated-ip-auto-warmup")],
      ["eu-mail-type", "notice", true, "policy.yaml:4"],
    ]);
    expect(rules[0]).toMatchObject({ pack: "recommended", via: { file: "policy.yaml", line: 2 } });
    expect(rules[9]).toMatchObject({ regions: ["eu-*"] });
    expect(rules[9]?.pack).toBeUndefined();
  });

  it("judge each waiver against today: live through its last day, expired after", async () => {
    const before = (await listing("2026-06-30")).rules;
    expect(before.find((r) => r.id === "vdm-enabled")?.waivers).toEqual([
      {
        reason: "rollout next quarter",
        expires: "2026-06-30",
        expired: false,
        regions: ["ap-south-1"],
        file: "policy.yaml",
        line: 12,
      },
    ]);
    const after = (await listing("2026-07-01")).rules;
    expect(after.find((r) => r.id === "vdm-enabled")?.waivers[0]?.expired).toBe(true);
    expect(after.find((r) => r.id === "sending-enabled")?.waivers).toEqual([]);
  });
});

describe("the table", () => {
  it("lists rule, severity, enabled, source and waivers, then a summary", async () => {
    const { policy, rules } = await listing("2026-05-01");
    const row = (id: string, severity: string, enabled: string, source: string, waiver: string) =>
      `${id.padEnd(29)}  ${severity.padEnd(8)}  ${enabled.padEnd(7)}  ${source.padEnd(30)}  ${waiver}`;
    const pack = (name: string, id: string, severity: string, enabled: string, waiver = "-") =>
      row(id, severity, enabled, packSourceShown(name, id), waiver);
    expect(formatRulesText(rules, policy.files).split("\n")).toEqual([
      row("RULE", "SEVERITY", "ENABLED", "SOURCE", "WAIVER"),
      pack("recommended", "sending-enabled", "error", "yes"),
      pack("recommended", "production-access", "error", "yes"),
      pack("recommended", "enforcement-healthy", "error", "yes"),
      pack("recommended", "suppression-bounce-complaint", "error", "yes"),
      pack("recommended", "quota-headroom", "warning", "yes"),
      pack("recommended", "vdm-enabled", "notice", "yes", "until 2026-06-30 for ap-south-1 (policy.yaml:12)"),
      pack(
        "strict",
        "vdm-engagement-metrics",
        "error",
        "yes",
        "EXPIRED 2026-01-31 for 111122223333 (policy.yaml:16)",
      ),
      pack("strict", "vdm-optimized-shared-delivery", "warning", "yes"),
      pack("strict", "dedicated-ip-auto-warmup", "notice", "no"),
      row("eu-mail-type", "notice", "yes", "policy.yaml:4", "-"),
      "",
      "10 rules (9 enabled) from policy.yaml, policies/strict.yaml, policies/recommended.yaml; 2 waivers (1 expired: the rule is checked again)",
      "",
    ]);
  });

  it("shows control characters from a policy as visible escapes", async () => {
    // Region filters must name SES Regions, so the control characters come in the file's name.
    const policy = await loadFrom(["p\u001b[2J.yaml"], {
      "p\u001b[2J.yaml": `version: 1
extends: [recommended]
waivers:
  - rule: vdm-enabled
    reason: "x"
    regions: ["eu-*"]
    expires: 2030-01-01
`,
    });
    const text = formatRulesText(listRules(policy, "2026-05-01"), policy.files);
    expect(text).not.toContain("\u001b");
    expect(text).toContain("until 2030-01-01 for eu-* (p\\x1b[2J.yaml:4)");
  });
});

describe("JSON", () => {
  it("holds the same data, for scripts", async () => {
    const { policy, rules } = await listing("2026-05-01");
    const json = JSON.parse(formatRulesJson(rules, policy.files, "2026-05-01"));
    expect(json).toMatchObject({
      version: 1,
      today: "2026-05-01",
      files: ["policy.yaml", "policies/strict.yaml", "policies/recommended.yaml"],
    });
    expect(json.rules).toHaveLength(10);
    expect(json.rules[6]).toEqual({
      id: "vdm-engagement-metrics",
      title: "VDM engagement metrics (opens and clicks) are enabled",
      severity: "error",
      enabled: true,
      pack: "strict",
      source: {
        file: "policies/strict.yaml",
        line: Number(packSource("strict", "vdm-engagement-metrics").split(":")[1]),
        column: 5,
      },
      via: { file: "policy.yaml", line: 2, column: 11 },
      waivers: [
        {
          reason: "tracking is off by policy",
          expires: "2026-01-31",
          expired: true,
          accounts: ["111122223333"],
          file: "policy.yaml",
          line: 16,
        },
      ],
    });
  });
});
