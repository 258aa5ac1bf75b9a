/**
 * Account data comes from AWS, files and snapshots; whatever its shape, evaluation never throws,
 * and a rule never passes on a value it did not see: when the path holds nothing or a value of the
 * wrong type, every check but `exists` fails, with or without `not`.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateRule } from "../../src/engine/evaluate.js";
import { lookup } from "../../src/engine/facts.js";
import { loadRegexEngine } from "../../src/engine/regex.js";
import type { Check, LeafCheck } from "../../src/types.js";
import { runs } from "../helpers/arbitraries.js";
import { all, any, evaluationTarget, leaf, not, okTarget, rule } from "./fixtures.js";

beforeAll(loadRegexEngine);

const leaves: LeafCheck[] = [
  leaf("SendingEnabled", "equals", true),
  leaf("EnforcementStatus", "notIn", ["SHUTDOWN", "PROBATION"]),
  leaf("EnforcementStatus", "notEquals", "SHUTDOWN"),
  leaf("SendQuota.Max24HourSend", "greaterThan", 1000),
  leaf("$quotaUsedPercent", "lessThan", 80),
  leaf("$quotaUnlimited", "equals", false),
  leaf("SuppressionAttributes.SuppressedReasons", "containsAll", ["BOUNCE", "COMPLAINT"]),
  leaf("SuppressionAttributes.SuppressedReasons", "containsNone", ["COMPLAINT"]),
  leaf("SuppressionAttributes.SuppressedReasons", "contains", "BOUNCE"),
  leaf("Details.WebsiteURL", "matches", "^https://"),
  leaf("Details.AdditionalContactEmailAddresses", "containsAny", ["ops@example.com"]),
  leaf("VdmAttributes.VdmEnabled", "in", ["ENABLED"]),
  leaf("VdmAttributes.DashboardAttributes.EngagementMetrics", "equals", "ENABLED"),
  leaf("SendQuota.SentLast24Hours", "lessThanOrEqual", 10),
];

const members = [
  "SendingEnabled",
  "EnforcementStatus",
  "SendQuota",
  "SuppressionAttributes",
  "Details",
  "VdmAttributes",
];
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(Number.NaN, -1, 0, "HEALTHY", "SHUTDOWN", ["BOUNCE", "COMPLAINT"], ["BOUNCE", 1]),
);
const account = fc.dictionary(
  fc.constantFrom(...members),
  fc.oneof(
    json,
    fc.dictionary(
      fc.constantFrom(
        "Max24HourSend",
        "SentLast24Hours",
        "SuppressedReasons",
        "WebsiteURL",
        "VdmEnabled",
        "DashboardAttributes",
      ),
      json,
    ),
  ),
) as fc.Arbitrary<Record<string, unknown>>;

const check: fc.Arbitrary<Check> = fc.letrec((tie) => ({
  check: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(...leaves),
    fc.array(tie("check"), { minLength: 1, maxLength: 3 }).map((c) => all(...(c as Check[]))),
    fc.array(tie("check"), { minLength: 1, maxLength: 3 }).map((c) => any(...(c as Check[]))),
    tie("check").map((c) => not(c as Check)),
  ),
})).check;

describe("evaluation on arbitrary account data", () => {
  it("never throws, and always ends in pass or fail with a one-line message", () => {
    fc.assert(
      fc.property(account, check, (data, c) => {
        const result = evaluateRule(rule(c), okTarget(data), [], "2026-01-01");
        expect(["pass", "fail"]).toContain(result.status);
        expect(result.message).not.toMatch(/[\n\r\u001b]/);
        expect(result.message.length).toBeGreaterThan(0);
      }),
      runs(1000),
    );
  });

  it("a leaf whose value is missing or of the wrong type fails, negated or not", () => {
    fc.assert(
      fc.property(account, fc.constantFrom(...leaves), (data, l) => {
        const found = lookup(evaluationTarget(data), l.path);
        fc.pre(found.state !== "present");
        for (const c of [l, not(l), not(not(l))]) {
          expect(evaluateRule(rule(c), okTarget(data), [], "2026-01-01").status).toBe("fail");
        }
      }),
      runs(1000),
    );
  });
});
