import type { OperatorName } from "../../types.js";
import { checkScalar } from "./expected-values.js";
import type { OperatorDefinition } from "./operator.js";

function comparison(
  name: OperatorName,
  words: string,
  compare: (actual: number, expected: number) => boolean,
): OperatorDefinition {
  return {
    name,
    fieldTypes: ["number"],
    validateExpected: checkScalar,
    test: (actual, expected) => compare(actual as number, expected as number),
    requirement: (expected, negated) => `must ${negated ? "not " : ""}be ${words} ${String(expected)}`,
  };
}

/** `greaterThan`: the number is strictly greater. */
export const greaterThanOperator = comparison("greaterThan", "greater than", (a, e) => a > e);
/** `greaterThanOrEqual`: the number is greater or equal. */
export const greaterThanOrEqualOperator = comparison("greaterThanOrEqual", "at least", (a, e) => a >= e);
/** `lessThan`: the number is strictly less. */
export const lessThanOperator = comparison("lessThan", "less than", (a, e) => a < e);
/** `lessThanOrEqual`: the number is less or equal. */
export const lessThanOrEqualOperator = comparison("lessThanOrEqual", "at most", (a, e) => a <= e);
