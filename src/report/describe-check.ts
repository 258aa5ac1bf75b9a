/**
 * A rule's check in words, for formats that describe rules on their own (SARIF's full
 * description): "SuppressionAttributes.SuppressedReasons contains all of [BOUNCE, COMPLAINT]".
 */

import { formatValue } from "../engine/format-value.js";
import type { Check, OperatorName } from "../types.js";

const PHRASE: Record<OperatorName, string> = {
  equals: "equals",
  notEquals: "does not equal",
  in: "is one of",
  notIn: "is none of",
  contains: "contains",
  containsAll: "contains all of",
  containsAny: "contains any of",
  containsNone: "contains none of",
  exists: "exists",
  greaterThan: "is greater than",
  greaterThanOrEqual: "is at least",
  lessThan: "is less than",
  lessThanOrEqual: "is at most",
  matches: "matches",
};

/** Describes a check as one sentence fragment; compositions are bracketed so nesting stays readable. */
export function describeCheck(check: Check): string {
  switch (check.kind) {
    case "leaf":
      if (check.operator === "exists")
        return `${check.path} ${check.expected === false ? "is not set" : "is set"}`;
      if (check.operator === "matches") return `${check.path} matches /${String(check.expected)}/`;
      return `${check.path} ${PHRASE[check.operator]} ${formatValue(check.expected)}`;
    case "all":
      return `all of (${check.checks.map(describeCheck).join("; ")})`;
    case "any":
      return `any of (${check.checks.map(describeCheck).join("; ")})`;
    case "not":
      return `not (${describeCheck(check.check)})`;
  }
}
