import { formatItems, formatList, formatValue } from "../format-value.js";
import { includesValue } from "../values.js";
import { checkList, elementShape } from "./expected-values.js";
import type { OperatorDefinition } from "./operator.js";

const missingFrom = (actual: unknown, expected: unknown) =>
  (expected as unknown[]).filter((item) => !includesValue(actual as unknown[], item));
const presentIn = (actual: unknown, expected: unknown) =>
  (expected as unknown[]).filter((item) => includesValue(actual as unknown[], item));

/** `containsAll`: the list has every listed element. */
export const containsAllOperator: OperatorDefinition = {
  fieldTypes: ["list"],
  validateExpected: (expected, field) => checkList(expected, elementShape(field)),
  test: (actual, expected) => missingFrom(actual, expected).length === 0,
  requirement: (expected, negated) =>
    `must ${negated ? "not " : ""}contain all of ${formatList(expected as unknown[])}`,
  difference: (actual, expected, negated) =>
    negated
      ? undefined
      : `missing ${missingFrom(actual, expected)
          .map((v) => formatValue(v))
          .join(", ")}`,
};

/** `containsAny`: the list has at least one listed element. */
export const containsAnyOperator: OperatorDefinition = {
  fieldTypes: ["list"],
  validateExpected: (expected, field) => checkList(expected, elementShape(field)),
  test: (actual, expected) => presentIn(actual, expected).length > 0,
  requirement: (expected, negated) =>
    `must ${negated ? "not " : ""}contain any of ${formatList(expected as unknown[])}`,
  difference: (actual, expected, negated) =>
    negated ? `has ${formatItems(presentIn(actual, expected))}` : undefined,
};

/** `containsNone`: the list has none of the listed elements. */
export const containsNoneOperator: OperatorDefinition = {
  fieldTypes: ["list"],
  validateExpected: (expected, field) => checkList(expected, elementShape(field)),
  test: (actual, expected) => presentIn(actual, expected).length === 0,
  requirement: (expected, negated) =>
    `must ${negated ? "" : "not "}contain any of ${formatList(expected as unknown[])}`,
  difference: (actual, expected, negated) =>
    negated ? undefined : `has ${formatItems(presentIn(actual, expected))}`,
};
