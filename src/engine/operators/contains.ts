import type { FieldShape } from "../../account/shape.js";
import { formatValue } from "../format-value.js";
import { includesValue } from "../values.js";
import { checkScalar } from "./expected-values.js";
import type { OperatorDefinition } from "./operator.js";

/** `contains`: a list has the element, or a string has the substring. */
export const containsOperator: OperatorDefinition = {
  fieldTypes: ["list", "string"],
  validateExpected: (expected, field: FieldShape) => {
    if (field.type === "list") return checkScalar(expected, field.member);
    // A substring need not be a valid enum value on its own.
    return typeof expected === "string" ? undefined : `expected a string, got ${JSON.stringify(expected)}`;
  },
  test: (actual, expected) =>
    Array.isArray(actual)
      ? includesValue(actual, expected)
      : typeof actual === "string" && actual.includes(expected as string),
  requirement: (expected, negated) => `must ${negated ? "not " : ""}contain ${formatValue(expected)}`,
};
