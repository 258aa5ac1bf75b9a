/**
 * The vocabulary shared by every part of ses-guard: policies and rules going in, targets read
 * from AWS or files, results and the report coming out. One name per concept.
 */

/** How serious a failing rule is; also the threshold given to `--fail-on`. */
export type Severity = "error" | "warning" | "notice";

/** The `--fail-on` threshold: a severity, or `none` to never fail on rule results. */
export type FailOn = Severity | "none";

/** Every `--fail-on` value (also the Action's `fail-on` input), in the order messages list them. */
export const FAIL_ON_VALUES: readonly FailOn[] = ["error", "warning", "notice", "none"];

/** The outcome of one rule on one target. */
export type ResultStatus = "pass" | "fail" | "error" | "waived" | "skipped";

/** A place in a policy file, 1-based like editors and GitHub annotations. */
export interface SourceLocation {
  /** Path as the user would write it: relative to the working directory, or `policies/<pack>.yaml`. */
  file: string;
  line: number;
  column: number;
}

/** The operators a leaf check can use; each one lives in `src/engine/operators/`. */
export type OperatorName =
  | "equals"
  | "notEquals"
  | "in"
  | "notIn"
  | "contains"
  | "containsAll"
  | "containsAny"
  | "containsNone"
  | "exists"
  | "greaterThan"
  | "greaterThanOrEqual"
  | "lessThan"
  | "lessThanOrEqual"
  | "matches";

/** A leaf check: one path, one operator, one expected value. */
export interface LeafCheck {
  kind: "leaf";
  path: string;
  operator: OperatorName;
  expected: unknown;
  location: SourceLocation;
}

/** A composition of checks with three-valued logic. */
export type Check =
  | LeafCheck
  | { kind: "all"; checks: Check[]; location: SourceLocation }
  | { kind: "any"; checks: Check[]; location: SourceLocation }
  | { kind: "not"; check: Check; location: SourceLocation };

/** A rule after loading, extends and overrides: everything the engine and reporters need. */
export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  /** Region globs (`eu-*`); absent means every region. */
  regions?: string[];
  /** `when:`: the rule is evaluated where this holds or is unknown, and skipped where it is false. */
  when?: Check;
  check: Check;
  /** Optional message template with `{path}`, `{actual}`, `{expected}`, `{region}`, `{accountId}`, `{ruleId}`. */
  message?: string;
  remediation?: string;
  docs?: string;
  /** False when an override disabled it; disabled rules are reported as `skipped`. */
  enabled: boolean;
  /** Where the rule is defined. */
  source: SourceLocation;
  /** The built-in pack it came from, if any. */
  pack?: string;
  /**
   * Where the user's own policy brought this rule in: the `extends` entry for inherited rules.
   * Annotations point here, since a built-in pack's file is not in the user's repository.
   */
  via?: SourceLocation;
}

/** An accepted risk: a rule that may fail for some targets until a date. */
export interface Waiver {
  rule: string;
  regions?: string[];
  accounts?: string[];
  /** `when:`: the waiver applies only where this check is true (never where it is unknown). */
  when?: Check;
  reason: string;
  /** `YYYY-MM-DD`; the waiver applies through the end of this day, UTC. */
  expires: string;
  source: SourceLocation;
}

/** A fully resolved policy: the rule set and the waivers that apply to it. */
export interface Policy {
  rules: Rule[];
  waivers: Waiver[];
  /** Every file that was read to build it, in load order (user files and packs). */
  files: string[];
}

/** An error that stops or degrades a run: typed, never a stack trace for the user. */
export interface ErrorInfo {
  code: string;
  message: string;
  /** A next step for the user (an IAM policy, a flag to pass). */
  hint?: string;
}

/**
 * One account in one region, as read from AWS, a `get-account` file or a snapshot.
 * `account` is the raw `GetAccount` response (the SDK's `$metadata` removed).
 */
