/**
 * Runs the cases of a policy test file against a loaded policy: pure and synchronous, like the
 * engine it calls. Reading account files is passed in, so the same code runs on disk or in tests.
 */
import { evaluateRule } from "../engine/evaluate.js";
import { UNKNOWN_REGION } from "../engine/facts.js";
import { type Diagnostic, ExitCode } from "../errors.js";
import { didYouMean } from "../suggest.js";
import type { Policy, Result, Rule, TargetData } from "../types.js";
import type { Expectation, TestCase, TestFile } from "./test-file.js";

/** What reading a case's `accountFile` gave: its targets, or why it could not be read. */
export type AccountFileRead = { targets: TargetData[] } | { diagnostics: Diagnostic[] };

/** What running a test file needs from outside. */
export interface TestRunContext {
  policy: Policy;
  /** Today in UTC (`YYYY-MM-DD`), for cases and files that do not set `today`. */
  today: string;
  /** The data of a case's `accountFile`, labelled with the case's region and account (read before the run). */
  readAccountFile(testCase: TestCase): AccountFileRead;
}

/** One expectation and the result it was compared with. */
export interface ExpectationOutcome {
  expectation: Expectation;
  result: Result;
  held: boolean;
  /** Why it did not hold, in words (absent when it held). */
  problem?: string;
}

/** One case: its expectations, or the problems that kept it from running. */
export interface CaseOutcome {
  testCase: TestCase;
  expectations: ExpectationOutcome[];
  /** Problems that kept the case from running (a missing account file, an unknown rule): exit 2. */
  diagnostics: Diagnostic[];
}

/** One test file: its cases, or the problems that kept it from running. */
export interface TestFileOutcome {
  file: string;
  cases: CaseOutcome[];
  /** Problems that kept the whole file from running (invalid file, policy that does not load). */
  diagnostics: Diagnostic[];
}

/** Every test file that was run. */
export interface TestRun {
  files: TestFileOutcome[];
}

/** Counts over a run, for the summary line. */
export interface TestRunSummary {
  files: number;
  /** Test files that could not run at all (invalid, or their policy does not load). */
  invalidFiles: number;
  cases: number;
  passedCases: number;
  failedCases: number;
  /** Cases that could not run (a missing account file, an unknown rule). */
  erroredCases: number;
  expectations: number;
  failedExpectations: number;
}

/** Runs every case of a parsed test file against its loaded policy. */
export function runTestFile(testFile: TestFile, context: TestRunContext): TestFileOutcome {
  // Every case runs against the same policy, so its rules are indexed once per file.
  const rules = new Map(context.policy.rules.map((rule) => [rule.id, rule]));
  return {
    file: testFile.file,
    cases: testFile.cases.map((testCase) => runCase(testFile, testCase, rules, context)),
    diagnostics: [],
  };
}

function runCase(
  testFile: TestFile,
  testCase: TestCase,
  rules: ReadonlyMap<string, Rule>,
  context: TestRunContext,
): CaseOutcome {
  const outcome: CaseOutcome = { testCase, expectations: [], diagnostics: [] };
  for (const expectation of testCase.expectations) {
    if (rules.has(expectation.ruleId)) continue;
    outcome.diagnostics.push({
      code: "test/unknown-rule",
      message: `case "${testCase.name}" expects a result of rule "${expectation.ruleId}", which the policy does not have${didYouMean(expectation.ruleId, rules.keys())}`,
      ...expectation.location,
    });
  }
  const target = targetFor(testCase, context, outcome.diagnostics);
  if (outcome.diagnostics.length > 0 || !target) return outcome;

  const today = testCase.today ?? testFile.today ?? context.today;
  for (const expectation of testCase.expectations) {
    const rule = rules.get(expectation.ruleId);
    if (!rule) continue;
    const result = evaluateRule(rule, target, context.policy.waivers, today);
    const problem = compare(expectation, result);
    outcome.expectations.push(
      problem ? { expectation, result, held: false, problem } : { expectation, result, held: true },
    );
  }
  return outcome;
}

