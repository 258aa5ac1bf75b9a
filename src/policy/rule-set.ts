/**
 * Building one rule set out of the files a policy extends: adding rules (the same definition
 * twice is one rule, two definitions of one id an error) and applying overrides.
 */
import type { Diagnostic } from "../errors.js";
import type { Rule, SourceLocation } from "../types.js";
import type { Override } from "./policy-file.js";

/** Applies an override to the rule it names; false when there is no such rule. */
export function applyOverride(rules: Map<string, Rule>, override: Override): boolean {
  const rule = rules.get(override.ruleId);
  if (!rule) return false;
  rules.set(rule.id, {
    ...rule,
    ...(override.severity ? { severity: override.severity } : {}),
    ...(override.enabled !== undefined ? { enabled: override.enabled } : {}),
  });
  return true;
}

/**
 * Adds a rule to a set. The same definition arriving twice (`extends: [recommended, strict]`) is
 * one rule, the later arrival winning so its overrides hold; two definitions of one id are an error.
 */
export function mergeRule(rules: Map<string, Rule>, rule: Rule, diagnostics: Diagnostic[]): void {
  const existing = rules.get(rule.id);
  if (existing && !sameSource(existing.source, rule.source)) {
    diagnostics.push({
      code: "policy/duplicate-rule",
      message: `rule "${rule.id}" is defined twice: here and at ${existing.source.file}:${existing.source.line}; change an inherited rule with overrides instead`,
      ...rule.source,
    });
    return;
  }
  if (existing?.via && !rule.via) {
    rules.set(rule.id, { ...rule, via: existing.via });
    return;
  }
  rules.set(rule.id, rule);
}

function sameSource(a: SourceLocation, b: SourceLocation): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}
