/** The text rendering of a fix document: per target, each call and what it fixes, then the rest. */
import { formatValue } from "../engine/format-value.js";
import { plural, targetLabel } from "../report/common.js";
import { terminalSafe } from "../report/terminal-text.js";
import type { FixDocument } from "./fix-document.js";
import type { PlannedCall, TargetPlan } from "./plan-types.js";

/** Renders the plan (and, after `--apply`, the outcome) for a terminal or a log. */
export function renderFixText(document: FixDocument): string {
  const s = terminalSafe;
  const lines: string[] = [];
  const { summary } = document;
  lines.push(
    `ses-guard fix: ${document.mode === "plan" ? "plan" : "applied plan"} for ${plural(document.targets.length, "target")}: ${plural(summary.calls, "call")}, ${summary.manual} manual, ${plural(summary.conflicts, "conflict")}`,
  );
  for (const target of document.targets) {
    lines.push("", s(targetLabel(target)));
    lines.push(...renderTarget(target).map((line) => `  ${line}`));
  }
  lines.push("");
  if (document.iamActions.length > 0) {
    lines.push(`IAM actions needed to apply: ${document.iamActions.join(", ")}`);
  }
  if (document.mode === "plan") {
    lines.push(
      summary.calls === 0
        ? "Nothing to change."
        : "Nothing was changed. `ses-guard fix --apply` on the live accounts makes these calls.",
    );
  } else {
    if (summary.interrupted) {
      lines.push(
        `Interrupted: ${summary.applied} applied, ${summary.failed} failed, ${summary.notStarted} not started; the targets were not read again.`,
      );
    } else {
      lines.push(
        `Applied ${summary.applied} of ${plural(summary.calls, "call")}${summary.failed ? `; ${summary.failed} failed` : ""}.`,
      );
    }
    const re = document.reevaluation;
    if (re) {
      const { pass, fail, error, waived } = re.summary;
      lines.push(
        `Read again and re-evaluated: ${pass} pass, ${fail} fail, ${error} error, ${waived} waived.`,
      );
      for (const target of re.targets) {
        if (target.status === "error")
          lines.push(
            `  ${s(targetLabel(target))}: could not be read again: ${s(target.error?.message ?? "")}`,
          );
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

function renderTarget(target: TargetPlan): string[] {
  const s = terminalSafe;
  if (target.status === "not-read") {
    return [`not read (${s(target.error?.message ?? "unknown error")}): nothing planned or applied`];
  }
  if (target.status === "skipped") return ["skipped: nothing planned"];
  const lines: string[] = [];
  if (target.calls.length === 0 && target.manual.length === 0 && target.conflicts.length === 0) {
    lines.push("nothing to change");
  }
  for (const [i, call] of target.calls.entries()) lines.push(...renderCall(call, i + 1));
  for (const step of target.manual) {
    lines.push(`manual: ${s(step.ruleId)}: ${s(step.reason)}`);
    if (step.command) lines.push(`  $ ${s(step.command)}`);
    if (step.review) lines.push(`  starts: ${s(step.review)}`);
  }
  for (const conflict of target.conflicts) {
    const wants = conflict.rules.map((r) => `${s(r.ruleId)} wants ${s(formatValue(r.value))}`).join(", ");
    lines.push(`conflict on ${s(conflict.path)}: ${wants}; not changed`);
  }
  if (target.waived.length > 0) lines.push(`waived, not touched: ${target.waived.map(s).join(", ")}`);
  return lines;
}

function renderCall(call: PlannedCall, n: number): string[] {
  const s = terminalSafe;
  const lines = [`${n}. ${call.operation}: fixes ${call.fixes.map(s).join(", ") || "no rule on its own"}`];
  for (const change of call.changes) {
    const from = change.from === undefined ? "not set" : formatValue(change.from);
    lines.push(`   ${s(change.path)}: ${s(from)} -> ${s(formatValue(change.to))}`);
  }
  lines.push(`   input: ${s(JSON.stringify(call.input))}`);
  lines.push(`   $ ${s(call.command)}`);
  if (call.outcome) {
    const { status, error } = call.outcome;
    lines.push(
      status === "failed"
        ? `   FAILED: ${s(error?.message ?? "")}${error?.hint ? ` (${s(error.hint)})` : ""}`
        : `   ${status}`,
    );
  }
  return lines;
}
