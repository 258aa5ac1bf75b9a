import type { FormatContext, Report, Result, ResultStatus, Severity, TargetSummary } from "../types.js";
import { failedByRule, plural, resultsByTarget } from "./common.js";
import { policyLine } from "./policy-identity.js";
import { terminalSafe } from "./terminal-text.js";
import { failuresBelowThreshold, nothingChecked } from "./verdict.js";

type Paint = (text: string) => string;

const codes = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const;

function palette(color: boolean): Record<keyof typeof codes, Paint> {
  const make = (code: number): Paint =>
    color ? (text) => `\u001b[${code}m${text}\u001b[0m` : (text) => text;
  return Object.fromEntries(Object.entries(codes).map(([name, code]) => [name, make(code)])) as Record<
    keyof typeof codes,
    Paint
  >;
}

const statusLabel: Record<ResultStatus, string> = {
  pass: "PASS",
  fail: "FAIL",
  error: "ERROR",
  waived: "WAIVED",
  skipped: "SKIP",
};

/** Past this many targets, a target whose rules all pass takes one line. */
export const COMPACT_AFTER_TARGETS = 20;

/**
 * The terminal report: results grouped by target, one line per rule (status, severity, id,
 * message), the fix and docs under each failure, the policy in force and a summary line that
 * states the exit code. With `quiet`, only failed, errored and waived results are listed; past
 * {@link COMPACT_AFTER_TARGETS} targets (or with `quiet`) a target with nothing to act on is one
 * line, the passing rules of the others are counted rather than listed, and each failed rule's fix
 * and docs are said once at the end instead of under every failure, so a fleet's report stays readable (and a few MB rather than tens).
 */
export function formatText(report: Report, context: FormatContext): string {
  const paint = palette(context.color);
  const lines: string[] = [];
  const quiet = context.quiet === true;
  const compact = quiet || report.targets.length > COMPACT_AFTER_TARGETS;
  // A loop, not Math.max(...ids): spreading hundreds of thousands of results overflows the stack.
  let idWidth = 0;
  for (const result of report.results) if (result.ruleId.length > idWidth) idWidth = result.ruleId.length;
  idWidth = Math.min(40, idWidth);

  for (const { target, results } of resultsByTarget(report)) {
    const shown = quiet ? results.filter(needsAttention) : results;
    if (quiet && shown.length === 0 && target.status !== "error") continue;
    const oneLine = compact && isQuietTarget(target, results);
    if (lines.length > 0 && !oneLine) lines.push("");
    if (oneLine) {
      lines.push(`${paint.bold(targetHeading(target))}: ${paint.green(passedLine(results))}`);
      continue;
    }
    lines.push(paint.bold(targetHeading(target)));
    if (target.status === "error" && target.error) {
      lines.push(
        `  ${paint.red("could not be read")}: ${safe(target.error.message)} ${paint.dim(`[${safe(target.error.code)}]`)}`,
      );
      for (const hint of (target.error.hint ?? "").split("\n").filter(Boolean))
        lines.push(`    ${safe(hint)}`);
    } else if (target.notice) {
      lines.push(`  ${paint.dim(safe(target.notice))}`);
    }
    if (compact && target.status === "error" && shown.every((r) => r.status === "error")) {
      // Every rule of an unreadable target says the same; at fleet scale one line says it once.
      if (shown.length > 0) lines.push(`  ${plural(shown.length, "rule")} not evaluated`);
      continue;
    }
    // At fleet scale the fix of a rule is said once, below, not under each of its failures.
    // At fleet scale a target's passing rules are counted on one line, not listed.
    const listed = compact ? shown.filter((r) => r.status !== "pass") : shown;
    for (const result of listed) lines.push(...resultLines(result, idWidth, paint, !compact));
    const passedHere = shown.length - listed.length;
    if (passedHere > 0) lines.push(`  ${paint.green(`${passedHere} passed`)}`);
  }
  if (report.targets.length === 0) lines.push("No targets were checked.");
  if (compact) lines.push(...fixesOnce(report, paint));
  lines.push("");
  const policy = policyLine(report.policies);
  if (policy) lines.push(`Policy: ${safe(policy)}`);
  lines.push(summaryLine(report, paint));
  return `${lines.join("\n")}\n`;
}

function needsAttention(result: Result): boolean {
  return result.status === "fail" || result.status === "error" || result.status === "waived";
}

