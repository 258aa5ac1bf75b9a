/**
 * The fix plan: per target, the SES v2 calls that would make failed rules pass, the rules left to
 * a person, and the conflicts between rules. The JSON plan (policies/fix-plan.schema.json) is
 * this data as it is.
 */
import type { ErrorInfo } from "../types.js";
import type { FixOperation } from "./settable.js";

/** One member a call changes, from what was read to what the policy wants. */
export interface MemberChange {
  path: string;
  /** Absent when the member was not set. */
  from?: unknown;
  to: unknown;
}

/** What happened to a call under `--apply`. */
export interface CallOutcome {
  status: "applied" | "failed" | "not-started";
  error?: ErrorInfo;
}

/** One SES v2 call of a plan, with its complete request input. */
export interface PlannedCall {
  operation: FixOperation;
  /** The complete request: every member of the group it replaces, changed or carried over. */
  input: Record<string, unknown>;
  /** The equivalent `aws sesv2 ...` command. */
  command: string;
  iamAction: string;
  changes: MemberChange[];
  /** The failed rules this call makes pass. */
  fixes: string[];
  /** Set once `--apply` has run. */
  outcome?: CallOutcome;
}

/** A failed rule that no call fixes, with the reason and what a person can do. */
export interface ManualStep {
  ruleId: string;
  reason: string;
  path?: string;
  command?: string;
  review?: string;
}

/** Two or more rules that want different values for one member: none of them is applied. */
export interface Conflict {
  path: string;
  rules: { ruleId: string; value: unknown }[];
}

/** The plan for one target. */
export interface TargetPlan {
  region: string;
  accountId: string | null;
  /** `not-read`: the target could not be read, so nothing is planned (or applied) for it. */
  status: "planned" | "not-read" | "skipped";
  error?: ErrorInfo;
  calls: PlannedCall[];
  manual: ManualStep[];
  conflicts: Conflict[];
  /** Failed rules under a waiver: never fixed. */
  waived: string[];
}

/** The plan for every target. */
export interface FixPlan {
  targets: TargetPlan[];
}
