/**
 * Three-valued composition: `all`, `any` and `not` over true, false and unknown (absent data),
 * and messages that bracket nested parts the way a reader must group them.
 */
import { describe, expect, it } from "vitest";
import { evaluateRule } from "../../src/engine/evaluate.js";
import { describeOutcome, evaluateCheck, type Truth } from "../../src/engine/evaluate-check.js";
import type { Check } from "../../src/types.js";
import { all, any, evaluationTarget, leaf, not, okTarget, rule } from "./fixtures.js";

// One leaf of each truth value on this account.
const account = { SendingEnabled: true, ProductionAccessEnabled: false };
const T = leaf("SendingEnabled", "equals", true);
const F = leaf("ProductionAccessEnabled", "equals", true);
const U = leaf("EnforcementStatus", "equals", "HEALTHY");
const byTruth: Record<Truth, Check> = { true: T, false: F, unknown: U };
const target = evaluationTarget(account);
const truthOf = (check: Check) => evaluateCheck(check, target).truth;

const truths: Truth[] = ["true", "false", "unknown"];
const pairs = truths.flatMap((a) => truths.map((b) => [a, b] as const));

// Kleene's strong three-valued logic: the tables README.md ("Checks") describes.
const kleeneAnd = (a: Truth, b: Truth): Truth =>
  a === "false" || b === "false" ? "false" : a === "unknown" || b === "unknown" ? "unknown" : "true";
const kleeneOr = (a: Truth, b: Truth): Truth =>
  a === "true" || b === "true" ? "true" : a === "unknown" || b === "unknown" ? "unknown" : "false";
const kleeneNot = (a: Truth): Truth => (a === "true" ? "false" : a === "false" ? "true" : "unknown");

