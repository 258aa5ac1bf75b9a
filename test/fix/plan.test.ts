/** The planner on whole targets: read-modify-write, conflicts, waivers, unreadable targets. */
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import { planFix } from "../../src/fix/plan.js";
import type { TargetPlan } from "../../src/fix/plan-types.js";
import type { Policy, Rule, TargetData, Waiver } from "../../src/types.js";
import { all, leaf, okTarget, rule, waiver } from "../engine/fixtures.js";

const TODAY = "2026-12-04";

function plan(rules: Rule[], targets: TargetData[], waivers: Waiver[] = []): TargetPlan[] {
  const policy: Policy = { rules, waivers, files: ["policy.yaml"] };
  const report = evaluatePolicy(policy, targets, { today: TODAY, failOn: "error", toolVersion: "0" });
  return planFix(policy, report, targets).targets;
}

const guardian = rule(leaf("VdmAttributes.GuardianAttributes.OptimizedSharedDelivery", "equals", "ENABLED"), {
  id: "guardian",
});
const bothReasons = rule(
  leaf("SuppressionAttributes.SuppressedReasons", "containsAll", ["BOUNCE", "COMPLAINT"]),
  {
    id: "both-reasons",
  },
);
const validation = {
  ConditionThreshold: {
    ConditionThresholdEnabled: "ENABLED",
    OverallConfidenceThreshold: { ConfidenceVerdictThreshold: "HIGH" },
  },
};

describe("read-modify-write", () => {
  it("turning on Guardian carries VdmEnabled and the dashboard setting", () => {
    const [target] = plan(
      [guardian],
      [
        okTarget({
          VdmAttributes: { VdmEnabled: "ENABLED", DashboardAttributes: { EngagementMetrics: "ENABLED" } },
        }),
      ],
    );
    expect(target?.calls).toEqual([
      {
        operation: "PutAccountVdmAttributes",
        input: {
          VdmAttributes: {
            VdmEnabled: "ENABLED",
            DashboardAttributes: { EngagementMetrics: "ENABLED" },
            GuardianAttributes: { OptimizedSharedDelivery: "ENABLED" },
          },
        },
        command:
          'aws sesv2 put-account-vdm-attributes --region us-east-1 --cli-input-json \'{"VdmAttributes":{"VdmEnabled":"ENABLED","DashboardAttributes":{"EngagementMetrics":"ENABLED"},"GuardianAttributes":{"OptimizedSharedDelivery":"ENABLED"}}}\'',
        iamAction: "ses:PutAccountVdmAttributes",
        changes: [{ path: "VdmAttributes.GuardianAttributes.OptimizedSharedDelivery", to: "ENABLED" }],
        fixes: ["guardian"],
      },
    ]);
  });

  it("adding COMPLAINT keeps BOUNCE and the validation settings", () => {
    const [target] = plan(
      [bothReasons],
      [
        okTarget({
          SuppressionAttributes: { SuppressedReasons: ["BOUNCE"], ValidationAttributes: validation },
        }),
      ],
    );
    expect(target?.calls.map((c) => c.input)).toEqual([
      { SuppressedReasons: ["BOUNCE", "COMPLAINT"], ValidationAttributes: validation },
    ]);
    expect(target?.calls[0]?.changes).toEqual([
      { path: "SuppressionAttributes.SuppressedReasons", from: ["BOUNCE"], to: ["BOUNCE", "COMPLAINT"] },
    ]);
  });

  it("two rules on one group make one call that fixes both", () => {
    const vdm = rule(leaf("VdmAttributes.VdmEnabled", "equals", "ENABLED"), { id: "vdm" });
    const [target] = plan([vdm, guardian], [okTarget({ VdmAttributes: { VdmEnabled: "DISABLED" } })]);
    expect(target?.calls).toHaveLength(1);
    expect(target?.calls[0]?.fixes).toEqual(["vdm", "guardian"]);
    expect(target?.calls[0]?.input).toEqual({
      VdmAttributes: { VdmEnabled: "ENABLED", GuardianAttributes: { OptimizedSharedDelivery: "ENABLED" } },
    });
  });

  it("does not guess VdmEnabled when GetAccount did not report it", () => {
    const [target] = plan([guardian], [okTarget({ SendingEnabled: true })]);
    expect(target?.calls).toEqual([]);
    expect(target?.manual).toEqual([
      {
        ruleId: "guardian",
        path: "VdmAttributes.GuardianAttributes.OptimizedSharedDelivery",
        reason:
          "PutAccountVdmAttributes needs VdmAttributes.VdmEnabled, which GetAccount did not report; set it by hand first",
      },
    ]);
  });

  it("booleans become flags in the command", () => {
    const sending = rule(leaf("SendingEnabled", "equals", true), { id: "sending" });
    const warmup = rule(leaf("DedicatedIpAutoWarmupEnabled", "notEquals", true), { id: "no-warmup" });
    const [target] = plan(
      [sending, warmup],
      [okTarget({ SendingEnabled: false, DedicatedIpAutoWarmupEnabled: true })],
    );
    expect(target?.calls.map((c) => c.command)).toEqual([
      "aws sesv2 put-account-sending-attributes --region us-east-1 --sending-enabled",
      "aws sesv2 put-account-dedicated-ip-warmup-attributes --region us-east-1 --no-auto-warmup-enabled",
    ]);
  });
});

