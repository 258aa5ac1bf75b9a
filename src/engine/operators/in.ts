import { formatList } from "../format-value.js";
import { includesValue } from "../values.js";
import { checkList } from "./expected-values.js";
import type { OperatorDefinition } from "./operator.js";

/** `in`: the value is one of the listed values. */
export const inOperator: OperatorDefinition = {
  fieldTypes: ["string", "number", "boolean"],
  validateExpected: checkList,
  test: (actual, expected) => includesValue(expected as unknown[], actual),
  requirement: (expected, negated) =>
    `must ${negated ? "not " : ""}be one of ${formatList(expected as unknown[])}`,
};

/** `notIn`: the value is set and is none of the listed values. */
export const notInOperator: OperatorDefinition = {
  fieldTypes: ["string", "number", "boolean"],
  validateExpected: checkList,
  test: (actual, expected) => !includesValue(expected as unknown[], actual),
  requirement: (expected, negated) =>
    `must ${negated ? "" : "not "}be one of ${formatList(expected as unknown[])}`,
};
