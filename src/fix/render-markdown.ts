/**
 * The markdown rendering of a fix plan, for the GitHub job summary: what `ses-guard fix --apply`
 * would change, so a pull request shows it before anyone applies it. Strings from AWS and policies
 * are escaped; code blocks are fenced with more backticks than they contain.
 */
import { clip, formatValue } from "../engine/format-value.js";
import { targetLabel } from "../report/common.js";
import { escapeMarkdown, neutralizeControls } from "../report/escape.js";
import type { FixDocument } from "./fix-document.js";
import type { TargetPlan } from "./plan-types.js";

const MAX_CODE_CHARS = 4000;

/** Renders a fix document as a job-summary section. */
export function renderFixMarkdown(document: FixDocument): string {
  const { summary } = document;
  const out: string[] = [
    "## ses-guard fix plan",
    "",
    summary.calls === 0
      ? "Nothing to change."
      : `${summary.calls} SES v2 ${summary.calls === 1 ? "call" : "calls"} would make failed rules pass; nothing was changed.`,
    "",
  ];
  for (const target of document.targets) out.push(...renderTarget(target));
  if (document.iamActions.length > 0) {
    out.push(`IAM actions needed to apply: ${document.iamActions.map((a) => `\`${a}\``).join(", ")}`, "");
  }
  return `${out.join("\n")}\n`;
}

function renderTarget(target: TargetPlan): string[] {
  const out = [`### ${escapeMarkdown(targetLabel(target))}`, ""];
  if (target.status === "not-read") {
    return [
      ...out,
      `Not read (${escapeMarkdown(target.error?.message ?? "unknown error")}): nothing planned.`,
      "",
    ];
  }
  if (target.calls.length > 0) {
    out.push("| call | fixes | changes |", "| --- | --- | --- |");
    for (const call of target.calls) {
      const changes = call.changes
        .map(
          (c) =>
            `${c.path}: ${c.from === undefined ? "not set" : formatValue(c.from)} → ${formatValue(c.to)}`,
        )
        .join("; ");
      out.push(
        `| ${call.operation} | ${escapeMarkdown(call.fixes.join(", "))} | ${escapeMarkdown(clip(changes, 500))} |`,
      );
    }
    out.push("", fence(target.calls.map((c) => c.command).join("\n")), "");
  }
  for (const step of target.manual) {
    out.push(`- manual: **${escapeMarkdown(step.ruleId)}**: ${escapeMarkdown(step.reason)}`);
  }
  for (const conflict of target.conflicts) {
    const rules = conflict.rules.map((r) => escapeMarkdown(r.ruleId)).join(", ");
    out.push(`- conflict on \`${escapeMarkdown(conflict.path)}\` between ${rules}: not changed`);
  }
  if (target.calls.length === 0 && target.manual.length === 0 && target.conflicts.length === 0) {
    out.push("Nothing to change.");
  }
  out.push("");
  return out;
}

function fence(code: string): string {
  const text = neutralizeControls(clip(code, MAX_CODE_CHARS));
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}sh\n${text}\n${ticks}`;
}
