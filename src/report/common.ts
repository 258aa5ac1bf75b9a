/**
 * Small facts about a report that several formats state the same way: how a target is named,
 * which failures count against `--fail-on`, what order puts the most important result first.
 */

import { atOrAbove, compareSeverity } from "../engine/exit-code.js";
import type { Report, Result, ResultStatus, TargetSummary } from "../types.js";

/** Project page, the `informationUri` of SARIF and the link in summaries. */
export const TOOL_URL = "https://www.npmjs.com/package/ses-guard";

const STATUS_RANK: Record<ResultStatus, number> = { error: 0, fail: 1, waived: 2, pass: 3, skipped: 4 };

/** The account part of a target's name: the id, or a marker when the account is unknown. */
export function accountLabel(accountId: string | null): string {
  return accountId ?? "account unknown";
}

/** `us-east-1 123456789012`: one target, as every format names it. */
export function targetLabel(target: { region: string; accountId: string | null }): string {
  return `${target.region} ${accountLabel(target.accountId)}`;
}

/** One key per target (Region and account), for grouping results and finding a target twice. */
export function targetKey(target: { region: string; accountId: string | null }): string {
  return `${target.region}\u0000${target.accountId ?? ""}`;
}

/** Adds `value` to the list under `key`, making the list on first use. */
export function appendTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

/** The failed results grouped by rule id, rules in the order their first failure comes. */
export function failedByRule(results: readonly Result[]): Map<string, Result[]> {
  const failed = new Map<string, Result[]>();
  for (const result of results) if (result.status === "fail") appendTo(failed, result.ruleId, result);
  return failed;
}

/** `1 target`, `2 targets`: a count with its noun, as every format words counts. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Failed results at or above the `--fail-on` threshold (the Action's `failures` output). */
export function blockingFailures(report: Report): number {
  return report.results.filter((r) => r.status === "fail" && atOrAbove(r.severity, report.failOn)).length;
}

/** Orders results most important first: errors, failures, waived, passes, skipped; then by severity. */
export function compareResults(a: Result, b: Result): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || compareSeverity(a.severity, b.severity);
}

/** Results grouped by target, in the order of `report.targets`; each group keeps report order. */
export function resultsByTarget(report: Report): Array<{ target: TargetSummary; results: Result[] }> {
  const groups = report.targets.map((target) => ({ target, results: [] as Result[] }));
  const byKey = new Map(groups.map((group) => [targetKey(group.target), group]));
  for (const result of report.results) {
    let group = byKey.get(targetKey(result));
    if (!group) {
      // A result whose target is missing from `targets` is still reported, never dropped.
      group = { target: { region: result.region, accountId: result.accountId, status: "ok" }, results: [] };
      groups.push(group);
      byKey.set(targetKey(result), group);
    }
    group.results.push(result);
  }
  return groups;
}

/** The one-line count summary shared by the text-like formats. */
export function countsLine(report: Report): string {
  const s = report.summary;
  return `${s.fail} failed, ${s.error} error${s.error === 1 ? "" : "s"}, ${s.pass} passed, ${s.waived} waived, ${s.skipped} skipped`;
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`), negative when `to` is earlier; undefined if unparsable. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / 86_400_000);
}