export interface TargetData {
  region: string;
  /** Null when unknown (no `--account-id`, or STS could not tell). */
  accountId: string | null;
  /** Why `accountId` is null when ses-guard asked and could not tell (`STS GetCallerIdentity failed: ...`). */
  accountIdUnknownReason?: string;
  status: "ok" | "error" | "skipped";
  account?: Record<string, unknown>;
  error?: ErrorInfo;
  /** Why a target was skipped (an opt-in region not enabled for the account), or other notes. */
  notice?: string;
  /** The account's name, where the account source knows it (AWS Organizations, an accounts file). */
  accountName?: string;
  /** The account's tags, where the account source knows them. */
  accountTags?: Record<string, string>;
  /** The account's AWS Organizations state, when the fleet skipped it for not being ACTIVE. */
  accountState?: string;
  /**
   * CloudWatch reputation rates, present only when they were read (`$reputation.*` in the policy,
   * or `snapshot --reputation`). A member is absent when CloudWatch had no datapoint for it.
   */
  reputation?: ReputationFacts;
}

/** The account's latest bounce and complaint rates, as percentages (CloudWatch reports ratios). */
export interface ReputationFacts {
  bounceRatePercent?: number;
  complaintRatePercent?: number;
}

/** A waiver as it was matched against a result. */
export interface AppliedWaiver {
  reason: string;
  expires: string;
  /** True when a waiver matched but its date has passed: the rule is evaluated as usual. */
  expired: boolean;
  file: string;
  line: number;
}

/** One rule evaluated on one target. */
export interface Result {
  ruleId: string;
  title: string;
  severity: Severity;
  status: ResultStatus;
  region: string;
  accountId: string | null;
  message: string;
  /** The leaf path that decided the outcome, when one did. */
  path?: string;
  actual?: unknown;
  expected?: unknown;
  policy: {
    file: string;
    line: number;
    column?: number;
    via?: { file: string; line: number; column?: number };
  };
  remediation?: string;
  docs?: string;
  waiver?: AppliedWaiver;
  /** The rule has a `regions:` filter and the target's region is unknown, so it was evaluated. */
  regionUnknown?: boolean;
  /** The rule has a `when` condition that could not be decided for the target, so it was evaluated. */
  whenUnknown?: boolean;
}

/** The status of one target in the report. */
export interface TargetSummary {
  region: string;
  accountId: string | null;
  /** Why `accountId` is null when ses-guard asked and could not tell. */
  accountIdUnknownReason?: string;
  status: "ok" | "error" | "skipped";
  error?: ErrorInfo;
  notice?: string;
  accountName?: string;
  accountTags?: Record<string, string>;
}

/** Counts by status plus the exit code the run ends with. */
export interface Summary {
  pass: number;
  fail: number;
  error: number;
  waived: number;
  skipped: number;
  exitCode: number;
}

/**
 * The report: the JSON contract (policies/report.schema.json, README.md "The JSON report"), and
 * the input of every formatter.
 */
export interface Report {
  version: 1;
  tool: { name: "ses-guard"; version: string };
  summary: Summary;
  failOn: FailOn;
  targets: TargetSummary[];
  results: Result[];
  /** When the report was made, an ISO 8601 UTC timestamp (absent in reports made before it existed). */
  createdAt?: string;
  /** The policy files and built-in packs in force, in load order. */
  policies?: PolicySource[];
  /** `sha256:<hex>` of the resolved rules and waivers; equal for the same policy on any machine. */
  policyDigest?: string;
  /** Which shard of the accounts the run read (`--shard K/N`). */
  shard?: ShardSpec;
}

/** One policy file or built-in pack that contributed to a run's policy. */
export interface PolicySource {
  /** The file as the report shows it (`policies/<pack>.yaml` for a pack). */
  file: string;
  /** The built-in pack's name, when the file is one. */
  pack?: string;
}

/** `--shard K/N`: the K-th (1-based) of N shards of the accounts. */
export interface ShardSpec {
  index: number;
  count: number;
}

// What formatters receive besides the report lives with the reports.
export type { FormatContext, Formatter } from "./report/format-context.js";
