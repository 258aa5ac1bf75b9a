import { formatValue } from "../format-value.js";
import { deepEqual } from "../values.js";
import { checkScalar } from "./expected-values.js";
import type { OperatorDefinition } from "./operator.js";

/** `equals`: the value is exactly the expected value (lists in order). */
export const equalsOperator: OperatorDefinition = {
  fieldTypes: ["string", "number", "boolean", "list"],
  validateExpected: checkScalar,
  test: deepEqual,
  requirement: (expected, negated) => `must ${negated ? "not " : ""}equal ${formatValue(expected)}`,
};

/** `notEquals`: the value is set and differs from the expected value. */
export const notEqualsOperator: OperatorDefinition = {
  fieldTypes: ["string", "number", "boolean", "list"],
  validateExpected: checkScalar,
  test: (actual, expected) => !deepEqual(actual, expected),
  requirement: (expected, negated) => `must ${negated ? "" : "not "}equal ${formatValue(expected)}`,
};
