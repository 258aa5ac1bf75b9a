/**
 * The sections of the job summary, each a pure function of the report: the verdict, the policy in
 * force, one row per account, unreadable targets, a collapsible section per target with problems,
 * how to fix each failed rule, and the waivers in force. Every AWS or policy string is escaped.
 */

import { atOrAbove } from "../engine/exit-code.js";
import { clip } from "../engine/format-value.js";
import type { Report, Result, ResultStatus, TargetSummary } from "../types.js";
import {
  accountLabel,
  blockingFailures,
  compareResults,
  daysBetween,
  failedByRule,
  plural,
  targetLabel,
} from "./common.js";
import { escapeHtml, escapeMarkdown, safeLinkUrl } from "./escape.js";
import { policyLine } from "./policy-identity.js";
import { nothingChecked, passedWithFailures } from "./verdict.js";

// Longer cell values are cut: a single huge value must not push every other target out.
const MAX_CELL_CHARS = 500;
const MAX_CODE_CHARS = 4000;
/** How many targets a line names before it says "and N more". */
export const MAX_TARGET_NAMES = 20;

const STATUS_CELL: Record<ResultStatus, string> = {
  error: "⛔ error",
  fail: "❌ fail",
  waived: "🔕 waived",
  pass: "✅ pass",
  skipped: "⏭️ skipped",
};

const ICON_RANK = ["⛔", "❌", "⚠️", "✅", "⏭️"];

/** Escaped, clipped text for a table cell or a line. */
export function md(text: string, max = MAX_CELL_CHARS): string {
  return escapeMarkdown(clip(text, max));
}

function pre(text: string): string {
  return `<pre><code>${escapeHtml(clip(text, MAX_CODE_CHARS)).replace(/\r\n?/g, "\n")}</code></pre>`;
}

function namesLine(names: readonly string[], total: number): string {
  const more = total > names.length ? `, and ${total - names.length} more` : "";
  return `${names.join(", ")}${more}`;
}

/** The verdict heading and the counts, always first. */
export function heading(report: Report): string {
  const blocking = blockingFailures(report);
  const unreadable = report.targets.filter((t) => t.status === "error").length;
  const code = report.summary.exitCode;
  const lines: string[] = [];
  const below = passedWithFailures(report);
  const unchecked = nothingChecked(report);
  if (code === 0) lines.push(`## ✅ ses-guard ${below ?? "passed"}`);
  else if (unchecked) lines.push(`## ⛔ ses-guard failed: ${unchecked}`);
  else if (unreadable > 0)
    lines.push(`## ⛔ ses-guard failed: ${plural(unreadable, "target")} could not be read`);
  else lines.push("## ❌ ses-guard failed");
  lines.push("");
  const verdict =
    report.failOn === "none"
      ? "Rule failures do not fail this run (fail-on none)."
      : blocking === 0
        ? `No failed rule at or above ${report.failOn}.`
        : `**${plural(blocking, "failed rule")} at or above ${report.failOn}.**`;
  const s = report.summary;
  lines.push(
    `${verdict} ${s.fail} failed · ${s.error} ${s.error === 1 ? "error" : "errors"} · ${s.pass} passed · ` +
      `${s.waived} waived · ${s.skipped} skipped on ${plural(report.targets.length, "target")} ` +
      `(fail-on ${report.failOn}, exit code ${code}).`,
  );
  return lines.join("\n");
}

/** `Policy: …` naming the files and packs in force, when the report records them. */
export function policySection(report: Report): string | undefined {
  const line = policyLine(report.policies);
  if (!line) return undefined;
  const digest = report.policyDigest ? ` (digest \`${md(report.policyDigest.slice(0, 19))}…\`)` : "";
  return `Policy: ${md(line)}${digest}`;
}

/** The icon of a target: unreadable, failing, warning only, passing, skipped. */
export function targetIcon(target: TargetSummary, results: readonly Result[], report: Report): string {
  if (target.status === "error") return "⛔";
  if (target.status === "skipped") return "⏭️";
  if (results.some((r) => r.status === "error")) return "⛔";
  if (results.some((r) => r.status === "fail" && atOrAbove(r.severity, report.failOn))) return "❌";
  if (results.some((r) => r.status === "fail")) return "⚠️";
  return "✅";
}

/** Orders icons most important first. */
export function iconRank(icon: string): number {
  return ICON_RANK.indexOf(icon);
}

/** One account's roll-up: its Regions and what failed there. */
export interface AccountRow {
  accountId: string | null;
  icon: string;
  regions: number;
  unreadable: number;
  skipped: number;
  failures: number;
  errors: number;
}

