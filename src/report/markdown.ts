/**
 * The `markdown` format: the GitHub job summary. A verdict heading with counts, unreadable
 * targets with their cause and hint, a table per target, how to fix each failed rule, and the
 * waivers in force with their expiry. Every string from AWS or a policy is escaped, and the
 * whole stays under GitHub's 1 MiB summary cap: sections are dropped by priority (details of
 * healthy targets first) and a closing line says what was left out and where to read it.
 */

import { atOrAbove } from "../engine/exit-code.js";
import { clip } from "../engine/format-value.js";
import type { FormatContext, Formatter, Report, Result, ResultStatus, TargetSummary } from "../types.js";
import { blockingFailures, compareResults, daysBetween, resultsByTarget, targetLabel } from "./common.js";
import { escapeHtml, escapeMarkdown, safeLinkUrl } from "./escape.js";
import { nothingChecked, passedWithFailures } from "./verdict.js";

/** GitHub rejects a job summary above 1 MiB (per step). */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Options of the `markdown` format. */
export interface MarkdownFormatOptions {
  /** The size cap in UTF-8 bytes; defaults to a margin under {@link SUMMARY_LIMIT_BYTES}. */
  maxBytes?: number;
  /** Where the complete report can be read, named when the summary is truncated. */
  fullReport?: string;
}

const DEFAULT_MAX_BYTES = SUMMARY_LIMIT_BYTES - 16 * 1024;
const DEFAULT_FULL_REPORT =
  "the complete report (ses-guard check --format json, or the Action's report-file output)";
// Longer cell values are cut: a single huge value must not push every other target out.
const MAX_CELL_CHARS = 500;
const MAX_CODE_CHARS = 4000;
const MAX_TARGET_NAMES = 20;

const STATUS_CELL: Record<ResultStatus, string> = {
  error: "⛔ error",
  fail: "❌ fail",
  waived: "🔕 waived",
  pass: "✅ pass",
  skipped: "⏭️ skipped",
};

type Kind = "target" | "waiver";

/** A piece of the summary; lower priority numbers are kept first when the cap is reached. */
interface Block {
  text: string;
  priority: number;
  kind?: Kind;
}

function md(text: string, max = MAX_CELL_CHARS): string {
  return escapeMarkdown(clip(text, max));
}

