/** `.ses-guard.test.yaml` as `ses-guard init` writes it: the starter policy's own tests. */
import {
  commentOut,
  exampleWaiverExpiry,
  STARTER_POLICY_PATH,
  type StarterOptions,
} from "./starter-options.js";

/** The day after the example waiver ends: the starter test's expired-waiver case runs on it. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
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