/** The header of the accounts table. */
export const ACCOUNTS_HEADER =
  "### Accounts\n\n| Account | Regions | Failures | Errors |\n| --- | --- | --- | --- |";

/** One table row for an account. */
export function accountRow(row: AccountRow): string {
  const notes: string[] = [];
  if (row.unreadable > 0) notes.push(`${row.unreadable} not read`);
  if (row.skipped > 0) notes.push(`${row.skipped} skipped`);
  const regions = `${row.regions}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`;
  const account = md(accountLabel(row.accountId));
  return `| ${row.icon} ${account} | ${regions} | ${row.failures} | ${row.errors} |`;
}

/** Explains an unreadable target: its cause, the hint, and the rules not evaluated. */
export function unreadableSection(target: TargetSummary, results: readonly Result[]): string {
  const lines = [`### ⛔ ${md(targetLabel(target))} could not be read`, "", ...accountUnknownLine(target)];
  const error = target.error;
  lines.push(error ? `**${md(error.code)}**: ${md(error.message)}` : "The account data could not be read.");
  if (error?.hint) lines.push("", `Hint: ${md(error.hint)}`);
  if (results.length > 0) {
    const ids = results.slice(0, MAX_TARGET_NAMES).map((r) => md(r.ruleId));
    lines.push(
      "",
      `${plural(results.length, "rule was", "rules were")} not evaluated: ${namesLine(ids, results.length)}.`,
    );
  }
  return lines.join("\n");
}

/** A target's results in a collapsible section, failures first. */
/** Says why the account is unknown, when ses-guard asked STS and could not tell. */
function accountUnknownLine(target: TargetSummary): string[] {
  return target.accountIdUnknownReason ? [`Account unknown: ${md(target.accountIdUnknownReason)}.`, ""] : [];
}

export function targetSection(target: TargetSummary, results: readonly Result[], icon: string): string {
  const failed = results.filter((r) => r.status === "fail").length;
  const summary = `${icon} ${md(targetLabel(target))}${failed > 0 ? `: ${plural(failed, "failed rule")}` : ""}`;
  const lines = ["<details>", `<summary>${summary}</summary>`, "", ...accountUnknownLine(target)];
  if (target.status === "skipped") {
    lines.push(`Skipped${target.notice ? `: ${md(target.notice)}` : "."}`);
  } else if (results.length === 0) {
    lines.push("No rules were evaluated.");
  } else {
    lines.push("| Status | Severity | Rule | Message |", "| --- | --- | --- | --- |");
    // The sort is stable, so results of equal rank keep report order.
    for (const r of [...results].sort(compareResults)) {
      lines.push(
        `| ${STATUS_CELL[r.status]} | ${r.severity} | **${md(r.ruleId)}**<br>${md(r.title)} | ${md(r.message)} |`,
      );
    }
  }
  lines.push("", "</details>");
  return lines.join("\n");
}

/** How to fix each failed rule, most serious first: one block per rule. */
export function fixBlocks(report: Report): string[] {
  const ordered = [...failedByRule(report.results).values()].sort((a, b) =>
    compareResults(a[0] as Result, b[0] as Result),
  );
  return ordered.map((results) => {
    const first = results[0] as Result;
    const lines = [`#### ${md(first.ruleId)}: ${md(first.title)}`, ""];
    const names = results.slice(0, MAX_TARGET_NAMES).map((r) => md(targetLabel(r)));
    lines.push(`Severity ${first.severity}; failed on ${namesLine(names, results.length)}.`);
    if (first.remediation) lines.push("", pre(first.remediation));
    const docs = safeLinkUrl(first.docs);
    if (docs) lines.push("", `[Documentation](${docs})`);
    else if (first.docs) lines.push("", `Documentation: ${md(first.docs)}`);
    return lines.join("\n");
  });
}

/** The header of the waivers table. */
export const WAIVERS_HEADER =
  "### Waivers\n\n| Rule | Target | Reason | Expires |\n| --- | --- | --- | --- |";

/** One row per waiver that matched a result, with its expiry. */
export function waiverRows(report: Report, today: string): string[] {
  const rows: string[] = [];
  for (const result of report.results) {
    const waiver = result.waiver;
    if (!waiver) continue;
    const days = daysBetween(today, waiver.expires);
    const expiry = waiver.expired
      ? `⚠️ **expired** ${md(waiver.expires)}: the rule is enforced again`
      : days === undefined
        ? md(waiver.expires)
        : `${md(waiver.expires)} (${days === 0 ? "last day" : `in ${plural(days, "day")}`})`;
    rows.push(`| **${md(result.ruleId)}** | ${md(targetLabel(result))} | ${md(waiver.reason)} | ${expiry} |`);
  }
  return rows;
}
