/**
 * Reports for formatter tests, built by hand from the shared fixture accounts and the
 * `recommended` pack as a user's `.ses-guard.yaml` would bring it in (`extends: [recommended]`
 * on line 2), with one waiver in force and one expired. Messages follow the engine's wording.
 */

import type {
  FormatContext,
  Report,
  Result,
  ResultStatus,
  Rule,
  Severity,
  TargetSummary,
} from "../../src/types.js";

/** Where the user's policy brings the pack in: `extends: [recommended]`, line 2, column 11. */
export const EXTENDS_LINE = { file: ".ses-guard.yaml", line: 2, column: 11 };

function packRule(
  id: string,
  line: number,
  title: string,
  severity: Severity,
  path: string,
  operator: "equals" | "containsAll" | "lessThan",
  expected: unknown,
  remediation: string,
  docs: string,
): Rule {
  const source = { file: "policies/recommended.yaml", line, column: 5 };
  return {
    id,
    title,
    severity,
    check: { kind: "leaf", path, operator, expected, location: { ...source, line: line + 4 } },
    remediation,
    docs,
    enabled: true,
    source,
    pack: "recommended",
    via: { ...EXTENDS_LINE },
  };
}

/** The six rules of the `recommended` pack, as the policy loader resolves them. */
export function recommendedRules(): Rule[] {
  return [
    packRule(
      "sending-enabled",
      5,
      "Sending is enabled for the account",
      "error",
      "SendingEnabled",
      "equals",
      true,
      "aws sesv2 put-account-sending-attributes --sending-enabled",
      "https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutAccountSendingAttributes.html",
    ),
    packRule(
      "production-access",
      14,
      "The account has production access (out of the sandbox)",
      "error",
      "ProductionAccessEnabled",
      "equals",
      true,
      'aws sesv2 put-account-details --production-access-enabled --mail-type TRANSACTIONAL --website-url https://www.example.com --use-case-description "How you collect and send mail"',
      "https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html",
    ),
    packRule(
      "enforcement-healthy",
      25,
      "The account is in good standing (enforcement status HEALTHY)",
      "error",
      "EnforcementStatus",
      "equals",
      "HEALTHY",
      "Read the review case and fix its cause (bounce or complaint rates), then confirm with aws sesv2 get-account --query '{Status: EnforcementStatus, Review: Details.ReviewDetails}'",
      "https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html",
    ),
    packRule(
      "suppression-bounce-complaint",
      36,
      "Bounces and complaints are suppressed account-wide",
      "error",
      "SuppressionAttributes.SuppressedReasons",
      "containsAll",
      ["BOUNCE", "COMPLAINT"],
      "aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT",
      "https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html",
    ),
    packRule(
      "quota-headroom",
      45,
      "Less than 80% of the 24-hour sending quota is used",
      "warning",
      "$quotaUsedPercent",
      "lessThan",
      80,
      "Request a higher sending quota in the Service Quotas console, and watch usage with aws sesv2 get-account --query SendQuota",
      "https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas.html",
    ),
    packRule(
      "vdm-enabled",
      57,
      "Virtual Deliverability Manager is enabled",
      "warning",
      "VdmAttributes.VdmEnabled",
      "equals",
      "ENABLED",
      "aws sesv2 put-account-vdm-attributes --vdm-attributes VdmEnabled=ENABLED",
      "https://docs.aws.amazon.com/ses/latest/dg/vdm.html",
    ),
  ];
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
  const rank: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };
  const threshold = failOn === "none" ? 99 : rank[failOn];
  const exitCode =
    targets.some((t) => t.status === "error") || results.some((r) => r.status === "error")
      ? 3
      : results.some((r) => r.status === "fail" && rank[r.severity] >= threshold)
        ? 1
        : 0;
  return {
    pass: count("pass"),
    fail: count("fail"),
    error: count("error"),
    waived: count("waived"),
    skipped: count("skipped"),
    exitCode,
  };
}

/** Assembles a report from targets and results, computing the summary as the engine does. */
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
  return { color: false, today: "2026-01-15", workspace: "/home/runner/work/app/app", rules, ...extra };
}

const WAIVER_IN_FORCE = {
  reason: "VDM rollout for EU is scheduled for Q1",
  expires: "2027-03-31",
  expired: false,
  file: ".ses-guard.yaml",
  line: 6,
};
const WAIVER_EXPIRED = {
  reason: "Shutdown account kept for audit",
  expires: "2025-12-31",
  expired: true,
  file: ".ses-guard.yaml",
  line: 10,
};

/**
 * The fixture run: the five shared fixture accounts, one region each, plus a region that could
 * not be read and one that is not enabled for the account.
 */
