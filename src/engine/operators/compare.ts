import { checkScalar } from "./expected-values.js";
import type { OperatorDefinition } from "./operator.js";

function comparison(
  words: string,
  compare: (actual: number, expected: number) => boolean,
): OperatorDefinition {
  return {
    fieldTypes: ["number"],
    validateExpected: checkScalar,
    test: (actual, expected) => compare(actual as number, expected as number),
    requirement: (expected, negated) => `must ${negated ? "not " : ""}be ${words} ${String(expected)}`,
  };
}

/** `greaterThan`: the number is strictly greater. */
export const greaterThanOperator = comparison("greater than", (a, e) => a > e);
/** `greaterThanOrEqual`: the number is greater or equal. */
export const greaterThanOrEqualOperator = comparison("at least", (a, e) => a >= e);
/** `lessThan`: the number is strictly less. */
export const lessThanOperator = comparison("less than", (a, e) => a < e);
/** `lessThanOrEqual`: the number is less or equal. */
export const lessThanOrEqualOperator = comparison("at most", (a, e) => a <= e);
