import { compileRegex } from "../regex.js";
import type { OperatorDefinition } from "./operator.js";

/** Why a pattern does not compile, or undefined when it does. */
export function regexProblem(pattern: string): string | undefined {
  try {
    compileRegex(pattern);
    return undefined;
  } catch (error) {
    if ((error as Error).message.startsWith("internal:")) throw error;
    return `invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`;
  }
}

/** `matches`: the string matches the RE2 regular expression (anywhere, unless anchored). */
export const matchesOperator: OperatorDefinition = {
  fieldTypes: ["string"],
  validateExpected: (expected) =>
    typeof expected === "string"
      ? regexProblem(expected)
      : `matches takes a regular expression string, got ${JSON.stringify(expected)}`,
  test: (actual, expected) =>
    compileRegex(expected as string)
      .matcher(actual as string)
      .find(),
  requirement: (expected, negated) => `must ${negated ? "not " : ""}match /${String(expected)}/`,
};
