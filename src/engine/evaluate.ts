import type {
  FailOn,
  Policy,
  Report,
  Result,
  Rule,
  Summary,
  TargetData,
  TargetSummary,
  Waiver,
} from "../types.js";
import { describeOutcome, evaluateCheck, type LeafOutcome } from "./evaluate-check.js";
import { exitCodeFor } from "./exit-code.js";
import { type EvaluationTarget, UNKNOWN_REGION } from "./facts.js";
import { formatValue } from "./format-value.js";
import { matchesAnyGlob } from "./glob.js";
import { renderTemplate } from "./message-template.js";
import { findWaiver } from "./waivers.js";
import { decideWhen, evaluationTarget, skippedByWhen, whenUnknownNote } from "./when.js";

/** What evaluation needs from outside: passed in, so the engine stays pure. */
export interface EvaluateOptions {
  /** Today in UTC, `YYYY-MM-DD`, for waiver expiry. */
  today: string;
  failOn: FailOn;
  toolVersion: string;
}

/** Evaluates every enabled rule on every target and assembles the report. */
export function evaluatePolicy(
  policy: Policy,
  targets: readonly TargetData[],
  options: EvaluateOptions,
): Report {
  const results: Result[] = [];
  for (const target of targets) {
    for (const rule of policy.rules) {
      results.push(evaluateRule(rule, target, policy.waivers, options.today));
    }
  }
  const summaries = targets.map(summarizeTarget);
  return {
    version: 1,
    tool: { name: "ses-guard", version: options.toolVersion },
    summary: summarize(summaries, results, options.failOn),
    failOn: options.failOn,
    targets: summaries,
    results,
  };
}

function summarizeTarget(target: TargetData): TargetSummary {
  const summary: TargetSummary = {
    region: target.region,
    accountId: target.accountId,
    status: target.status,
  };
  if (target.accountId === null && target.accountIdUnknownReason)
    summary.accountIdUnknownReason = target.accountIdUnknownReason;
  if (target.error) summary.error = target.error;
  if (target.notice) summary.notice = target.notice;
  if (target.accountName !== undefined) summary.accountName = target.accountName;
  if (target.accountTags !== undefined) summary.accountTags = target.accountTags;
  return summary;
}

/** The counts by status and the exit code of a report's results (a merge recounts them too). */
export function summarize(targets: TargetSummary[], results: Result[], failOn: FailOn): Summary {
  const counts = { pass: 0, fail: 0, error: 0, waived: 0, skipped: 0 };
  for (const result of results) counts[result.status] += 1;
  return { ...counts, exitCode: exitCodeFor(targets, results, failOn) };
}

/** Evaluates one rule on one target, applying the region filter, overrides and waivers. */
export function evaluateRule(
  rule: Rule,
  target: TargetData,
  waivers: readonly Waiver[],
  today: string,
): Result {
  // `result` is filled in place rather than spread into copies: object spread is slow on Node 20
  // and this runs for every rule on every target. Members are added in the order the JSON report
  // has always shown them.
  const result = baseResult(rule, target);
  if (!rule.enabled) return settle(result, "skipped", "disabled by an override");
  if (target.status === "error") {
    const cause = target.error?.message ?? "the account data could not be read";
    return settle(result, "error", `not evaluated: ${target.region} could not be read: ${cause}`);
  }
  if (target.status === "skipped" || !target.account) {
    return settle(result, "skipped", `not evaluated: ${target.notice ?? "target skipped"}`);
  }
  const regionKnown = target.region !== UNKNOWN_REGION;
  if (rule.regions) {
    if (!regionKnown) result.regionUnknown = true;
    // An unknown region is checked anyway: a gate checks more rather than less.
    else if (!matchesAnyGlob(rule.regions, target.region)) {
      return settle(result, "skipped", `applies only to regions ${rule.regions.join(", ")}`);
    }
  }

  const data: EvaluationTarget = evaluationTarget(target, target.account);
  const condition = rule.when ? decideWhen(rule.when, data) : undefined;
  if (condition?.truth === "false") return settle(result, "skipped", skippedByWhen(condition));
  if (condition?.truth === "unknown") result.whenUnknown = true;
  const outcome = evaluateCheck(rule.check, data);
  const decisive = outcome.reasons[0] ?? outcome.evidence[0];
  if (decisive) {
    result.path = decisive.path;
    result.expected = decisive.expected;
    if (decisive.actual !== undefined) result.actual = decisive.actual;
  }
  settle(result, "pass", describeOutcome(outcome));
  const whenNote = condition?.truth === "unknown" ? whenUnknownNote(condition) : "";
  if (outcome.truth === "true") {
    result.message += whenNote;
    return result;
  }

  result.status = "fail";
  // A template is written for a value that was read and is wrong ("{actual}% of the quota is used").
  // When the value is missing or of the wrong type, the generated message says so; a template
  // would report "not set%" or a misread value as if it were the finding.
  if (rule.message && outcome.truth === "false") {
    result.message = renderTemplate(rule.message, templateValues(rule, target, decisive));
  }
  if (result.regionUnknown)
    result.message += " (the target's region is unknown, so the region filter was not applied)";
  result.message += whenNote;

  const match = findWaiver(waivers, rule.id, data, today);
  if (match) {
    const { waiver, expired } = match;
    result.waiver = {
      reason: waiver.reason,
      expires: waiver.expires,
      expired,
      file: waiver.source.file,
      line: waiver.source.line,
    };
    if (expired) {
      result.message += ` (a waiver expired on ${waiver.expires}: ${waiver.reason})`;
    } else {
      result.status = "waived";
      result.message += ` (waived until ${waiver.expires}: ${waiver.reason})`;
    }
  }
  return result;
}

function baseResult(rule: Rule, target: TargetData): Result {
  const policy: Result["policy"] = {
    file: rule.source.file,
    line: rule.source.line,
    column: rule.source.column,
  };
  if (rule.via) policy.via = { file: rule.via.file, line: rule.via.line, column: rule.via.column };
  const result: Result = {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    status: "skipped",
    region: target.region,
    accountId: target.accountId,
    message: "",
    policy,
  };
  if (rule.remediation) result.remediation = rule.remediation;
  if (rule.docs) result.docs = rule.docs;
  return result;
}

function settle(result: Result, status: Result["status"], message: string): Result {
  result.status = status;
  result.message = message;
  return result;
}

function templateValues(rule: Rule, target: TargetData, leaf: LeafOutcome | undefined) {
  return {
    path: leaf?.path ?? "",
    actual: formatValue(leaf?.actual),
    expected: leaf ? formatValue(leaf.expected) : "",
    region: target.region,
    accountId: target.accountId ?? "unknown",
    ruleId: rule.id,
    title: rule.title,
  };
}
