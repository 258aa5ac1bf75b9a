import { RE2JS } from "re2js";
import type { OperatorDefinition } from "./operator.js";

// RE2 semantics: matching runs in time linear in the input, so no policy can hang the gate.
const compiled = new Map<string, RE2JS>();

function compile(pattern: string): RE2JS {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = RE2JS.compile(pattern);
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Why a pattern does not compile, or undefined when it does. */
export function regexProblem(pattern: string): string | undefined {
  try {
    compile(pattern);
    return undefined;
  } catch (error) {
    return `invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`;
  }
}

/** `matches`: the string matches the RE2 regular expression (anywhere, unless anchored). */
export const matchesOperator: OperatorDefinition = {
  name: "matches",
  fieldTypes: ["string"],
  validateExpected: (expected) =>
    typeof expected === "string"
      ? regexProblem(expected)
      : `matches takes a regular expression string, got ${JSON.stringify(expected)}`,
  test: (actual, expected) =>
    compile(expected as string)
      .matcher(actual as string)
      .find(),
  requirement: (expected, negated) => `must ${negated ? "not " : ""}match /${String(expected)}/`,
};