describe("three-valued composition", () => {
  it("the leaves used below are true, false and unknown", () => {
    expect([truthOf(T), truthOf(F), truthOf(U)]).toEqual(["true", "false", "unknown"]);
  });

  it.each(pairs)("all [%s, %s]", (a, b) => {
    expect(truthOf(all(byTruth[a], byTruth[b]))).toBe(kleeneAnd(a, b));
  });

  it.each(pairs)("any [%s, %s]", (a, b) => {
    expect(truthOf(any(byTruth[a], byTruth[b]))).toBe(kleeneOr(a, b));
  });

  it.each(truths)("not %s", (a) => {
    expect(truthOf(not(byTruth[a]))).toBe(kleeneNot(a));
    expect(truthOf(not(not(byTruth[a])))).toBe(a);
  });

  it.each(pairs)("not all [%s, %s] and not any [%s, %s] follow De Morgan", (a, b) => {
    expect(truthOf(not(all(byTruth[a], byTruth[b])))).toBe(kleeneNot(kleeneAnd(a, b)));
    expect(truthOf(not(any(byTruth[a], byTruth[b])))).toBe(kleeneNot(kleeneOr(a, b)));
  });

  it("not { EnforcementStatus in [SHUTDOWN] } fails on an account without EnforcementStatus", () => {
    const check = not(leaf("EnforcementStatus", "in", ["SHUTDOWN"]));
    const outcome = evaluateCheck(check, target);
    expect(outcome.truth).toBe("unknown");
    expect(outcome.message).toBe("EnforcementStatus is not set; must not be one of [SHUTDOWN]");
    const result = evaluateRule(rule(check), okTarget(account), [], "2026-01-01");
    expect(result).toMatchObject({
      status: "fail",
      path: "EnforcementStatus",
      message: "EnforcementStatus is not set; must not be one of [SHUTDOWN]",
    });
    expect(result).not.toHaveProperty("actual");
    // With the status present, the same rule decides on the data.
    expect(
      evaluateRule(rule(check), okTarget({ EnforcementStatus: "HEALTHY" }), [], "2026-01-01").status,
    ).toBe("pass");
    expect(
      evaluateRule(rule(check), okTarget({ EnforcementStatus: "SHUTDOWN" }), [], "2026-01-01").status,
    ).toBe("fail");
  });

  it("any is true when one branch is true even though others are unknown, and explains with that branch", () => {
    const outcome = evaluateCheck(any(U, T, F), target);
    expect(outcome.truth).toBe("true");
    expect(outcome.message).toBe("SendingEnabled is true");
    expect(outcome.reasons).toEqual([]);
    expect(evaluateRule(rule(any(U, T)), okTarget(account), [], "2026-01-01").status).toBe("pass");
  });

  it("all lists definite failures before unknowns, since they are what to fix first", () => {
    const outcome = evaluateCheck(all(U, T, F), target);
    expect(outcome.truth).toBe("false");
    expect(outcome.message).toBe(
      "ProductionAccessEnabled is false; must equal true and EnforcementStatus is not set; must equal HEALTHY",
    );
    expect(outcome.reasons.map((r) => r.path)).toEqual(["ProductionAccessEnabled", "EnforcementStatus"]);
  });

  it("brackets an `or` inside an `and`: A and (B or C)", () => {
    const check = all(F, any(U, leaf("SendingEnabled", "equals", false)));
    const outcome = evaluateCheck(check, target);
    expect(outcome.truth).toBe("false");
    expect(outcome.compound).toBe("and");
    expect(outcome.message).toBe(
      "ProductionAccessEnabled is false; must equal true and " +
        "(EnforcementStatus is not set; must equal HEALTHY or SendingEnabled is true; must equal false)",
    );
    expect(describeOutcome(outcome)).toBe(outcome.message);
  });

  it("brackets an `and` inside an `or`, and says none of the alternatives holds", () => {
    const check = any(F, all(U, leaf("SendingEnabled", "equals", false)));
    const outcome = evaluateCheck(check, target);
    expect(outcome.truth).toBe("false");
    expect(outcome.compound).toBe("or");
    expect(describeOutcome(outcome)).toBe(
      "none of these holds: ProductionAccessEnabled is false; must equal true or " +
        "(SendingEnabled is true; must equal false and EnforcementStatus is not set; must equal HEALTHY)",
    );
  });

  it("does not bracket a part that combines the same way", () => {
    const outcome = evaluateCheck(all(F, all(U, F)), target);
    expect(outcome.message).toBe(
      "ProductionAccessEnabled is false; must equal true and " +
        "ProductionAccessEnabled is false; must equal true and EnforcementStatus is not set; must equal HEALTHY",
    );
  });

  it("under not, all/any swap and each leaf is phrased negated", () => {
    const outcome = evaluateCheck(not(all(T, leaf("ProductionAccessEnabled", "equals", false))), target);
    expect(outcome.truth).toBe("false");
    expect(describeOutcome(outcome)).toBe(
      "none of these holds: SendingEnabled is true; must not equal true or " +
        "ProductionAccessEnabled is false; must not equal false",
    );
  });

  it("a rule reports the leaf that decided it: the first failing one", () => {
    const result = evaluateRule(rule(all(T, F, U)), okTarget(account), [], "2026-01-01");
    expect(result).toMatchObject({
      status: "fail",
      path: "ProductionAccessEnabled",
      actual: false,
      expected: true,
    });
    const passing = evaluateRule(
      rule(all(T, leaf("ProductionAccessEnabled", "equals", false))),
      okTarget(account),
      [],
      "2026-01-01",
    );
    expect(passing).toMatchObject({ status: "pass", path: "SendingEnabled", actual: true });
  });

  it("a rule whose check is unknown fails: a gate never passes on data it did not see", () => {
    for (const check of [U, not(U), all(T, U), any(F, U), not(any(F, U))]) {
      expect(evaluateRule(rule(check), okTarget(account), [], "2026-01-01").status).toBe("fail");
    }
  });
});
