import type { OperatorDefinition } from "./operator.js";

/**
 * `exists`: whether the path is set. It is the one operator that is never unknown: the engine
 * passes `undefined` for an absent value instead of short-circuiting.
 */
export const existsOperator: OperatorDefinition = {
  name: "exists",
  fieldTypes: ["string", "number", "boolean", "list", "structure"],
  validateExpected: (expected) =>
    typeof expected === "boolean" ? undefined : `exists takes true or false, got ${JSON.stringify(expected)}`,
  test: (actual, expected) => (actual !== undefined && actual !== null) === expected,
  requirement: (expected, negated) => ((expected === true) !== negated ? "must be set" : "must not be set"),
};
