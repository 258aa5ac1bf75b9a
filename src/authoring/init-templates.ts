/**
 * The files `ses-guard init` writes: a starter policy, a test file for it, and a GitHub workflow.
 * Pure text built from today's date (the example waiver must expire in the future) and the version
 * (the workflow pins the ses-guard that wrote it).
 */

/** A file to write, by path relative to the working directory. */
interface StarterFile {
  path: string;
  text: string;
}

/** What the starter files are built from. */
export interface StarterOptions {
  /** Today in UTC, `YYYY-MM-DD`. */
  today: string;
  /** The ses-guard version writing the files. */
  version: string;
}

/** Where `init` writes the policy (the file `check` picks up by default). */
export const STARTER_POLICY_PATH = ".ses-guard.yaml";
/** Where `init` writes the policy's tests (found by `ses-guard test` from the repository root). */
export const STARTER_TEST_PATH = ".ses-guard.test.yaml";
/** Where `init` writes the workflow. */
const STARTER_WORKFLOW_PATH = ".github/workflows/ses-guard.yml";
/** The Action the workflow uses: this repository, on its major-version tag. */
export const ACTION_REFERENCE = "ses-guard/ses-guard@v0";
/** The SARIF file the workflow writes and uploads. */
const STARTER_SARIF_FILE = "ses-guard.sarif";

/**
 * The schema reference of the starter policy. Editors with yaml-language-server resolve a relative
 * `$schema` against the file it is in, so this finds the schema of the ses-guard version the
 * repository installs, and it changes when ses-guard is upgraded; a URL would be one version for
 * every repository, and an absolute path would only work on one machine.
 */
export const STARTER_SCHEMA_REFERENCE = "./node_modules/ses-guard/policies/policy.schema.json";

/** The files `init` writes, in the order it writes them. */
export function starterFiles(options: StarterOptions): StarterFile[] {
  return [
    { path: STARTER_POLICY_PATH, text: starterPolicy(options) },
    { path: STARTER_TEST_PATH, text: starterTests(options) },
    { path: STARTER_WORKFLOW_PATH, text: starterWorkflow(options) },
  ];
}

/** The example waiver's end date: 90 days from today, so the uncommented example applies at once. */
export function exampleWaiverExpiry(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 90);
  return date.toISOString().slice(0, 10);
}

/** The day after the example waiver ends: the starter test's expired-waiver case runs on it. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The example custom rule, as it reads once uncommented. */
export function exampleRule(): string {
  return `rules:
  - id: transactional-mail-type
    title: The account is registered for transactional mail
    severity: warning
    regions: [us-*, eu-*]
    check:
      path: Details.MailType
      equals: TRANSACTIONAL
    message: "{path} is {actual}; this repository sends {expected} mail only"
    remediation: aws sesv2 put-account-details --mail-type TRANSACTIONAL --website-url https://www.example.com
    docs: https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutAccountDetails.html`;
}

/** The example override, as it reads once uncommented. */
export function exampleOverride(): string {
  return `overrides:
  vdm-enabled: { severity: notice }`;
}

/** The example waiver, as it reads once uncommented. */
export function exampleWaiver(options: StarterOptions): string {
  return `waivers:
  - rule: vdm-enabled
    regions: [ap-south-1]
    reason: Virtual Deliverability Manager rollout in Mumbai is scheduled for next quarter
    expires: ${exampleWaiverExpiry(options.today)}`;
}

/** Prefixes each line with `# `. */
export function commentOut(text: string): string {
  return text
    .split("\n")
    .map((line) => `# ${line}`.trimEnd())
    .join("\n");
}

/**
 * `.ses-guard.yaml`: extends `recommended`; a custom rule, an override and a waiver are written out
 * but commented, so the starter changes nothing until the author decides, and still loads as is.
 */
export function starterPolicy(options: StarterOptions): string {
  return `# yaml-language-server: $schema=${STARTER_SCHEMA_REFERENCE}
# The line above gives editors with YAML support (VS Code's YAML extension, JetBrains IDEs, any
# editor using yaml-language-server) completion and checking for this file. The path is relative
# to this file and points at the schema of the ses-guard version this repository installs
# (npm install --save-dev ses-guard), so it follows upgrades. Without node_modules, save a copy
# with \`npx ses-guard schema > policy.schema.json\` and point the line at it.
#
# ses-guard policy for this repository's Amazon SES v2 accounts.
#   npx ses-guard validate                 check this file
#   npx ses-guard rules                    the rules it resolves to, with waivers
#   npx ses-guard test                     run the cases in ${STARTER_TEST_PATH}
#   npx ses-guard check --region us-east-1 check the live account (read-only: ses:GetAccount)
version: 1

# The built-in pack: sending enabled, production access, enforcement status HEALTHY, bounces and
# complaints suppressed, quota headroom, Virtual Deliverability Manager. \`strict\` adds the VDM
# dashboard, optimized shared delivery and dedicated IP warm-up.
extends: [recommended]

# Examples: remove the leading "# " of an example's lines to use it.
#
# A custom rule: \`path\` as \`aws sesv2 get-account\` spells it, and one operator (equals, in,
# containsAll, lessThan, matches, exists, ...), or all/any/not to combine checks. severity is
# error (the default, fails the run), warning or notice; regions limits it to some regions.
${commentOut(exampleRule())}
#
# Overrides change an inherited rule: its severity, or \`enabled: false\` to turn it off.
${commentOut(exampleOverride())}
#
# A waiver accepts a failing rule for a while (optionally only in some regions or accounts). It
# needs a reason and an end date; after that date the rule fails again, so exceptions get reviewed.
${commentOut(exampleWaiver(options))}
`;
}