export function fixtureReport(): { report: Report; context: FormatContext } {
  const rules = recommendedRules();
  const [sending, production, enforcement, suppression, quota, vdm] = rules as [
    Rule,
    Rule,
    Rule,
    Rule,
    Rule,
    Rule,
  ];
  const healthy = { region: "us-east-1", accountId: "111111111111" };
  const probation = { region: "eu-west-1", accountId: "222222222222" };
  const sandbox = { region: "us-west-2", accountId: "333333333333" };
  const shutdown = { region: "ap-south-1", accountId: "444444444444" };
  const unlimited = { region: "ap-northeast-1", accountId: "555555555555" };
  const denied = { region: "eu-central-1", accountId: "111111111111" };
  const optIn = { region: "me-south-1", accountId: "111111111111" };
  const deniedCause =
    "User: arn:aws:sts::111111111111:assumed-role/deploy/ci is not authorized to perform: ses:GetAccount";

  const results: Result[] = [
    resultOf(sending, healthy, "pass", "SendingEnabled is true", { path: "SendingEnabled", actual: true }),
    resultOf(production, healthy, "pass", "ProductionAccessEnabled is true"),
    resultOf(enforcement, healthy, "pass", "EnforcementStatus is HEALTHY"),
    resultOf(suppression, healthy, "pass", "SuppressionAttributes.SuppressedReasons is [BOUNCE, COMPLAINT]"),
    resultOf(quota, healthy, "pass", "$quotaUsedPercent is 9.125"),
    resultOf(vdm, healthy, "pass", "VdmAttributes.VdmEnabled is ENABLED"),

    resultOf(sending, probation, "pass", "SendingEnabled is true"),
    resultOf(production, probation, "pass", "ProductionAccessEnabled is true"),
    resultOf(enforcement, probation, "fail", "EnforcementStatus is PROBATION; must equal HEALTHY", {
      path: "EnforcementStatus",
      actual: "PROBATION",
      expected: "HEALTHY",
    }),
    resultOf(
      suppression,
      probation,
      "fail",
      "SuppressionAttributes.SuppressedReasons is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)",
      {
        path: "SuppressionAttributes.SuppressedReasons",
        actual: ["BOUNCE"],
        expected: ["BOUNCE", "COMPLAINT"],
      },
    ),
    resultOf(quota, probation, "fail", "88.24% of the 24-hour sending quota is used; must be less than 80%", {
      path: "$quotaUsedPercent",
      actual: 88.24,
      expected: 80,
    }),
    resultOf(
      vdm,
      probation,
      "waived",
      "VdmAttributes.VdmEnabled is DISABLED; must equal ENABLED (waived until 2027-03-31: VDM rollout for EU is scheduled for Q1)",
      {
        path: "VdmAttributes.VdmEnabled",
        actual: "DISABLED",
        expected: "ENABLED",
        waiver: { ...WAIVER_IN_FORCE },
      },
    ),

    resultOf(sending, sandbox, "pass", "SendingEnabled is true"),
    resultOf(production, sandbox, "fail", "ProductionAccessEnabled is false; must equal true", {
      path: "ProductionAccessEnabled",
      actual: false,
      expected: true,
    }),
    resultOf(enforcement, sandbox, "pass", "EnforcementStatus is HEALTHY"),
    resultOf(
      suppression,
      sandbox,
      "fail",
      "SuppressionAttributes.SuppressedReasons is []; must contain all of [BOUNCE, COMPLAINT] (missing BOUNCE, COMPLAINT)",
      { path: "SuppressionAttributes.SuppressedReasons", actual: [], expected: ["BOUNCE", "COMPLAINT"] },
    ),
    resultOf(quota, sandbox, "pass", "$quotaUsedPercent is 0"),
    resultOf(vdm, sandbox, "fail", "VdmAttributes.VdmEnabled is not set; must equal ENABLED", {
      path: "VdmAttributes.VdmEnabled",
      expected: "ENABLED",
    }),

    resultOf(sending, shutdown, "fail", "SendingEnabled is false; must equal true", {
      path: "SendingEnabled",
      actual: false,
      expected: true,
    }),
    resultOf(production, shutdown, "pass", "ProductionAccessEnabled is true"),
    resultOf(enforcement, shutdown, "fail", "EnforcementStatus is SHUTDOWN; must equal HEALTHY", {
      path: "EnforcementStatus",
      actual: "SHUTDOWN",
      expected: "HEALTHY",
    }),
    resultOf(suppression, shutdown, "pass", "SuppressionAttributes.SuppressedReasons is [BOUNCE, COMPLAINT]"),
    resultOf(quota, shutdown, "pass", "$quotaUsedPercent is 0"),
    resultOf(
      vdm,
      shutdown,
      "fail",
      "VdmAttributes.VdmEnabled is DISABLED; must equal ENABLED (a waiver expired on 2025-12-31: Shutdown account kept for audit)",
      {
        path: "VdmAttributes.VdmEnabled",
        actual: "DISABLED",
        expected: "ENABLED",
        waiver: { ...WAIVER_EXPIRED },
      },
    ),

    ...rules.map((rule) =>
      resultOf(
        rule,
        unlimited,
        "pass",
        `${rule.check.kind === "leaf" ? rule.check.path : rule.id} is as required`,
      ),
    ),
    ...rules.map((rule) =>
      resultOf(rule, denied, "error", `not evaluated: eu-central-1 could not be read: ${deniedCause}`),
    ),
    ...rules.map((rule) =>
      resultOf(
        rule,
        optIn,
        "skipped",
        "not evaluated: me-south-1 is an opt-in region not enabled for this account",
      ),
    ),
  ];
  const targets: TargetSummary[] = [
    { ...healthy, status: "ok" },
    { ...probation, status: "ok" },
    { ...sandbox, status: "ok" },
    { ...shutdown, status: "ok" },
    { ...unlimited, status: "ok" },
    {
      ...denied,
      status: "error",
      error: {
        code: "AccessDeniedException",
        message: deniedCause,
        hint: 'allow "ses:GetAccount" on "*" for the role ses-guard runs as',
      },
    },
    { ...optIn, status: "skipped", notice: "me-south-1 is an opt-in region not enabled for this account" },
  ];
  return { report: reportOf(targets, results), context: contextOf(rules) };
}

/** A clean run: every rule passes on the healthy fixture account. */
export function passingReport(): { report: Report; context: FormatContext } {
  const rules = recommendedRules();
  const target = { region: "us-east-1", accountId: "111111111111" };
  const results = rules.map((rule) => resultOf(rule, target, "pass", `${rule.id} holds`));
  return { report: reportOf([{ ...target, status: "ok" }], results), context: contextOf(rules) };
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
