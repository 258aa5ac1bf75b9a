import type { OperatorDefinition } from "./operator.js";

/**
 * `exists`: whether the path is set. It is the one operator that is never unknown for an absent
 * value: the engine passes `undefined` instead of short-circuiting. (A value of the wrong type is
 * unknown, as for every operator.)
 */
export const existsOperator: OperatorDefinition = {
  fieldTypes: ["string", "number", "boolean", "list", "structure"],
  validateExpected: (expected) =>
    typeof expected === "boolean" ? undefined : `exists takes true or false, got ${JSON.stringify(expected)}`,
  // `lookup` already reads JSON null as absent, so `undefined` is the only "not set".
  test: (actual, expected) => (actual !== undefined) === expected,
  requirement: (expected, negated) => ((expected === true) !== negated ? "must be set" : "must not be set"),
};
