/**
 * `ses-guard rules`: the rule set a policy resolves to after extends and overrides, with where
 * each rule is defined and the waivers that name it, as a terminal table or JSON.
 */
import { describeCheck } from "../report/describe-check.js";
import { jsonWithoutLogCommands } from "../report/escape.js";
import { describeSource } from "../report/location.js";
import { terminalSafe } from "../report/terminal-text.js";
import type { Policy, Severity } from "../types.js";

/** A waiver as listed with its rule. */
export interface ListedWaiver {
  reason: string;
  expires: string;
  /** True when `expires` is before today (UTC): the waiver no longer applies. */
  expired: boolean;
  regions?: string[];
  accounts?: string[];
  /** The waiver's `when` condition in words: it applies only where this is true. */
  when?: string;
  file: string;
  line: number;
}

/** One rule of the resolved policy. */
export interface ListedRule {
  id: string;
  title: string;
  severity: Severity;
  enabled: boolean;
  /** The built-in pack it comes from, if any. */
  pack?: string;
  source: { file: string; line: number; column: number };
  /** For a rule from a pack: the `extends` entry of the user's policy that brought it in. */
  via?: { file: string; line: number; column: number };
  regions?: string[];
  /** The rule's `when` condition in words: it is skipped where this is false. */
  when?: string;
  waivers: ListedWaiver[];
}

/** The resolved rule set, in policy order, with each rule's waivers judged against `today`. */
export function listRules(policy: Policy, today: string): ListedRule[] {
  return policy.rules.map((rule) => {
    const listed: ListedRule = {
      id: rule.id,
      title: rule.title,
      severity: rule.severity,
      enabled: rule.enabled,
      source: { file: rule.source.file, line: rule.source.line, column: rule.source.column },
      waivers: policy.waivers
        .filter((waiver) => waiver.rule === rule.id)
        .map((waiver) => {
          const entry: ListedWaiver = {
            reason: waiver.reason,
            expires: waiver.expires,
            // ISO dates compare as strings; a waiver holds through the end of its day, as in the engine.
            expired: waiver.expires < today,
            file: waiver.source.file,
            line: waiver.source.line,
          };
          if (waiver.regions) entry.regions = waiver.regions;
          if (waiver.accounts) entry.accounts = waiver.accounts;
          if (waiver.when) entry.when = describeCheck(waiver.when);
          return entry;
        }),
    };
    if (rule.pack) listed.pack = rule.pack;
    if (rule.via) listed.via = { file: rule.via.file, line: rule.via.line, column: rule.via.column };
    if (rule.regions) listed.regions = rule.regions;
    if (rule.when) listed.when = describeCheck(rule.when);
    return listed;
  });
}

/** A table: rule, severity, enabled, source file:line, waivers; then a summary line. */
export function formatRulesText(rules: readonly ListedRule[], files: readonly string[]): string {
  const header = ["RULE", "SEVERITY", "ENABLED", "SOURCE", "WAIVER"];
  const rows = rules.map((rule) => [
    rule.id,
    rule.severity,
    rule.enabled ? "yes" : "no",
    describeSource(rule.source, rule.pack),
    rule.waivers.length > 0 ? rule.waivers.map(describeWaiver).join("; ") : "-",
  ]);
  const table = [header, ...rows].map((row) => row.map(terminalSafe));
  const widths = header.map((_, column) => Math.max(...table.map((row) => (row[column] ?? "").length)));
  const lines = table.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  "),
  );
  const enabled = rules.filter((rule) => rule.enabled).length;
  const waivers = rules.flatMap((rule) => rule.waivers);
  const expired = waivers.filter((waiver) => waiver.expired).length;
  lines.push(
    "",
    `${rules.length} ${rules.length === 1 ? "rule" : "rules"} (${enabled} enabled) from ${files.map(terminalSafe).join(", ")}; ${waivers.length} ${waivers.length === 1 ? "waiver" : "waivers"}${expired > 0 ? ` (${expired} expired: the rule is checked again)` : ""}`,
  );
  return `${lines.join("\n")}\n`;
}

function describeWaiver(waiver: ListedWaiver): string {
  const scope = [
    ...(waiver.regions ?? []),
    ...(waiver.accounts ?? []),
    ...(waiver.when ? [`where ${waiver.when}`] : []),
  ];
  const when = waiver.expired ? `EXPIRED ${waiver.expires}` : `until ${waiver.expires}`;
  return `${when}${scope.length > 0 ? ` for ${scope.join(", ")}` : ""} (${waiver.file}:${waiver.line})`;
}

/** The same as JSON: `{ version, today, files, rules }`, for scripts. */
export function formatRulesJson(
  rules: readonly ListedRule[],
  files: readonly string[],
  today: string,
): string {
  // Printed to a CI log as often as written to a file: escaped as the json report is.
  return `${jsonWithoutLogCommands(JSON.stringify({ version: 1, today, files, rules }, null, 2))}\n`;
}
