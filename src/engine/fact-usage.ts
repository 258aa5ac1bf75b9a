/** Which optional data sources a policy needs, so that nothing is read (or permitted) for nothing. */
import type { Check, Policy } from "../types.js";
import { REPUTATION_PREFIX } from "./target-facts.js";

/**
 * True when an enabled rule's check or `when`, or a waiver's `when`, refers to `$reputation.*`:
 * only then is CloudWatch asked (and `cloudwatch:GetMetricData` needed).
 */
export function policyUsesReputation(policy: Policy): boolean {
  const checks: Check[] = [];
  for (const rule of policy.rules) {
    if (!rule.enabled) continue;
    checks.push(rule.check);
    if (rule.when) checks.push(rule.when);
  }
  for (const waiver of policy.waivers) if (waiver.when) checks.push(waiver.when);
  return checks.some((check) => refersTo(check, REPUTATION_PREFIX));
}

function refersTo(check: Check, prefix: string): boolean {
  switch (check.kind) {
    case "leaf":
      return check.path.startsWith(prefix);
    case "not":
      return refersTo(check.check, prefix);
    case "all":
    case "any":
      return check.checks.some((child) => refersTo(child, prefix));
  }
}
