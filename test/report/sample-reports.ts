/**
 * Reports for formatter tests. The fixture and clean runs come from the real policy loader and
 * engine (see fixture-run.ts); synthetic reports for edge cases (the annotation cap, the summary
 * cap, hostile strings) are assembled here from the same rules with the engine's wording.
 */

import { exitCodeFor } from "../../src/engine/exit-code.js";
import type { FormatContext, Report, Result, ResultStatus, Rule, TargetSummary } from "../../src/types.js";
import { evaluateFixtureRun, evaluatePassingRun, FIXTURE_TODAY, FIXTURE_WORKSPACE } from "./fixture-run.js";

/** Where the user's policy brings the pack in: `extends: [recommended]`, line 2, column 11. */
export const EXTENDS_LINE = { file: ".ses-guard.yaml", line: 2, column: 11 };

/** The six rules of the `recommended` pack, as the policy loader resolves them for the fixture policy. */
export function recommendedRules(): Rule[] {
  return structuredClone(FIXTURE.context.rules);
}

/** A result of `rule` on a target, with the fields the engine copies from the rule. */
export function resultOf(
  rule: Rule,
  target: { region: string; accountId: string | null },
  status: ResultStatus,
  message: string,
  extra: Partial<Result> = {},
): Result {
  const result: Result = {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    status,
    region: target.region,
    accountId: target.accountId,
    message,
    policy: {
      file: rule.source.file,
      line: rule.source.line,
      column: rule.source.column,
      ...(rule.via ? { via: { ...rule.via } } : {}),
    },
    ...extra,
  };
  if (rule.remediation) result.remediation = rule.remediation;
  if (rule.docs) result.docs = rule.docs;
  return result;
}

function summarize(targets: TargetSummary[], results: Result[], failOn: Report["failOn"]): Report["summary"] {
  const count = (status: ResultStatus) => results.filter((r) => r.status === status).length;
  return {
    pass: count("pass"),
    fail: count("fail"),
    error: count("error"),
    waived: count("waived"),
    skipped: count("skipped"),
    exitCode: exitCodeFor(targets, results, failOn),
  };
}

/** Assembles a report from targets and results, with the engine's summary and exit code. */
export function reportOf(
  targets: TargetSummary[],
  results: Result[],
  failOn: Report["failOn"] = "error",
): Report {
  return {
    version: 1,
    tool: { name: "ses-guard", version: "0.1.0" },
    summary: summarize(targets, results, failOn),
    failOn,
    targets,
    results,
  };
}

/** The formatting context of the fixture runs: a fixed day, the repository root as workspace. */
export function contextOf(rules: Rule[], extra: Partial<FormatContext> = {}): FormatContext {
  return { color: false, today: FIXTURE_TODAY, workspace: FIXTURE_WORKSPACE, rules, ...extra };
}

const FIXTURE = await evaluateFixtureRun();
const PASSING = await evaluatePassingRun();

/** The fixture run (a fresh copy each call, so a test may change it). */
export function fixtureReport(): { report: Report; context: FormatContext } {
  return structuredClone({ report: FIXTURE.report, context: FIXTURE.context });
}

/** A clean run: every rule passes on the healthy fixture account. */
export function passingReport(): { report: Report; context: FormatContext } {
  return structuredClone(PASSING);
}

/** Strings an attacker could place in AWS data or a policy: every escaping problem at once. */
export const HOSTILE =
  "100% \r\n::error file=x,line=1::forged\n<script>alert(1)</script> ]]> | a|b \u001b[31mred\u001b[0m " +
  "\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 & `code` *bold* [x](javascript:alert(1)) \u202e \\| $x$";

/**
 * A report whose every string (rule id aside, which the policy schema restricts) carries
 * {@link HOSTILE}: region, account id, messages, titles, remediation, docs, waiver reasons,
 * error messages and hints, policy file names.
 */
export function hostileReport(): { report: Report; context: FormatContext } {
  const base = recommendedRules()[3] as Rule;
  const rule: Rule = {
    ...base,
    title: `title ${HOSTILE}`,
    remediation: `fix ${HOSTILE}`,
    docs: `https://docs.example/${HOSTILE}`,
    source: { file: `policies/${HOSTILE}.yaml`, line: 3, column: 5 },
    pack: undefined,
    via: undefined,
  };
  const userRule: Rule = {
    ...rule,
    id: "user-rule",
    source: { file: `team ${HOSTILE}.yaml`, line: 7, column: 3 },
  };
  const target = { region: `eu-west-1${HOSTILE}`, accountId: `1234${HOSTILE}` };
  const other = { region: "us-east-1", accountId: null };
  const broken = { region: `ap-south-1${HOSTILE}`, accountId: null };
  const results: Result[] = [
    resultOf(rule, target, "fail", `message ${HOSTILE}`, { actual: HOSTILE }),
    resultOf(userRule, target, "error", `error ${HOSTILE}`),
    resultOf(rule, other, "waived", `waived ${HOSTILE}`, {
      waiver: {
        reason: `reason ${HOSTILE}`,
        expires: "2027-01-01",
        expired: false,
        file: `w${HOSTILE}.yaml`,
        line: 4,
      },
    }),
    resultOf(userRule, other, "fail", `expired ${HOSTILE}`, {
      waiver: { reason: `old ${HOSTILE}`, expires: "2020-01-01", expired: true, file: "w.yaml", line: 9 },
    }),
    resultOf(rule, broken, "error", `unreadable ${HOSTILE}`),
    resultOf(userRule, other, "skipped", `skipped ${HOSTILE}`),
  ];
  const targets: TargetSummary[] = [
    { ...target, status: "ok" },
    { ...other, status: "ok" },
    {
      ...broken,
      status: "error",
      error: { code: `Code${HOSTILE}`, message: `cause ${HOSTILE}`, hint: `hint ${HOSTILE}` },
    },
  ];
  return {
    report: reportOf(targets, results),
    context: contextOf([rule, userRule], { fallbackFile: `.github/workflows/${HOSTILE}.yml` }),
  };
}
