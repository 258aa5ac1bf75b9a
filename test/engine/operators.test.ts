/**
 * Every operator, table-driven: a value that satisfies it, one that does not, the same check under
 * `not`, an account without the field (unknown, so the rule fails) and a field of the wrong type
 * (unknown too, and the message says what the model expected).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateRule } from "../../src/engine/evaluate.js";
import { evaluateCheck } from "../../src/engine/evaluate-check.js";
import { operatorNames } from "../../src/engine/operators/index.js";
import { loadRegexEngine } from "../../src/engine/regex.js";
import type { OperatorName } from "../../src/types.js";
import { evaluationTarget, leaf, not, okTarget, rule } from "./fixtures.js";

const account = {
  SendingEnabled: true,
  EnforcementStatus: "PROBATION",
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 100 },
  SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] },
  Details: { WebsiteURL: "https://shop.example.com" },
};

interface OperatorCase {
  operator: OperatorName;
  path: string;
  /** An expected value the account satisfies. */
  holds: unknown;
  passMessage: string;
  /** An expected value the account does not satisfy, and the message then. */
  fails: unknown;
  failMessage: string;
  /** The message of `not` around the `holds` check (which is then false). */
  negatedMessage: string;
  /** The message of the `holds` check on an account without the field. */
  absentMessage: string;
  /** The same account with the field of another type, and the message then. */
  wrongType: Record<string, unknown>;
  wrongTypeMessage: string;
}

const reasons = "SuppressionAttributes.SuppressedReasons";
const quota = "SendQuota.Max24HourSend";
const wrongQuota = {
  ...account,
  SendQuota: { Max24HourSend: "50000", MaxSendRate: 14, SentLast24Hours: 100 },
};
const wrongReasons = { ...account, SuppressionAttributes: { SuppressedReasons: "BOUNCE" } };