/** The test cases for the commented examples, as they read once uncommented (a list of cases). */
export function exampleCases(options: StarterOptions): string {
  const expiry = exampleWaiverExpiry(options.today);
  return `  - name: the waiver covers VDM in ap-south-1 until it expires
    region: ap-south-1
    today: ${options.today}
    account: { VdmAttributes: { VdmEnabled: DISABLED } }
    expect:
      vdm-enabled: { status: waived, severity: notice }

  - name: after its end date the waiver no longer applies
    region: ap-south-1
    today: ${dayAfter(expiry)}
    account: { VdmAttributes: { VdmEnabled: DISABLED } }
    expect:
      vdm-enabled: fail

  - name: marketing mail breaks the custom rule, with its own message
    region: eu-west-1
    account: { Details: { MailType: MARKETING } }
    expect:
      transactional-mail-type: { status: fail, messageIncludes: "sends TRANSACTIONAL mail only" }

  - name: the custom rule does not apply outside its regions
    region: ap-south-1
    account: { Details: { MailType: MARKETING } }
    expect:
      transactional-mail-type: skipped
`;
}

/**
 * `.ses-guard.test.yaml`: cases with inline accounts that pass against the starter policy, plus
 * commented cases for its commented examples.
 */
export function starterTests(options: StarterOptions): string {
  return `# Tests for ${STARTER_POLICY_PATH}: each case gives one account's GetAccount data (as
# \`aws sesv2 get-account\` prints it) and the result each named rule must have: pass, fail,
# waived or skipped. Run them with \`npx ses-guard test\`: exit 0 when every expectation holds,
# 1 when one does not, 2 when this file or the policy is invalid.
# \`accountFile: fixtures/prod.json\` (relative to this file) reads the data from a file instead;
# \`today: YYYY-MM-DD\` fixes the date waivers are judged on.
version: 1
policy: ./${STARTER_POLICY_PATH}
cases:
  - name: a healthy production account passes every rule
    region: us-east-1
    account:
      SendingEnabled: true
      ProductionAccessEnabled: true
      EnforcementStatus: HEALTHY
      SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 1200 }
      SuppressionAttributes: { SuppressedReasons: [BOUNCE, COMPLAINT] }
      VdmAttributes: { VdmEnabled: ENABLED }
    expect:
      sending-enabled: pass
      production-access: pass
      enforcement-healthy: pass
      suppression-bounce-complaint: pass
      quota-headroom: pass
      vdm-enabled: pass

  - name: a sandbox account that suppresses only bounces fails
    region: us-east-1
    account:
      SendingEnabled: true
      ProductionAccessEnabled: false
      EnforcementStatus: HEALTHY
      SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 190 }
      SuppressionAttributes: { SuppressedReasons: [BOUNCE] }
    expect:
      sending-enabled: pass
      production-access: fail
      suppression-bounce-complaint: { status: fail, messageIncludes: "missing COMPLAINT" }
      quota-headroom: fail # 95% of the daily quota is used
      vdm-enabled: fail # not set: data that is not there never passes

  - name: an account with no data fails closed
    account: {}
    expect:
      sending-enabled: fail
      enforcement-healthy: fail
      quota-headroom: fail

  # Cases for the commented examples in ${STARTER_POLICY_PATH}: uncomment them with the examples.
${commentOut(exampleCases(options).trimEnd())}
`;
}

/**
 * `.github/workflows/ses-guard.yml`: the policy's tests, then OIDC credentials, the ses-guard
 * Action, and the SARIF report uploaded to code scanning even when the check fails.
 */
export function starterWorkflow(options: StarterOptions): string {
  return `# ses-guard: check this repository's Amazon SES v2 accounts against ${STARTER_POLICY_PATH}.
# Before the first run: create an IAM role that GitHub Actions can assume through OIDC, allowed
# ses:GetAccount (STS GetCallerIdentity, which labels results with the account id, needs no
# permission), then set role-to-assume and the regions below.
name: ses-guard

on:
  pull_request:
  push:
    branches: [main]
  schedule:
    - cron: "17 6 * * 1-5" # account settings can change without a commit
  workflow_dispatch:

permissions:
  contents: read # check out the policy
  id-token: write # OIDC: trade the job's token for short-lived AWS credentials, no stored keys
  security-events: write # upload the SARIF report to code scanning

jobs:
  ses-guard:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6

      # The policy's own tests need no AWS access; a policy that fails them is not deployed.
      - name: Test the policy
        run: npx --yes ses-guard@${options.version} test

      - name: AWS credentials (OIDC)
        uses: aws-actions/configure-aws-credentials@v6
        with:
          role-to-assume: arn:aws:iam::123456789012:role/ses-guard-read-only
          aws-region: us-east-1

      - name: Check the SES accounts
        uses: ${ACTION_REFERENCE}
        with:
          policy: ${STARTER_POLICY_PATH}
          regions: us-east-1,eu-west-1
          sarif-file: ${STARTER_SARIF_FILE}

      # Upload even when the check failed: failing rules are what code scanning should show.
      # The hashFiles guard skips the upload when no report was written (e.g. an invalid policy),
      # so the log shows the real error rather than a missing file.
      - name: Upload to code scanning
        if: always() && hashFiles('${STARTER_SARIF_FILE}') != ''
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: ${STARTER_SARIF_FILE}
          category: ses-guard
`;
}