function pre(text: string): string {
  return `<pre><code>${escapeHtml(clip(text, MAX_CODE_CHARS)).replace(/\r\n?/g, "\n")}</code></pre>`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function heading(report: Report): string {
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

function targetIcon(target: TargetSummary, results: readonly Result[], report: Report): string {
  if (target.status === "error") return "⛔";
  if (target.status === "skipped") return "⏭️";
  if (results.some((r) => r.status === "error")) return "⛔";
  if (results.some((r) => r.status === "fail" && atOrAbove(r.severity, report.failOn))) return "❌";
  if (results.some((r) => r.status === "fail")) return "⚠️";
  return "✅";
}

function targetRank(icon: string): number {
  return ["⛔", "❌", "⚠️", "✅", "⏭️"].indexOf(icon);
}

function unreadableSection(target: TargetSummary, results: readonly Result[]): string {
  const lines = [`### ⛔ ${md(targetLabel(target))} could not be read`, "", ...accountUnknownLine(target)];
  const error = target.error;
  lines.push(error ? `**${md(error.code)}**: ${md(error.message)}` : "The account data could not be read.");
  if (error?.hint) lines.push("", `Hint: ${md(error.hint)}`);
  if (results.length > 0) {
    const ids = results.slice(0, MAX_TARGET_NAMES).map((r) => md(r.ruleId));
    const more = results.length > MAX_TARGET_NAMES ? `, and ${results.length - MAX_TARGET_NAMES} more` : "";
    lines.push(
      "",
      `${plural(results.length, "rule was", "rules were")} not evaluated: ${ids.join(", ")}${more}.`,
    );
  }
  return lines.join("\n");
}

/** Says why the account is unknown, when ses-guard asked STS and could not tell. */
function accountUnknownLine(target: TargetSummary): string[] {
  return target.accountIdUnknownReason ? [`Account unknown: ${md(target.accountIdUnknownReason)}.`, ""] : [];
}

function targetSection(target: TargetSummary, results: readonly Result[], icon: string): string {
  const lines = [`### ${icon} ${md(targetLabel(target))}`, "", ...accountUnknownLine(target)];
  if (target.status === "skipped") {
    lines.push(`Skipped${target.notice ? `: ${md(target.notice)}` : "."}`);
    return lines.join("\n");
  }
  if (results.length === 0) {
    lines.push("No rules were evaluated.");
    return lines.join("\n");
  }
  lines.push("| Status | Severity | Rule | Message |", "| --- | --- | --- | --- |");
  // The sort is stable, so results of equal rank keep report order.
  for (const r of [...results].sort(compareResults)) {
    lines.push(
      `| ${STATUS_CELL[r.status]} | ${r.severity} | **${md(r.ruleId)}**<br>${md(r.title)} | ${md(r.message)} |`,
    );
  }
  return lines.join("\n");
}

function fixSection(report: Report): string | undefined {
  const failed = new Map<string, Result[]>();
  for (const result of report.results) {
    if (result.status !== "fail") continue;
    const list = failed.get(result.ruleId) ?? [];
    list.push(result);
    failed.set(result.ruleId, list);
  }
  if (failed.size === 0) return undefined;
  const ordered = [...failed.values()].sort((a, b) => compareResults(a[0] as Result, b[0] as Result));
  const lines = ["### How to fix"];
  for (const results of ordered) {
    const first = results[0] as Result;
    lines.push("", `#### ${md(first.ruleId)}: ${md(first.title)}`, "");
    const names = results.slice(0, MAX_TARGET_NAMES).map((r) => md(targetLabel(r)));
    const more = results.length > MAX_TARGET_NAMES ? `, and ${results.length - MAX_TARGET_NAMES} more` : "";
    lines.push(`Severity ${first.severity}; failed on ${names.join(", ")}${more}.`);
    if (first.remediation) lines.push("", pre(first.remediation));
    const docs = safeLinkUrl(first.docs);
    if (docs) lines.push("", `[Documentation](${docs})`);
    else if (first.docs) lines.push("", `Documentation: ${md(first.docs)}`);
  }
  return lines.join("\n");
}

function waiverRows(report: Report, today: string): string[] {
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

function closingLine(
  omitted: Record<Kind, number>,
  totals: Record<Kind, number>,
  fullReport: string,
  maxBytes: number,
): string {
  const parts: string[] = [];
  if (omitted.target > 0) parts.push(`${omitted.target} of ${totals.target} target sections`);
  if (omitted.waiver > 0) parts.push(`${omitted.waiver} of ${totals.waiver} waivers`);
  const limit =
    maxBytes >= DEFAULT_MAX_BYTES ? "GitHub's 1 MiB job summary limit" : `a limit of ${maxBytes} bytes`;
  return (
    `**This summary was cut to stay under ${limit}:** ${parts.join(" and ")} ` +
    `are not shown. Every result is in ${escapeMarkdown(fullReport)}.`
  );
}

/** Builds the `markdown` formatter with non-default options (size cap, where the full report is). */
export function createMarkdownFormatter(options: MarkdownFormatOptions = {}): Formatter {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fullReport = options.fullReport ?? DEFAULT_FULL_REPORT;
  return (report: Report, context: FormatContext) => {
    const blocks: Block[] = [{ text: heading(report), priority: 0 }];

    const groups = resultsByTarget(report)
      .map((group) => ({ ...group, icon: targetIcon(group.target, group.results, report) }))
      // Stable: targets of equal rank keep report order.
      .sort((a, b) => targetRank(a.icon) - targetRank(b.icon));
    for (const { target, results, icon } of groups) {
      const unreadable = target.status === "error";
      blocks.push({
        text: unreadable ? unreadableSection(target, results) : targetSection(target, results, icon),
        // What the reader came for (unreadable and failing targets) is kept before the rest.
        priority: icon === "⛔" || icon === "❌" ? 2 : icon === "⚠️" ? 3 : 4,
        kind: "target",
      });
    }
    const fixes = fixSection(report);
    // How to fix is bounded by the number of rules, and it is the part people act on.
    if (fixes) blocks.push({ text: fixes, priority: 1 });
    const rows = waiverRows(report, context.today);
    let waiverHeader: Block | undefined;
    if (rows.length > 0) {
      waiverHeader = {
        text: "### Waivers\n\n| Rule | Target | Reason | Expires |\n| --- | --- | --- | --- |",
        priority: 3,
      };
      blocks.push(waiverHeader);
      // Rows are separate blocks so a long list is cut row by row; they join the table header.
      for (const row of rows) blocks.push({ text: row, priority: 3, kind: "waiver" });
    }
    const footer = `<sub>ses-guard ${escapeMarkdown(report.tool.version)}</sub>`;

    const totals: Record<Kind, number> = { target: 0, waiver: 0 };
    for (const block of blocks) if (block.kind) totals[block.kind]++;
    const reserve =
      Buffer.byteLength(closingLine(totals, totals, fullReport, maxBytes), "utf8") +
      Buffer.byteLength(footer, "utf8") +
      16;
    const keep = new Set<Block>();
    let used = 0;
    const stopped = new Set<string>();
    for (const priority of [0, 1, 2, 3, 4]) {
      for (const block of blocks) {
        const lane = `${block.priority}:${block.kind ?? block.text.slice(0, 12)}`;
        if (block.priority !== priority || stopped.has(lane)) continue;
        if (block.kind === "waiver" && (!waiverHeader || !keep.has(waiverHeader))) continue;
        const size = Buffer.byteLength(block.text, "utf8") + 2;
        // The heading always stays. After the first target (or waiver) of a priority that does
        // not fit, the rest of that lane is left out too: what is shown is a prefix in order.
        if (priority > 0 && used + size + reserve > maxBytes) {
          stopped.add(lane);
          continue;
        }
        keep.add(block);
        used += size;
      }
    }

    const omitted: Record<Kind, number> = { target: 0, waiver: 0 };
    for (const block of blocks) if (block.kind && !keep.has(block)) omitted[block.kind]++;
    let out = "";
    let previous: Block | undefined;
    for (const block of blocks) {
      if (!keep.has(block)) continue;
      const joinsTable =
        block.kind === "waiver" && (previous === waiverHeader || previous?.kind === "waiver");
      out += out === "" ? block.text : `${joinsTable ? "\n" : "\n\n"}${block.text}`;
      previous = block;
    }
    if (omitted.target > 0 || omitted.waiver > 0)
      out += `\n\n---\n\n${closingLine(omitted, totals, fullReport, maxBytes)}`;
    return `${out}\n\n${footer}\n`;
  };
}

/** The `markdown` format: the job summary, capped under GitHub's 1 MiB limit. */
export const formatMarkdown: Formatter = createMarkdownFormatter();