const cases: OperatorCase[] = [
  {
    operator: "equals",
    path: "SendingEnabled",
    holds: true,
    passMessage: "SendingEnabled is true",
    fails: false,
    failMessage: "SendingEnabled is true; must equal false",
    negatedMessage: "SendingEnabled is true; must not equal true",
    absentMessage: "SendingEnabled is not set; must equal true",
    wrongType: { ...account, SendingEnabled: "true" },
    wrongTypeMessage: 'SendingEnabled is "true" (a string where the model has a boolean); must equal true',
  },
  {
    operator: "notEquals",
    path: "EnforcementStatus",
    holds: "SHUTDOWN",
    passMessage: "EnforcementStatus is PROBATION",
    fails: "PROBATION",
    failMessage: "EnforcementStatus is PROBATION; must not equal PROBATION",
    negatedMessage: "EnforcementStatus is PROBATION; must equal SHUTDOWN",
    absentMessage: "EnforcementStatus is not set; must not equal SHUTDOWN",
    wrongType: { ...account, EnforcementStatus: 3 },
    wrongTypeMessage:
      "EnforcementStatus is 3 (a number where the model has a string); must not equal SHUTDOWN",
  },
  {
    operator: "in",
    path: "EnforcementStatus",
    holds: ["HEALTHY", "PROBATION"],
    passMessage: "EnforcementStatus is PROBATION",
    fails: ["HEALTHY"],
    failMessage: "EnforcementStatus is PROBATION; must be one of [HEALTHY]",
    negatedMessage: "EnforcementStatus is PROBATION; must not be one of [HEALTHY, PROBATION]",
    absentMessage: "EnforcementStatus is not set; must be one of [HEALTHY, PROBATION]",
    wrongType: { ...account, EnforcementStatus: true },
    wrongTypeMessage:
      "EnforcementStatus is true (a boolean where the model has a string); must be one of [HEALTHY, PROBATION]",
  },
  {
    operator: "notIn",
    path: "EnforcementStatus",
    holds: ["SHUTDOWN"],
    passMessage: "EnforcementStatus is PROBATION",
    fails: ["PROBATION", "SHUTDOWN"],
    failMessage: "EnforcementStatus is PROBATION; must not be one of [PROBATION, SHUTDOWN]",
    negatedMessage: "EnforcementStatus is PROBATION; must be one of [SHUTDOWN]",
    absentMessage: "EnforcementStatus is not set; must not be one of [SHUTDOWN]",
    wrongType: { ...account, EnforcementStatus: ["SHUTDOWN"] },
    wrongTypeMessage:
      "EnforcementStatus is [SHUTDOWN] (a list where the model has a string); must not be one of [SHUTDOWN]",
  },
  {
    operator: "contains",
    path: reasons,
    holds: "BOUNCE",
    passMessage: `${reasons} is [BOUNCE]`,
    fails: "COMPLAINT",
    failMessage: `${reasons} is [BOUNCE]; must contain COMPLAINT`,
    negatedMessage: `${reasons} is [BOUNCE]; must not contain BOUNCE`,
    absentMessage: `${reasons} is not set; must contain BOUNCE`,
    wrongType: wrongReasons,
    wrongTypeMessage: `${reasons} is "BOUNCE" (a string where the model has a list of string); must contain BOUNCE`,
  },
  {
    operator: "containsAll",
    path: reasons,
    holds: ["BOUNCE"],
    passMessage: `${reasons} is [BOUNCE]`,
    fails: ["BOUNCE", "COMPLAINT"],
    failMessage: `${reasons} is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)`,
    negatedMessage: `${reasons} is [BOUNCE]; must not contain all of [BOUNCE]`,
    absentMessage: `${reasons} is not set; must contain all of [BOUNCE]`,
    wrongType: wrongReasons,
    wrongTypeMessage: `${reasons} is "BOUNCE" (a string where the model has a list of string); must contain all of [BOUNCE]`,
  },
  {
    operator: "containsAny",
    path: reasons,
    holds: ["BOUNCE", "COMPLAINT"],
    passMessage: `${reasons} is [BOUNCE]`,
    fails: ["COMPLAINT"],
    failMessage: `${reasons} is [BOUNCE]; must contain any of [COMPLAINT]`,
    negatedMessage: `${reasons} is [BOUNCE]; must not contain any of [BOUNCE, COMPLAINT] (has BOUNCE)`,
    absentMessage: `${reasons} is not set; must contain any of [BOUNCE, COMPLAINT]`,
    wrongType: wrongReasons,
    wrongTypeMessage: `${reasons} is "BOUNCE" (a string where the model has a list of string); must contain any of [BOUNCE, COMPLAINT]`,
  },
  {
    operator: "containsNone",
    path: reasons,
    holds: ["COMPLAINT"],
    passMessage: `${reasons} is [BOUNCE]`,
    fails: ["BOUNCE", "COMPLAINT"],
    failMessage: `${reasons} is [BOUNCE]; must not contain any of [BOUNCE, COMPLAINT] (has BOUNCE)`,
    negatedMessage: `${reasons} is [BOUNCE]; must contain any of [COMPLAINT]`,
    absentMessage: `${reasons} is not set; must not contain any of [COMPLAINT]`,
    wrongType: wrongReasons,
    wrongTypeMessage: `${reasons} is "BOUNCE" (a string where the model has a list of string); must not contain any of [COMPLAINT]`,
  },
  {
    operator: "greaterThan",
    path: quota,
    holds: 1000,
    passMessage: `${quota} is 50000`,
    fails: 50000,
    failMessage: `${quota} is 50000; must be greater than 50000`,
    negatedMessage: `${quota} is 50000; must not be greater than 1000`,
    absentMessage: `${quota} is not set; must be greater than 1000`,
    wrongType: wrongQuota,
    wrongTypeMessage: `${quota} is "50000" (a string where the model has a number); must be greater than 1000`,
  },
  {
    operator: "greaterThanOrEqual",
    path: quota,
    holds: 50000,
    passMessage: `${quota} is 50000`,
    fails: 50001,
    failMessage: `${quota} is 50000; must be at least 50001`,
    negatedMessage: `${quota} is 50000; must not be at least 50000`,
    absentMessage: `${quota} is not set; must be at least 50000`,
    wrongType: wrongQuota,
    wrongTypeMessage: `${quota} is "50000" (a string where the model has a number); must be at least 50000`,
  },
  {
    operator: "lessThan",
    path: quota,
    holds: 50001,
    passMessage: `${quota} is 50000`,
    fails: 50000,
    failMessage: `${quota} is 50000; must be less than 50000`,
    negatedMessage: `${quota} is 50000; must not be less than 50001`,
    absentMessage: `${quota} is not set; must be less than 50001`,
    wrongType: wrongQuota,
    wrongTypeMessage: `${quota} is "50000" (a string where the model has a number); must be less than 50001`,
  },
  {
    operator: "lessThanOrEqual",
    path: quota,
    holds: 50000,
    passMessage: `${quota} is 50000`,
    fails: 49999,
    failMessage: `${quota} is 50000; must be at most 49999`,
    negatedMessage: `${quota} is 50000; must not be at most 50000`,
    absentMessage: `${quota} is not set; must be at most 50000`,
    wrongType: wrongQuota,
    wrongTypeMessage: `${quota} is "50000" (a string where the model has a number); must be at most 50000`,
  },
  {
    operator: "matches",
    path: "Details.WebsiteURL",
    holds: "^https://",
    passMessage: "Details.WebsiteURL is https://shop.example.com",
    fails: "\\.org$",
    failMessage: "Details.WebsiteURL is https://shop.example.com; must match /\\.org$/",
    negatedMessage: "Details.WebsiteURL is https://shop.example.com; must not match /^https:///",
    absentMessage: "Details.WebsiteURL is not set; must match /^https:///",
    wrongType: { ...account, Details: { WebsiteURL: 42 } },
    wrongTypeMessage:
      "Details.WebsiteURL is 42 (a number where the model has a string); must match /^https:///",
  },
  {
    operator: "exists",
    path: "SendingEnabled",
    holds: true,
    passMessage: "SendingEnabled is true",
    fails: false,
    failMessage: "SendingEnabled is true; must not be set",
    negatedMessage: "SendingEnabled is true; must not be set",
    // `exists` is the one operator that is never unknown: an absent field is simply not set.
    absentMessage: "SendingEnabled is not set; must be set",
    wrongType: { ...account, SendingEnabled: "yes" },
    wrongTypeMessage: 'SendingEnabled is "yes" (a string where the model has a boolean); must be set',
  },
];

