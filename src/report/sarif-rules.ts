/**
 * The reporting descriptors of the `sarif` format: one per rule, with its title, a description of
 * its check, remediation, docs and the severities GitHub code scanning ranks alerts by.
 */

import type { FormatContext, Report, Rule, Severity } from "../types.js";
import { describeCheck } from "./describe-check.js";
import { escapeMarkdown, neutralizeControls, safeLinkUrl } from "./escape.js";

/** A SARIF result level. */
export type SarifLevel = "error" | "warning" | "note";

/** The SARIF level of each severity. */
export const LEVEL: Record<Severity, SarifLevel> = { error: "error", warning: "warning", notice: "note" };
// GitHub code scanning ranks security alerts by this CVSS-like score: >= 7 high, >= 4 medium, else low.
const SECURITY_SEVERITY: Record<Severity, string> = { error: "8.0", warning: "5.0", notice: "2.0" };
const PROBLEM_SEVERITY: Record<Severity, string> = {
  error: "error",
  warning: "warning",
  notice: "recommendation",
};

/** The descriptor facts shared by a `Rule` and, when rule metadata is missing, a `Result`. */
export interface RuleFacts {
  id: string;
  title: string;
  severity: Severity;
  remediation?: string;
  docs?: string;
  rule?: Rule;
}

/** A string from AWS or a policy, with control characters neutralised. */
export function text(value: string): string {
  return neutralizeControls(value);
}

/** The text as a sentence ending in a full stop. */
export function sentence(value: string): string {
  const trimmed = text(value).trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** A fenced code block that the content cannot close: the fence is longer than any backtick run in it. */
function codeBlock(content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}\n${text(content).replace(/\r\n?/g, "\n")}\n${fence}`;
}

/** The reporting descriptor of one rule. */
export function describeRule(facts: RuleFacts) {
  const title = text(facts.title).trim();
  const full = facts.rule
    ? `${sentence(title)} Passes when ${describeCheck(facts.rule.check)}.`
    : sentence(title);
  const docs = safeLinkUrl(facts.docs);
  const helpText: string[] = [];
  const helpMarkdown: string[] = [];
  if (facts.remediation) {
    helpText.push(`Remediation: ${text(facts.remediation)}`);
    helpMarkdown.push("**Remediation**", codeBlock(facts.remediation));
  }
  if (facts.docs) {
    helpText.push(`Documentation: ${text(facts.docs)}`);
    helpMarkdown.push(docs ? `[Documentation](${docs})` : `Documentation: ${escapeMarkdown(facts.docs)}`);
  }
  if (helpText.length === 0) {
    helpText.push(full);
    helpMarkdown.push(escapeMarkdown(full));
  }
  const tags = ["security", "aws", "ses", ...(facts.rule?.pack ? [`pack:${facts.rule.pack}`] : [])];
  const descriptor: Record<string, unknown> = {
    id: facts.id,
    name: pascalCase(facts.id),
    shortDescription: { text: title },
    fullDescription: { text: full },
    help: { text: helpText.join("\n"), markdown: helpMarkdown.join("\n\n") },
  };
  if (docs) descriptor.helpUri = docs;
  const configuration: Record<string, unknown> = { level: LEVEL[facts.severity] };
  if (facts.rule && !facts.rule.enabled) configuration.enabled = false;
  descriptor.defaultConfiguration = configuration;
  descriptor.properties = {
    tags,
    precision: "very-high",
    "problem.severity": PROBLEM_SEVERITY[facts.severity],
    "security-severity": SECURITY_SEVERITY[facts.severity],
  };
  return descriptor;
}

/** The rules to describe: the policy's, then any known only from results. */
export function ruleFacts(context: FormatContext, report: Report): RuleFacts[] {
  const facts: RuleFacts[] = context.rules.map((rule) => ({
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    ...(rule.remediation === undefined ? {} : { remediation: rule.remediation }),
    ...(rule.docs === undefined ? {} : { docs: rule.docs }),
    rule,
  }));
  const known = new Set(facts.map((f) => f.id));
  for (const result of report.results) {
    if (known.has(result.ruleId)) continue;
    // A result without rule metadata (a caller that passed no rules) still gets a descriptor.
    known.add(result.ruleId);
    facts.push({
      id: result.ruleId,
      title: result.title,
      severity: result.severity,
      ...(result.remediation === undefined ? {} : { remediation: result.remediation }),
      ...(result.docs === undefined ? {} : { docs: result.docs }),
    });
  }
  return facts;
}
