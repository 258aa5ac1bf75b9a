/** `.ses-guard.yaml` as `ses-guard init` writes it, with its commented examples. */
import {
  commentOut,
  exampleWaiverExpiry,
  STARTER_SCHEMA_REFERENCE,
  STARTER_TEST_PATH,
  type StarterOptions,
} from "./starter-options.js";

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
