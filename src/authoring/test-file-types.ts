/** The parsed form of a policy test file (`*.test.yaml`): what the test runner consumes. */
import type { ReputationFacts, Severity, SourceLocation } from "../types.js";

/** The results a case can expect of a rule (`error` cannot happen: test data is always readable). */
export const expectedStatuses = ["pass", "fail", "waived", "skipped"] as const;

/** A result status a case can expect. */
export type ExpectedStatus = (typeof expectedStatuses)[number];

/** What a case expects of one rule. */
export interface Expectation {
  ruleId: string;
  status: ExpectedStatus;
  /** Text the result's message must contain (to test `message:` templates). */
  messageIncludes?: string;
  /** The severity the rule must have after overrides. */
  severity?: Severity;
  /** Where the expectation is written (its key). */
  location: SourceLocation;
}

/** Where a case's account data comes from. */
export type AccountSource =
  | { kind: "inline"; account: Record<string, unknown> }
  | { kind: "file"; path: string; location: SourceLocation };

/** One case: an account, the target it stands for, and the expected results. */
export interface TestCase {
  name: string;
  location: SourceLocation;
  region?: string;
  accountId?: string;
  /** The account's name, as an account source would give it (`$accountName`). */
  accountName?: string;
  /** The account's tags, as an account source would give them (`$accountTags.<Key>`). */
  accountTags?: Record<string, string>;
  /** Reputation rates as CloudWatch would give them (`$reputation.*`); `{}` is an account without datapoints. */
  reputation?: ReputationFacts;
  /** `YYYY-MM-DD` to evaluate waivers on; overrides the file's `today`. */
  today?: string;
  account: AccountSource;
  expectations: Expectation[];
}

/** A parsed test file. */
export interface TestFile {
  file: string;
  /** Pack names, or policy paths as written (relative to the test file). */
  policies: string[];
  policyLocation: SourceLocation;
  /** `YYYY-MM-DD` to evaluate waivers on, for every case without its own. */
  today?: string;
  cases: TestCase[];
}
