/**
 * A policy must check something. One without rules, or whose every rule an override disables,
 * would pass every account without looking at it, so the loader refuses it.
 */

import type { Diagnostic } from "../errors.js";
import type { Rule } from "../types.js";
import type { Override } from "./policy-file.js";

/**
 * The problem with a resolved rule set that enables no rule, or undefined when some rule is on.
 * `files` are the files read, as shown to the user; the first is the one named first.
 */
export function noEnabledRules(
  rules: readonly Rule[],
  overrides: readonly Override[],
  files: readonly string[],
): Diagnostic | undefined {
  if (rules.some((rule) => rule.enabled)) return undefined;
  if (rules.length === 0) {
    return {
      code: "policy/no-rules",
      message: `the policy defines no rules, so it would pass without checking anything; add rules or extends: [recommended]`,
      ...(files[0] === undefined ? {} : { file: files[0], line: 1, column: 1 }),
    };
  }
  // Point at the last override that turned a rule off: the one an author most likely just wrote.
  const disabling = overrides.filter((o) => o.enabled === false).at(-1);
  return {
    code: "policy/no-enabled-rules",
    message: `every rule is disabled by overrides (${rules.length} in all), so the policy would pass without checking anything; enable at least one rule`,
    ...(disabling?.location ?? {}),
  };
}
