/**
 * The verdict of a run in words, shared by the formats that state it: a run that passed with
 * failures below `--fail-on` says so plainly ("passed (fail-on error): 2 warnings below the
 * threshold"), never "passed: 2 failed", and a run that checked nothing says that.
 */

import { nothingCheckedReason } from "../engine/exit-code.js";
import type { Report, Severity } from "../types.js";
import { countsLine, plural } from "./common.js";

const SEVERITIES: readonly Severity[] = ["error", "warning", "notice"];

/**
 * For a run that passed although some rules failed, the failures counted by severity ("1 error
 * and 2 warnings"); undefined for any other run. Only failures below `--fail-on` (or any, with
 * `--fail-on none`) can be left in a run that passed.
 */
export function failuresBelowThreshold(report: Report): string | undefined {
  if (report.summary.exitCode !== 0) return undefined;
  const failed = report.results.filter((r) => r.status === "fail");
  if (failed.length === 0) return undefined;
  const counts = SEVERITIES.map((severity) => {
    const count = failed.filter((r) => r.severity === severity).length;
    return count === 0 ? undefined : plural(count, severity);
  }).filter((part): part is string => part !== undefined);
  return joinAnd(counts);
}

/**
 * `passed (fail-on error): 2 warnings below the threshold` (or, with `--fail-on none`, `passed
 * (fail-on none): 4 failed rules do not fail the run`) for a run that passed with failures;
 * undefined for any other run.
 */
export function passedWithFailures(report: Report): string | undefined {
  const counts = failuresBelowThreshold(report);
  if (counts === undefined) return undefined;
  if (report.failOn !== "none") return `passed (fail-on ${report.failOn}): ${counts} below the threshold`;
  const failed = report.summary.fail;
  return `passed (fail-on none): ${failed} failed ${failed === 1 ? "rule does" : "rules do"} not fail the run`;
}

/** Why the run checked nothing (exit 3 with no unreadable target), or undefined. */
export function nothingChecked(report: Report): string | undefined {
  return nothingCheckedReason(report.targets, report.results);
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/**
 * The one plain line of counts the `github` format and the Action end with:
 * `ses-guard passed: 6 failed, ...` in general, but `ses-guard passed (fail-on error): 2 warnings
 * below the threshold; 2 failed, ...` when failures were left below the threshold, and
 * `ses-guard failed: nothing was checked: ...; ...` when no rule was evaluated. `exitCode` is the
 * one the run ends with (the Action's can differ from the report's when a file could not be written).
 */
export function verdictCountsLine(report: Report, exitCode = report.summary.exitCode): string {
  const counts = `${countsLine(report)} (exit code ${exitCode})`;
  const sameCode = exitCode === report.summary.exitCode;
  const below = sameCode ? passedWithFailures(report) : undefined;
  if (below !== undefined) return `ses-guard ${below}; ${counts}`;
  const unchecked = sameCode ? nothingChecked(report) : undefined;
  if (unchecked !== undefined) return `ses-guard failed: ${unchecked}; ${counts}`;
  return `ses-guard ${exitCode === 0 ? "passed" : "failed"}: ${counts}`;
}
