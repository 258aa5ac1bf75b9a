/**
 * `when:` conditions on rules and waivers. A rule's condition narrows where it applies, but a gate
 * checks more rather than less: the rule is skipped only where the condition is false, and
 * evaluated where it holds or cannot be decided. A waiver's condition is an exception, so it must
 * be seen to hold.
 */
import type { Check, TargetData } from "../types.js";
import { describeOutcome, evaluateCheck, type Truth } from "./evaluate-check.js";
import type { EvaluationTarget } from "./facts.js";

/** What a rule's `when` decided on one target, with the sentence that explains it. */
export interface WhenDecision {
  truth: Truth;
  /** Why the condition is not true (empty when it is). */
  reason: string;
}

/** Evaluates a `when` condition on a target. */
export function decideWhen(when: Check, data: EvaluationTarget): WhenDecision {
  const outcome = evaluateCheck(when, data);
  return { truth: outcome.truth, reason: outcome.truth === "true" ? "" : describeOutcome(outcome) };
}

/** The message of a rule skipped because its `when` is false here. */
export function skippedByWhen(decision: WhenDecision): string {
  return `does not apply here: its when condition is false (${decision.reason})`;
}

/** The note added to a result whose rule was evaluated although its `when` could not be decided. */
export function whenUnknownNote(decision: WhenDecision): string {
  return ` (its when condition could not be decided, so the rule was evaluated: ${decision.reason})`;
}

/** True when a waiver's `when` holds on the target: a waiver without one always may apply. */
export function waiverConditionHolds(when: Check | undefined, data: EvaluationTarget): boolean {
  return when === undefined || evaluateCheck(when, data).truth === "true";
}

/** The view of a readable target that checks evaluate: its account data and the facts around it. */
export function evaluationTarget(target: TargetData, account: Record<string, unknown>): EvaluationTarget {
  return {
    region: target.region,
    accountId: target.accountId,
    account,
    accountName: target.accountName,
    accountTags: target.accountTags,
    reputation: target.reputation,
  };
}