function without(path: string): Record<string, unknown> {
  const copy = structuredClone(account) as Record<string, unknown>;
  const names = path.split(".");
  let node = copy;
  for (const name of names.slice(0, -1)) node = node[name] as Record<string, unknown>;
  delete node[names[names.length - 1] as string];
  return copy;
}

// The policy loader loads RE2 before compiling a policy that uses `matches`; so do these tests.
beforeAll(loadRegexEngine);

describe("operators", () => {
  it("the table covers every registered operator exactly once", () => {
    expect(cases.map((c) => c.operator).sort()).toEqual([...operatorNames].sort());
    expect(operatorNames).toHaveLength(14);
  });

  describe.each(cases)("$operator on $path", (c) => {
    const target = evaluationTarget(account);

    it("is true when the value satisfies it", () => {
      const outcome = evaluateCheck(leaf(c.path, c.operator, c.holds), target);
      expect(outcome.truth).toBe("true");
      expect(outcome.message).toBe(c.passMessage);
      expect(outcome.reasons).toEqual([]);
      expect(outcome.evidence).toHaveLength(1);
      expect(outcome.evidence[0]?.path).toBe(c.path);
    });

    it("is false when it does not, naming what was found and expected", () => {
      const outcome = evaluateCheck(leaf(c.path, c.operator, c.fails), target);
      expect(outcome.truth).toBe("false");
      expect(outcome.message).toBe(c.failMessage);
      expect(outcome.reasons).toHaveLength(1);
      expect(outcome.reasons[0]).toMatchObject({ path: c.path, expected: c.fails, truth: "false" });
    });

    it("under `not`, flips a definite outcome and phrases the requirement negated", () => {
      const negated = evaluateCheck(not(leaf(c.path, c.operator, c.holds)), target);
      expect(negated.truth).toBe("false");
      expect(negated.message).toBe(c.negatedMessage);
      expect(evaluateCheck(not(leaf(c.path, c.operator, c.fails)), target).truth).toBe("true");
    });

    it("on a wrong type in the account data is unknown, and says what the model has", () => {
      const wrong = evaluationTarget(c.wrongType);
      const outcome = evaluateCheck(leaf(c.path, c.operator, c.holds), wrong);
      expect(outcome.truth).toBe("unknown");
      expect(outcome.message).toBe(c.wrongTypeMessage);
      // Negation cannot turn data of the wrong type into a pass.
      expect(evaluateCheck(not(leaf(c.path, c.operator, c.holds)), wrong).truth).toBe("unknown");
      const result = evaluateRule(
        rule(leaf(c.path, c.operator, c.holds)),
        okTarget(c.wrongType),
        [],
        "2026-01-01",
      );
      expect(result.status).toBe("fail");
    });

    if (c.operator === "exists") {
      it("on an absent field is false for exists: true and true for exists: false (never unknown)", () => {
        const absent = evaluationTarget(without(c.path));
        const outcome = evaluateCheck(leaf(c.path, "exists", true), absent);
        expect(outcome.truth).toBe("false");
        expect(outcome.message).toBe(c.absentMessage);
        expect(evaluateCheck(leaf(c.path, "exists", false), absent).truth).toBe("true");
        expect(evaluateCheck(not(leaf(c.path, "exists", true)), absent).truth).toBe("true");
        expect(evaluateCheck(not(leaf(c.path, "exists", false)), absent)).toMatchObject({
          truth: "false",
          message: "SendingEnabled is not set; must be set",
        });
      });
    } else {
      it("on an absent field is unknown, with or without `not`, and the rule fails", () => {
        const absent = evaluationTarget(without(c.path));
        const outcome = evaluateCheck(leaf(c.path, c.operator, c.holds), absent);
        expect(outcome.truth).toBe("unknown");
        expect(outcome.message).toBe(c.absentMessage);
        expect(outcome.reasons[0]).toMatchObject({ path: c.path, truth: "unknown", actual: undefined });
        const negated = evaluateCheck(not(leaf(c.path, c.operator, c.holds)), absent);
        expect(negated.truth).toBe("unknown");
        // The requirement is negated; a difference ("has BOUNCE") needs a value, so it is not named.
        const requirement = c.negatedMessage.split("; ")[1]?.replace(/ \(has .*\)$/, "");
        expect(negated.message).toBe(`${c.path} is not set; ${requirement}`);
        for (const check of [leaf(c.path, c.operator, c.holds), not(leaf(c.path, c.operator, c.fails))]) {
          const result = evaluateRule(rule(check), okTarget(without(c.path)), [], "2026-01-01");
          expect(result.status).toBe("fail");
          expect(result.message).toMatch(new RegExp(`^${c.path.replaceAll(".", "\\.")} is not set; `));
        }
      });
    }
  });

  it("a JSON null in the account data counts as not set", () => {
    const target = evaluationTarget({ ...account, EnforcementStatus: null });
    const outcome = evaluateCheck(leaf("EnforcementStatus", "equals", "HEALTHY"), target);
    expect(outcome).toMatchObject({
      truth: "unknown",
      message: "EnforcementStatus is not set; must equal HEALTHY",
    });
    expect(evaluateCheck(leaf("EnforcementStatus", "exists", true), target).truth).toBe("false");
  });

  it("contains on a string field looks for a substring", () => {
    const target = evaluationTarget(account);
    expect(evaluateCheck(leaf("Details.WebsiteURL", "contains", "example"), target).truth).toBe("true");
    expect(evaluateCheck(leaf("Details.WebsiteURL", "contains", "example.org"), target)).toMatchObject({
      truth: "false",
      message: "Details.WebsiteURL is https://shop.example.com; must contain example.org",
    });
  });

  it("equals on a list compares in order", () => {
    const target = evaluationTarget({
      SuppressionAttributes: { SuppressedReasons: ["COMPLAINT", "BOUNCE"] },
    });
    expect(evaluateCheck(leaf(reasons, "equals", ["COMPLAINT", "BOUNCE"]), target).truth).toBe("true");
    expect(evaluateCheck(leaf(reasons, "equals", ["BOUNCE", "COMPLAINT"]), target).truth).toBe("false");
  });

  it("containsAll names every missing element and ignores order and extras", () => {
    const empty = evaluationTarget({ SuppressionAttributes: { SuppressedReasons: [] } });
    expect(evaluateCheck(leaf(reasons, "containsAll", ["BOUNCE", "COMPLAINT"]), empty).message).toBe(
      `${reasons} is []; must contain all of [BOUNCE, COMPLAINT] (missing BOUNCE, COMPLAINT)`,
    );
    const reversed = evaluationTarget({
      SuppressionAttributes: { SuppressedReasons: ["COMPLAINT", "BOUNCE"] },
    });
    expect(evaluateCheck(leaf(reasons, "containsAll", ["BOUNCE", "COMPLAINT"]), reversed).truth).toBe("true");
  });

  it("a list holding an element of the wrong type is unknown", () => {
    const target = evaluationTarget({ SuppressionAttributes: { SuppressedReasons: ["BOUNCE", 7] } });
    const outcome = evaluateCheck(leaf(reasons, "containsNone", ["COMPLAINT"]), target);
    expect(outcome.truth).toBe("unknown");
    expect(outcome.message).toContain("where the model has a list of string");
  });

  it("a structure where the path expects to walk through one is unknown, naming the culprit", () => {
    const target = evaluationTarget({ ...account, SendQuota: "unlimited" });
    const outcome = evaluateCheck(leaf(quota, "lessThan", 10), target);
    expect(outcome.truth).toBe("unknown");
    expect(outcome.message).toContain("SendQuota is a string, not a structure");
  });

  it("comparisons treat a non-finite number as the wrong type", () => {
    const target = evaluationTarget({ SendQuota: { Max24HourSend: Number.NaN } });
    expect(evaluateCheck(leaf(quota, "lessThan", 10), target).truth).toBe("unknown");
    expect(evaluateCheck(not(leaf(quota, "lessThan", 10)), target).truth).toBe("unknown");
  });
});
