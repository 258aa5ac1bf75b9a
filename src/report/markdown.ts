/**
 * The `markdown` format: the GitHub job summary. The verdict first, the policy in force, one row
 * per account (its Regions, failed rules and errors), unreadable targets with their cause, a
 * collapsible section per target with problems, how to fix each failed rule, and the waivers in
 * force. The whole stays under GitHub's 1 MiB summary cap: blocks are dropped by priority and a
 * closing line says what was left out and where to read it (markdown-budget.ts).
 */

import type { FormatContext, Formatter, Report, Result } from "../types.js";
import { SUMMARY_LIMIT_BYTES } from "./bounded-text.js";
import { resultsByTarget } from "./common.js";
import { escapeMarkdown } from "./escape.js";
import { type Block, fitBlocks } from "./markdown-budget.js";
import {
  ACCOUNTS_HEADER,
  type AccountRow,
  accountRow,
  fixBlocks,
  heading,
  iconRank,
  policySection,
  targetIcon,
  targetSection,
  unreadableSection,
  WAIVERS_HEADER,
  waiverRows,
} from "./markdown-sections.js";

// GitHub's cap on a job summary, defined once beside the code that bounds any summary.
export { SUMMARY_LIMIT_BYTES };

/** Past this many targets, targets without problems get no section of their own (the accounts table counts them). */
export const SECTIONS_FOR_ALL_TARGETS_UP_TO = 20;

/** Options of the `markdown` format. */
export interface MarkdownFormatOptions {
  /** The size cap in UTF-8 bytes; defaults to a margin under {@link SUMMARY_LIMIT_BYTES}. */
  maxBytes?: number;
  /** Where the complete report can be read, named when the summary is truncated. */
  fullReport?: string;
}

/** The markdown format's default cap: a margin under {@link SUMMARY_LIMIT_BYTES}. */
export const DEFAULT_SUMMARY_BYTES = SUMMARY_LIMIT_BYTES - 16 * 1024;
const DEFAULT_FULL_REPORT =
  "the complete report (ses-guard check --format json, or the Action's report-file output)";

type Group = { target: Report["targets"][number]; results: Result[]; icon: string };

/** One row per account, in the order of their most important target, then report order. */
function accountRows(groups: readonly Group[]): AccountRow[] {
  const rows = new Map<string | null, AccountRow & { rank: number; order: number }>();
  for (const { target, results, icon } of groups) {
    let row = rows.get(target.accountId);
    if (!row) {
      row = {
        accountId: target.accountId,
        icon,
        regions: 0,
        unreadable: 0,
        skipped: 0,
        failures: 0,
        errors: 0,
        rank: iconRank(icon),
        order: rows.size,
      };
      rows.set(target.accountId, row);
    }
    row.regions++;
    if (target.status === "error") row.unreadable++;
    if (target.status === "skipped") row.skipped++;
    for (const r of results) {
      if (r.status === "fail") row.failures++;
      else if (r.status === "error") row.errors++;
    }
    if (iconRank(icon) < row.rank) {
      row.icon = icon;
      row.rank = iconRank(icon);
    }
  }
  return [...rows.values()].sort((a, b) => a.rank - b.rank || a.order - b.order);
}

/** Builds the `markdown` formatter with non-default options (size cap, where the full report is). */
export function createMarkdownFormatter(options: MarkdownFormatOptions = {}): Formatter {
  const maxBytes = options.maxBytes ?? DEFAULT_SUMMARY_BYTES;
  const fullReport = options.fullReport ?? DEFAULT_FULL_REPORT;
  return (report: Report, context: FormatContext) => {
    const blocks: Block[] = [{ text: heading(report), priority: 0 }];
    const policy = policySection(report);
    if (policy) blocks.push({ text: policy, priority: 0 });

    const groups: Group[] = resultsByTarget(report)
      .map((group) => ({ ...group, icon: targetIcon(group.target, group.results, report) }))
      // Stable: targets of equal rank keep report order.
      .sort((a, b) => iconRank(a.icon) - iconRank(b.icon));

    const rows = accountRows(groups);
    if (rows.length > 0) {
      const header: Block = { text: ACCOUNTS_HEADER, priority: 1 };
      blocks.push(header);
      for (const row of rows)
        blocks.push({ text: accountRow(row), priority: 1, kind: "account rows", under: header, row: true });
    }

    const everyTarget = report.targets.length <= SECTIONS_FOR_ALL_TARGETS_UP_TO;
    for (const { target, results, icon } of groups) {
      if (target.status === "error") {
        blocks.push({ text: unreadableSection(target, results), priority: 2, kind: "target sections" });
      } else if (icon === "⛔" || icon === "❌" || icon === "⚠️" || everyTarget) {
        blocks.push({
          text: targetSection(target, results, icon),
          // What the reader came for (failing targets) is kept before the rest.
          priority: icon === "⛔" || icon === "❌" ? 2 : icon === "⚠️" ? 3 : 4,
          kind: "target sections",
        });
      }
    }

    const fixes = fixBlocks(report);
    if (fixes.length > 0) {
      // How to fix is bounded by the number of rules, and it is the part people act on.
      const header: Block = { text: "### How to fix", priority: 1 };
      blocks.push(header);
      for (const fix of fixes) blocks.push({ text: fix, priority: 1, kind: "fixes", under: header });
    }
    const waivers = waiverRows(report, context.today);
    if (waivers.length > 0) {
      const header: Block = { text: WAIVERS_HEADER, priority: 3 };
      blocks.push(header);
      for (const row of waivers)
        blocks.push({ text: row, priority: 3, kind: "waivers", under: header, row: true });
    }

    return fitBlocks(blocks, {
      maxBytes,
      limitName:
        maxBytes >= DEFAULT_SUMMARY_BYTES
          ? "GitHub's 1 MiB job summary limit"
          : `a limit of ${maxBytes} bytes`,
      fullReport,
      footer: `<sub>ses-guard ${escapeMarkdown(report.tool.version)}</sub>`,
    });
  };
}

/** The `markdown` format: the job summary, capped under GitHub's 1 MiB limit. */
export const formatMarkdown: Formatter = createMarkdownFormatter();
