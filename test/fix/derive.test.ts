/** Table tests of the derivation from checks to settings, one row per operator and composition. */
import { describe, expect, it } from "vitest";
import { type Derivation, deriveWants } from "../../src/fix/derive.js";
import type { Check } from "../../src/types.js";
import { all, any, evaluationTarget, leaf, not } from "../engine/fixtures.js";

const account = {
  SendingEnabled: false,
  EnforcementStatus: "HEALTHY",
  SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] },
  VdmAttributes: { VdmEnabled: "DISABLED", DashboardAttributes: { EngagementMetrics: "ENABLED" } },
};

const target = evaluationTarget(account);

const settable: Array<[string, Check, Derivation]> = [
  [
    "equals on a boolean",
    leaf("SendingEnabled", "equals", true),
    { wants: [{ kind: "set", path: "SendingEnabled", value: true }] },
  ],
  [
    "equals on an enum",
    leaf("VdmAttributes.VdmEnabled", "equals", "ENABLED"),
    { wants: [{ kind: "set", path: "VdmAttributes.VdmEnabled", value: "ENABLED" }] },
  ],
  [
    "equals on the delivery mode",
    leaf("DeliveryAttributes.SharedPoolDeliveryMode", "equals", "REGIONAL"),
    { wants: [{ kind: "set", path: "DeliveryAttributes.SharedPoolDeliveryMode", value: "REGIONAL" }] },
  ],
  [
    "containsAll on SuppressedReasons",
    leaf("SuppressionAttributes.SuppressedReasons", "containsAll", ["BOUNCE", "COMPLAINT"]),
    {
      wants: [
        { kind: "include", path: "SuppressionAttributes.SuppressedReasons", value: "BOUNCE" },
        { kind: "include", path: "SuppressionAttributes.SuppressedReasons", value: "COMPLAINT" },
      ],
    },
  ],
  [
    "contains on SuppressedReasons",
    leaf("SuppressionAttributes.SuppressedReasons", "contains", "COMPLAINT"),
    { wants: [{ kind: "include", path: "SuppressionAttributes.SuppressedReasons", value: "COMPLAINT" }] },
  ],
  [
    "notEquals on a two-value enum sets the other value",
    leaf("VdmAttributes.GuardianAttributes.OptimizedSharedDelivery", "notEquals", "DISABLED"),
    {
      wants: [
        { kind: "set", path: "VdmAttributes.GuardianAttributes.OptimizedSharedDelivery", value: "ENABLED" },
      ],
    },
  ],
  [
    "notEquals on a boolean",
    leaf("DedicatedIpAutoWarmupEnabled", "notEquals", false),
    { wants: [{ kind: "set", path: "DedicatedIpAutoWarmupEnabled", value: true }] },
  ],
  [
    "not equals on a two-value enum",
    not(leaf("VdmAttributes.VdmEnabled", "equals", "DISABLED")),
    { wants: [{ kind: "set", path: "VdmAttributes.VdmEnabled", value: "ENABLED" }] },
  ],
  [
    "not notEquals is equals",
    not(leaf("SendingEnabled", "notEquals", true)),
    { wants: [{ kind: "set", path: "SendingEnabled", value: true }] },
  ],
  [
    "all fixes each branch that does not hold",
    all(
      leaf("VdmAttributes.VdmEnabled", "equals", "ENABLED"),
      leaf("VdmAttributes.DashboardAttributes.EngagementMetrics", "equals", "ENABLED"),
      leaf("SendingEnabled", "equals", true),
    ),
    {
      wants: [
        { kind: "set", path: "VdmAttributes.VdmEnabled", value: "ENABLED" },
        { kind: "set", path: "SendingEnabled", value: true },
      ],
    },
  ],
  [
    "all skips a branch on a fixed member that holds already",
    all(leaf("EnforcementStatus", "equals", "HEALTHY"), leaf("SendingEnabled", "equals", true)),
    { wants: [{ kind: "set", path: "SendingEnabled", value: true }] },
  ],
  [
    "not any is all of the negations",
    not(any(leaf("SendingEnabled", "equals", false), leaf("VdmAttributes.VdmEnabled", "equals", "DISABLED"))),
    {
      wants: [
        { kind: "set", path: "SendingEnabled", value: true },
        { kind: "set", path: "VdmAttributes.VdmEnabled", value: "ENABLED" },
      ],
    },
  ],
];

const manual: Array<[string, Check, RegExp]> = [
  [
    "EnforcementStatus is set by AWS",
    leaf("EnforcementStatus", "equals", "HEALTHY"),
    /AWS sets the enforcement status/,
  ],
  [
    "SendQuota is raised on request",
    leaf("SendQuota.Max24HourSend", "greaterThan", 1000),
    /quotas are raised by AWS/,
  ],
  ["a computed fact", leaf("$quotaUsedPercent", "lessThan", 80), /quota headroom/],
  ["production access needs a review", leaf("ProductionAccessEnabled", "equals", true), /review/],
  ["Details need a review", leaf("Details.MailType", "equals", "TRANSACTIONAL"), /review/],
  [
    "notEquals on a three-value enum",
    leaf(
      "SuppressionAttributes.ValidationAttributes.ConditionThreshold.OverallConfidenceThreshold.ConfidenceVerdictThreshold",
      "notEquals",
      "MEDIUM",
    ),
    /derives no setting from `notEquals`/,
  ],
  [
    "not containsAll on SuppressedReasons",
    not(leaf("SuppressionAttributes.SuppressedReasons", "containsAll", ["BOUNCE"])),
    /`not containsAll`/,
  ],
  ["in on an enum", leaf("VdmAttributes.VdmEnabled", "in", ["ENABLED"]), /`in`/],
  [
    "any",
    any(leaf("SendingEnabled", "equals", true), leaf("VdmAttributes.VdmEnabled", "equals", "ENABLED")),
    /more than one way/,
  ],
  ["not all", not(all(leaf("SendingEnabled", "equals", false))), /more than one way/],
  [
    "all with a branch that needs a person",
    all(leaf("SendingEnabled", "equals", true), leaf("ProductionAccessEnabled", "equals", true)),
    /production access/,
  ],
];

describe("deriveWants", () => {
  it.each(settable)("%s", (_name, check, expected) => {
    expect(deriveWants(check, target)).toEqual(expected);
  });

  it.each(manual)("%s is manual", (_name, check, reason) => {
    const derived = deriveWants(check, target);
    expect("manual" in derived && derived.manual.reason).toMatch(reason);
  });
});