/** A readable target none of whose results needs attention (they passed or were skipped). */
function isQuietTarget(target: TargetSummary, results: readonly Result[]): boolean {
  return target.status === "ok" && results.length > 0 && !results.some(needsAttention);
}

function passedLine(results: readonly Result[]): string {
  const passed = results.filter((r) => r.status === "pass").length;
  const skipped = results.length - passed;
  return `${passed} passed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

function targetHeading(target: TargetSummary): string {
  const account = target.accountId
    ? `account ${target.accountId}`
    : target.accountIdUnknownReason
      ? `account unknown (${target.accountIdUnknownReason})`
      : "account unknown";
  return `${safe(target.region)} · ${safe(account)}`;
}

/** "How to fix": each failed rule's fix and docs once, with how many targets fail it. */
function fixesOnce(report: Report, paint: Record<keyof typeof codes, Paint>): string[] {
  const failing = failedByRule(report.results);
  if (failing.size === 0) return [];
  const lines = ["", paint.bold("How to fix")];
  for (const [ruleId, results] of failing) {
    const first = results[0] as Result;
    lines.push(`  ${safe(ruleId)} (${plural(results.length, "target")})`);
    if (first.remediation) lines.push(`    ${paint.cyan("fix:")} ${safe(first.remediation)}`);
    if (first.docs) lines.push(`    ${paint.dim(`docs: ${safe(first.docs)}`)}`);
  }
  return lines;
}

function resultLines(
  result: Result,
  idWidth: number,
  paint: Record<keyof typeof codes, Paint>,
  withFix: boolean,
): string[] {
  const colour = statusColour(result.status, result.severity, paint);
  const label = colour(statusLabel[result.status].padEnd(6));
  const severity = paint.dim(result.severity.padEnd(7));
  // The target's heading already shows why it could not be read; each rule line need not repeat it.
  const message = result.status === "error" ? "not evaluated: the target could not be read" : result.message;
  const lines = [`  ${label} ${severity} ${safe(result.ruleId).padEnd(idWidth)}  ${safe(message)}`];
  const indent = " ".repeat(2 + 6 + 1 + 7 + 1);
  if (result.status === "fail" && withFix) {
    if (result.remediation) lines.push(`${indent}${paint.cyan("fix:")} ${safe(result.remediation)}`);
    if (result.docs) lines.push(`${indent}${paint.dim(`docs: ${safe(result.docs)}`)}`);
  }
  if (result.waiver && !result.waiver.expired) {
    lines.push(`${indent}${paint.dim(`waiver: ${safe(result.waiver.file)}:${result.waiver.line}`)}`);
  }
  return lines;
}

function statusColour(
  status: ResultStatus,
  severity: Severity,
  paint: Record<keyof typeof codes, Paint>,
): Paint {
  if (status === "pass") return paint.green;
  if (status === "error") return paint.magenta;
  if (status === "waived") return paint.cyan;
  if (status === "skipped") return paint.dim;
  return severity === "error" ? paint.red : severity === "warning" ? paint.yellow : paint.blue;
}

function summaryLine(report: Report, paint: Record<keyof typeof codes, Paint>): string {
  const { summary } = report;
  const rules = new Set(report.results.map((r) => r.ruleId)).size;
  const targets = report.targets.length;
  const counts = [
    `${summary.pass} passed`,
    `${summary.fail} failed`,
    `${summary.error} errors`,
    `${summary.waived} waived`,
    `${summary.skipped} skipped`,
  ].join(", ");
  const below = failuresBelowThreshold(report);
  const passedWith =
    below === undefined
      ? ""
      : report.failOn === "none"
        ? ` (exit 0: --fail-on none, ${summary.fail} failed ${summary.fail === 1 ? "rule does" : "rules do"} not fail the run)`
        : ` (exit 0: ${below} below --fail-on ${report.failOn})`;
  const unchecked = nothingChecked(report);
  const verdict =
    summary.exitCode === 0
      ? paint.green(`OK${passedWith}`)
      : summary.exitCode === 1
        ? paint.red(`FAILED (exit 1: failures at or above --fail-on ${report.failOn})`)
        : paint.magenta(
            `ERROR (exit ${summary.exitCode}: ${summary.exitCode === 3 ? (unchecked ?? "a target could not be read") : "not checked"})`,
          );
  return `${plural(rules, "rule")} on ${plural(targets, "target")}: ${counts}. ${verdict}`;
}

function safe(text: string): string {
  return terminalSafe(text);
}
