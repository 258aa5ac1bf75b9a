/**
 * Derives, from a rule's check, the settings that would make it pass: pure, beside the engine.
 * Only what the check itself says is used (never the rule's `remediation` text):
 * - `equals` on a settable member sets it;
 * - `containsAll` / `contains` on `SuppressedReasons` adds the missing reasons;
 * - `notEquals` (or `not equals`) on a two-value member sets the other value;
 * - `all` fixes each branch that does not hold yet; `not` flips what its child asks.
 * Anything else cannot be satisfied by a setting and is a manual step, with the reason.
 */
import { evaluateCheck } from "../engine/evaluate-check.js";
import type { EvaluationTarget } from "../engine/facts.js";
import { deepEqual } from "../engine/values.js";
import type { Check, LeafCheck } from "../types.js";
import { type ManualReason, manualReasonFor, SETTABLE_MEMBERS } from "./settable.js";

/** The path whose list of reasons a check may add to. */
export const SUPPRESSED_REASONS = "SuppressionAttributes.SuppressedReasons";

/** One setting a rule wants: a member set to a value, or a reason added to SuppressedReasons. */
export type Want =
  | { kind: "set"; path: string; value: unknown }
  | { kind: "include"; path: string; value: unknown };

/** A rule's check turned into settings, or the reason it cannot be. */
export type Derivation = { wants: Want[] } | { manual: ManualReason & { path?: string } };

/** Derives the settings that satisfy `check` on `target` (whose check does not hold today). */
export function deriveWants(check: Check, target: EvaluationTarget, negated = false): Derivation {
  switch (check.kind) {
    case "leaf":
      return deriveLeaf(check, negated);
    case "not":
      return deriveWants(check.check, target, !negated);
    case "all":
    case "any": {
      // Under negation all/any swap roles (De Morgan), exactly as the engine evaluates them.
      const conjunction = (check.kind === "all") !== negated;
      if (!conjunction) {
        return {
          manual: {
            reason: "an `any` check can pass in more than one way; ses-guard leaves the choice to a person",
          },
        };
      }
      const wants: Want[] = [];
      for (const child of check.checks) {
        // A branch that holds already needs nothing; only the others are changed.
        if (evaluateCheck(child, target, negated).truth === "true") continue;
        const derived = deriveWants(child, target, negated);
        if ("manual" in derived) return derived;
        wants.push(...derived.wants);
      }
      return { wants };
    }
  }
}

function deriveLeaf(check: LeafCheck, negated: boolean): Derivation {
  const { path, expected } = check;
  const fixed = manualReasonFor(path);
  if (fixed) return { manual: { ...fixed, path } };
  const member = Object.hasOwn(SETTABLE_MEMBERS, path) ? SETTABLE_MEMBERS[path] : undefined;
  if (!member) {
    return { manual: { path, reason: `${path} is not an account setting that SES v2 can change` } };
  }
  const operator = effectiveOperator(check.operator, negated);
  if (operator === "equals") return { wants: [{ kind: "set", path, value: expected }] };
  if (operator === "notEquals" && member.twoValues) {
    const other = member.twoValues.find((value) => !deepEqual(value, expected));
    return { wants: [{ kind: "set", path, value: other }] };
  }
  if (path === SUPPRESSED_REASONS && (operator === "containsAll" || operator === "contains")) {
    const reasons = operator === "contains" ? [expected] : (expected as unknown[]);
    return { wants: reasons.map((value) => ({ kind: "include" as const, path, value })) };
  }
  const written = negated ? `not ${check.operator}` : check.operator;
  return {
    manual: {
      path,
      reason: `ses-guard derives no setting from \`${written}\` on ${path}; change it by hand`,
    },
  };
}

/** The operator a leaf amounts to under negation, where one exists (`not equals` is `notEquals`). */
function effectiveOperator(operator: LeafCheck["operator"], negated: boolean): string {
  if (!negated) return operator;
  if (operator === "equals") return "notEquals";
  if (operator === "notEquals") return "equals";
  return `not ${operator}`;
}