/** The target a case stands for: its account data labelled with its region and account id. */
function targetFor(
  testCase: TestCase,
  context: TestRunContext,
  diagnostics: Diagnostic[],
): TargetData | undefined {
  const labels = { region: testCase.region ?? UNKNOWN_REGION, accountId: testCase.accountId ?? null };
  if (testCase.account.kind === "inline")
    return withCaseFacts({ ...labels, status: "ok", account: testCase.account.account }, testCase);
  const { path, location } = testCase.account;
  const read = context.readAccountFile(testCase);
  if ("diagnostics" in read) {
    diagnostics.push(...read.diagnostics);
    return undefined;
  }
  // A snapshot holds many targets: the case's region picks one, so a saved audit can be a fixture.
  const candidates =
    read.targets.length > 1 && testCase.region
      ? read.targets.filter((t) => t.region === testCase.region)
      : read.targets;
  const target = candidates[0];
  if (candidates.length !== 1 || !target) {
    const regions = read.targets.map((t) => t.region).join(", ");
    diagnostics.push({
      code: "test/ambiguous-account",
      message: testCase.region
        ? `${path} has no target in ${testCase.region} (it has ${regions || "none"})`
        : `${path} is a snapshot of ${read.targets.length} targets (${regions}); name the case's region to pick one`,
      ...location,
    });
    return undefined;
  }
  if (target.status !== "ok" || !target.account) {
    diagnostics.push({
      code: "test/unreadable-target",
      message: `${path}: the ${target.region} target was not read when the snapshot was taken (${target.error?.message ?? target.notice ?? target.status}); a case needs account data`,
      ...location,
    });
    return undefined;
  }
  const fromFile: TargetData = {
    region: testCase.region ?? target.region,
    accountId: testCase.accountId ?? target.accountId,
    status: "ok",
    account: target.account,
  };
  // What a snapshot recorded about the account stands unless the case says otherwise.
  if (target.accountName !== undefined) fromFile.accountName = target.accountName;
  if (target.accountTags !== undefined) fromFile.accountTags = target.accountTags;
  if (target.reputation !== undefined) fromFile.reputation = target.reputation;
  return withCaseFacts(fromFile, testCase);
}

/** Adds the account name, tags and reputation rates a case gives to its target. */
function withCaseFacts(target: TargetData, testCase: TestCase): TargetData {
  if (testCase.accountName !== undefined) target.accountName = testCase.accountName;
  if (testCase.accountTags !== undefined) target.accountTags = testCase.accountTags;
  if (testCase.reputation !== undefined) target.reputation = testCase.reputation;
  return target;
}

function compare(expectation: Expectation, result: Result): string | undefined {
  const problems: string[] = [];
  if (result.status !== expectation.status)
    problems.push(`expected ${expectation.status}, got ${result.status}`);
  if (expectation.severity && result.severity !== expectation.severity) {
    problems.push(`expected severity ${expectation.severity}, got ${result.severity}`);
  }
  if (expectation.messageIncludes !== undefined && !result.message.includes(expectation.messageIncludes)) {
    problems.push(`expected the message to include ${JSON.stringify(expectation.messageIncludes)}`);
  }
  return problems.length > 0 ? problems.join("; ") : undefined;
}

/** True when a case ran and every expectation held. */
export function casePassed(outcome: CaseOutcome): boolean {
  return outcome.diagnostics.length === 0 && outcome.expectations.every((e) => e.held);
}

/** Counts cases and expectations by outcome. */
export function summarizeTestRun(run: TestRun): TestRunSummary {
  const summary: TestRunSummary = {
    files: run.files.length,
    invalidFiles: 0,
    cases: 0,
    passedCases: 0,
    failedCases: 0,
    erroredCases: 0,
    expectations: 0,
    failedExpectations: 0,
  };
  for (const file of run.files) {
    if (file.diagnostics.length > 0) summary.invalidFiles++;
    for (const outcome of file.cases) {
      summary.cases++;
      summary.expectations += outcome.expectations.length;
      summary.failedExpectations += outcome.expectations.filter((e) => !e.held).length;
      if (outcome.diagnostics.length > 0) summary.erroredCases++;
      else if (casePassed(outcome)) summary.passedCases++;
      else summary.failedCases++;
    }
  }
  return summary;
}

/** 2 when any file or case could not run, else 1 when any expectation failed, else 0. */
export function testRunExitCode(run: TestRun): number {
  const summary = summarizeTestRun(run);
  if (summary.invalidFiles > 0 || summary.erroredCases > 0) return ExitCode.usage;
  return summary.failedExpectations > 0 ? ExitCode.failures : ExitCode.ok;
}
