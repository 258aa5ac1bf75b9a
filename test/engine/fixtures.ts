/** Builders for engine tests: checks, rules and targets written the way a policy would state them. */
import type { EvaluationTarget } from "../../src/engine/facts.js";
import type {
  Check,
  LeafCheck,
  OperatorName,
  Rule,
  SourceLocation,
  TargetData,
  Waiver,
} from "../../src/types.js";

/** A place in a policy file for checks and rules built in code. */
export const here: SourceLocation = { file: "test.yaml", line: 1, column: 1 };

/** A leaf check: `path` with one operator. */
export function leaf(path: string, operator: OperatorName, expected: unknown): LeafCheck {
  return { kind: "leaf", path, operator, expected, location: here };
}

/** `all: [...]`. */
export function all(...checks: Check[]): Check {
  return { kind: "all", checks, location: here };
}

/** `any: [...]`. */
export function any(...checks: Check[]): Check {
  return { kind: "any", checks, location: here };
}

/** `not: check`. */
export function not(check: Check): Check {
  return { kind: "not", check, location: here };
}

/** What the engine evaluates: an account in a region. */
export function evaluationTarget(
  account: Record<string, unknown>,
  region = "us-east-1",
  accountId: string | null = "123456789012",
): EvaluationTarget {
  return { region, accountId, account };
}

/** A readable target as the account readers produce it. */
export function okTarget(
  account: Record<string, unknown>,
  region = "us-east-1",
  accountId: string | null = "123456789012",
): TargetData {
  return { region, accountId, status: "ok", account };
}

/** A rule around a check, with the fields a pack rule has. */
export function rule(check: Check, extra: Partial<Rule> = {}): Rule {
  return {
    id: "test-rule",
    title: "A test rule",
    severity: "error",
    check,
    enabled: true,
    source: { file: "policy.yaml", line: 3, column: 5 },
    remediation: "aws sesv2 put-something",
    docs: "https://docs.example.com/rule",
    ...extra,
  };
}

/** A waiver for `test-rule` unless told otherwise. */
export function waiver(extra: Partial<Waiver> = {}): Waiver {
  return {
    rule: "test-rule",
    reason: "accepted until the migration",
    expires: "2030-06-30",
    source: { file: "policy.yaml", line: 20, column: 5 },
    ...extra,
  };
}