describe("conflicts, waivers and targets that were not read", () => {
  it("two rules that want different values change nothing and name both rules", () => {
    const on = rule(leaf("VdmAttributes.VdmEnabled", "equals", "ENABLED"), { id: "vdm-on" });
    const off = rule(leaf("VdmAttributes.VdmEnabled", "notEquals", "ENABLED"), { id: "vdm-off" });
    const sending = rule(leaf("SendingEnabled", "equals", true), { id: "sending" });
    // vdm-off fails because VdmEnabled is absent; vdm-on fails because it is not ENABLED.
    const [target] = plan([on, off, sending], [okTarget({ SendingEnabled: false })]);
    expect(target?.conflicts).toEqual([
      {
        path: "VdmAttributes.VdmEnabled",
        rules: [
          { ruleId: "vdm-on", value: "ENABLED" },
          { ruleId: "vdm-off", value: "DISABLED" },
        ],
      },
    ]);
    expect(target?.calls.map((c) => c.operation)).toEqual(["PutAccountSendingAttributes"]);
    expect(target?.manual.map((m) => m.reason)).toEqual([
      "rules vdm-on and vdm-off want different values for VdmAttributes.VdmEnabled; neither is applied",
      "rules vdm-off and vdm-on want different values for VdmAttributes.VdmEnabled; neither is applied",
    ]);
  });

  it("an exact list that lacks a reason another rule adds is a conflict", () => {
    const onlyBounce = rule(leaf("SuppressionAttributes.SuppressedReasons", "equals", ["BOUNCE"]), {
      id: "only-bounce",
    });
    const [target] = plan(
      [onlyBounce, bothReasons],
      [okTarget({ SuppressionAttributes: { SuppressedReasons: [] } })],
    );
    expect(target?.calls).toEqual([]);
    expect(target?.conflicts[0]?.rules.map((r) => r.ruleId)).toEqual([
      "only-bounce",
      "both-reasons",
      "both-reasons",
    ]);
  });

  it("never touches a waived rule, and lists it", () => {
    const sending = rule(leaf("SendingEnabled", "equals", true), { id: "sending" });
    const [target] = plan([sending], [okTarget({ SendingEnabled: false })], [waiver({ rule: "sending" })]);
    expect(target?.calls).toEqual([]);
    expect(target?.waived).toEqual(["sending"]);
  });

  it("fixes a rule whose waiver has expired", () => {
    const sending = rule(leaf("SendingEnabled", "equals", true), { id: "sending" });
    const expired = waiver({ rule: "sending", expires: "2020-01-01" });
    const [target] = plan([sending], [okTarget({ SendingEnabled: false })], [expired]);
    expect(target?.calls.map((c) => c.fixes)).toEqual([["sending"]]);
  });

  it("never touches a disabled or region-filtered rule", () => {
    const disabled = rule(leaf("SendingEnabled", "equals", true), { id: "sending", enabled: false });
    const elsewhere = rule(leaf("VdmAttributes.VdmEnabled", "equals", "ENABLED"), {
      id: "vdm",
      regions: ["eu-*"],
    });
    const [target] = plan(
      [disabled, elsewhere],
      [okTarget({ SendingEnabled: false, VdmAttributes: { VdmEnabled: "DISABLED" } })],
    );
    expect(target).toMatchObject({ status: "planned", calls: [], manual: [], conflicts: [] });
  });

  it("plans nothing for a target that could not be read", () => {
    const sending = rule(leaf("SendingEnabled", "equals", true), { id: "sending" });
    const error = { code: "aws/access-denied", message: "Access denied" };
    const [target] = plan([sending], [{ region: "eu-west-1", accountId: null, status: "error", error }]);
    expect(target).toEqual({
      region: "eu-west-1",
      accountId: null,
      status: "not-read",
      error,
      calls: [],
      manual: [],
      conflicts: [],
      waived: [],
    });
  });
});

describe("every failed rule is accounted for, and a second plan is empty", () => {
  const rules = [
    rule(leaf("SendingEnabled", "equals", true), { id: "sending" }),
    rule(leaf("EnforcementStatus", "equals", "HEALTHY"), { id: "healthy" }),
    bothReasons,
    rule(
      all(
        leaf("VdmAttributes.VdmEnabled", "equals", "ENABLED"),
        leaf("VdmAttributes.DashboardAttributes.EngagementMetrics", "equals", "ENABLED"),
      ),
      {
        id: "vdm-dashboard",
      },
    ),
    guardian,
  ];
  const account = {
    SendingEnabled: false,
    EnforcementStatus: "PROBATION",
    SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] },
  };

  it("each failed rule is fixed by a call or listed as manual", () => {
    const [target] = plan(rules, [okTarget(account)]);
    const fixed = target?.calls.flatMap((c) => c.fixes) ?? [];
    const manual = target?.manual.map((m) => m.ruleId) ?? [];
    expect([...new Set(fixed)].sort()).toEqual(["both-reasons", "guardian", "sending", "vdm-dashboard"]);
    expect(manual).toEqual(["healthy"]);
    expect(target?.manual[0]?.command).toBe("aws sesv2 get-account --region us-east-1");
  });

  it("applying the plan's changes leaves nothing to plan", () => {
    const [first] = plan(rules, [okTarget(account)]);
    // Something to apply, or the second plan would be empty whatever the planner did.
    expect(first?.calls.map((c) => c.operation).sort()).toEqual([
      "PutAccountSendingAttributes",
      "PutAccountSuppressionAttributes",
      "PutAccountVdmAttributes",
    ]);
    const after = structuredClone(account) as Record<string, unknown>;
    for (const call of first?.calls ?? []) {
      if (call.operation === "PutAccountSendingAttributes") after.SendingEnabled = call.input.SendingEnabled;
      if (call.operation === "PutAccountSuppressionAttributes") after.SuppressionAttributes = call.input;
      if (call.operation === "PutAccountVdmAttributes") after.VdmAttributes = call.input.VdmAttributes;
    }
    const [second] = plan(rules, [okTarget(after)]);
    expect(second?.calls).toEqual([]);
  });
});
