/**
 * Reading a JSON report for `merge`. A report arrives from another job (an artifact), so it is
 * checked before it is trusted: bad JSON is an error at file:line:col, and a report without the
 * members a merge relies on is refused by name, never half merged.
 */

import { jsonErrorPosition } from "../account/json-error-offset.js";
import { usageError } from "../errors.js";
import { FAIL_ON_VALUES, type Report } from "../types.js";

const TARGET_STATUSES = ["ok", "error", "skipped"];
const RESULT_STATUSES = ["pass", "fail", "error", "waived", "skipped"];
const SEVERITIES = ["error", "warning", "notice"];

/** Parses and checks one JSON report; a problem is a usage error (exit 2) naming the file. */
export function parseReportJson(name: string, text: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError("merge/invalid-json", `not valid JSON: ${(error as Error).message}`, {
      file: name,
      ...jsonErrorPosition(text),
    });
  }
  const problem = reportProblem(value);
  if (problem !== undefined) {
    throw usageError("merge/not-a-report", `not a ses-guard JSON report (--format json): ${problem}`, {
      file: name,
    });
  }
  return value as Report;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isAccountId(value: unknown): boolean {
  return value === null || typeof value === "string";
}

/** What is wrong with a parsed report, or undefined when merge can use it. */
function reportProblem(value: unknown): string | undefined {
  if (!isObject(value)) return "the top level is not an object";
  if (value.version !== 1) return `version is ${JSON.stringify(value.version)}, not 1`;
  if (!isObject(value.tool) || value.tool.name !== "ses-guard") return 'tool.name is not "ses-guard"';
  if (!(FAIL_ON_VALUES as readonly unknown[]).includes(value.failOn)) return "failOn is missing or invalid";
  if (value.policyDigest !== undefined && typeof value.policyDigest !== "string")
    return "policyDigest is not a string";
  if (value.shard !== undefined) {
    const shard = value.shard;
    if (
      !isObject(shard) ||
      !Number.isInteger(shard.index) ||
      !Number.isInteger(shard.count) ||
      (shard.index as number) < 1 ||
      (shard.index as number) > (shard.count as number)
    )
      return "shard is not { index, count } with 1 ≤ index ≤ count";
  }
  if (!Array.isArray(value.targets)) return "targets is not an array";
  for (const [i, target] of value.targets.entries()) {
    if (
      !isObject(target) ||
      typeof target.region !== "string" ||
      !isAccountId(target.accountId) ||
      !TARGET_STATUSES.includes(target.status as string)
    )
      return `targets[${i}] is not a target (region, accountId, status)`;
  }
  if (!Array.isArray(value.results)) return "results is not an array";
  for (const [i, result] of value.results.entries()) {
    if (
      !isObject(result) ||
      typeof result.ruleId !== "string" ||
      typeof result.title !== "string" ||
      typeof result.message !== "string" ||
      typeof result.region !== "string" ||
      !isAccountId(result.accountId) ||
      !RESULT_STATUSES.includes(result.status as string) ||
      !SEVERITIES.includes(result.severity as string) ||
      !isObject(result.policy) ||
      typeof result.policy.file !== "string" ||
      typeof result.policy.line !== "number"
    )
      return `results[${i}] is not a result (ruleId, title, severity, status, region, accountId, message, policy)`;
  }
  return undefined;
}
