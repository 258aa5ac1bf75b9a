import { ExitCode } from "../errors.js";
import type { FailOn, Result, Severity, TargetSummary } from "../types.js";

const severityRank: Record<Severity, number> = { notice: 1, warning: 2, error: 3 };

/** True when a severity is at or above the `--fail-on` threshold. */
export function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== "none" && severityRank[severity] >= severityRank[failOn];
}

/** Orders severities most serious first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank[b] - severityRank[a];
}

/**
 * Why a run checked nothing, or undefined when some rule was evaluated on some target (or a
 * target could not be read, which is reported as such). A gate that looked at nothing must not
 * pass: a snapshot in which every target is `skipped` ends with exit 3, not 0.
 */
export function nothingCheckedReason(
  targets: readonly TargetSummary[],
  results: readonly Result[],
): string | undefined {
  if (targets.some((t) => t.status === "error")) return undefined;
  if (results.some((r) => r.status !== "skipped")) return undefined;
  if (targets.length === 0) return "nothing was checked: there were no targets";
  const skipped = targets.filter((t) => t.status === "skipped").length;
  if (skipped === targets.length) {
    return `nothing was checked: ${skipped === 1 ? "the only target was" : `all ${skipped} targets were`} skipped`;
  }
  return "nothing was checked: no rule applied to any target";
}

/**
 * The exit code is a function of the targets and results alone: 3 when a target could not be
 * read (even with `--fail-on none`, which silences rule failures only) or when no rule was
 * evaluated on any target, else 1 for a failure at or above the threshold, else 0. (2 is for
 * runs that never got as far as results.)
 */
export function exitCodeFor(
  targets: readonly TargetSummary[],
  results: readonly Result[],
  failOn: FailOn,
): number {
  if (targets.some((t) => t.status === "error") || results.some((r) => r.status === "error")) {
    return ExitCode.unreadableTarget;
  }
  if (nothingCheckedReason(targets, results) !== undefined) return ExitCode.unreadableTarget;
  if (results.some((r) => r.status === "fail" && atOrAbove(r.severity, failOn))) return ExitCode.failures;
  return ExitCode.ok;
}
