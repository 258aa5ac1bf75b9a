/**
 * Which account members `ses-guard fix` may set, through which SES v2 call, and which it never
 * touches. One table, so the planner, the rendered commands, the IAM actions and the docs agree.
 */

/** The SES v2 calls a plan may contain. PutAccountDetails is deliberately not one of them. */
export type FixOperation =
  | "PutAccountSendingAttributes"
  | "PutAccountDedicatedIpWarmupAttributes"
  | "PutAccountSuppressionAttributes"
  | "PutAccountVdmAttributes"
  | "PutAccountDeliveryAttributes";

/** The calls in the order a plan lists and applies them. */
export const FIX_OPERATIONS: readonly FixOperation[] = [
  "PutAccountSendingAttributes",
  "PutAccountDedicatedIpWarmupAttributes",
  "PutAccountSuppressionAttributes",
  "PutAccountVdmAttributes",
  "PutAccountDeliveryAttributes",
];

/** A settable member: the call that sets it and, for two-value members, both values. */
export interface SettableMember {
  operation: FixOperation;
  /** Both values of a two-value member (booleans and ENABLED/DISABLED enums), for `notEquals`. */
  twoValues?: readonly [unknown, unknown];
}

const enabledDisabled = ["ENABLED", "DISABLED"] as const;
const trueFalse = [true, false] as const;

/** Every leaf path of GetAccount that a call can set (paths as policies spell them). */
export const SETTABLE_MEMBERS: Readonly<Record<string, SettableMember>> = {
  SendingEnabled: { operation: "PutAccountSendingAttributes", twoValues: trueFalse },
  DedicatedIpAutoWarmupEnabled: { operation: "PutAccountDedicatedIpWarmupAttributes", twoValues: trueFalse },
  "SuppressionAttributes.SuppressedReasons": { operation: "PutAccountSuppressionAttributes" },
  "SuppressionAttributes.ValidationAttributes.ConditionThreshold.ConditionThresholdEnabled": {
    operation: "PutAccountSuppressionAttributes",
    twoValues: enabledDisabled,
  },
  "SuppressionAttributes.ValidationAttributes.ConditionThreshold.OverallConfidenceThreshold.ConfidenceVerdictThreshold":
    { operation: "PutAccountSuppressionAttributes" },
  "VdmAttributes.VdmEnabled": { operation: "PutAccountVdmAttributes", twoValues: enabledDisabled },
  "VdmAttributes.DashboardAttributes.EngagementMetrics": {
    operation: "PutAccountVdmAttributes",
    twoValues: enabledDisabled,
  },
  "VdmAttributes.GuardianAttributes.OptimizedSharedDelivery": {
    operation: "PutAccountVdmAttributes",
    twoValues: enabledDisabled,
  },
  // The SDK's AccountSharedPoolDeliveryMode enum: GLOBAL | REGIONAL.
  "DeliveryAttributes.SharedPoolDeliveryMode": {
    operation: "PutAccountDeliveryAttributes",
    twoValues: ["GLOBAL", "REGIONAL"],
  },
};

/** The IAM action each call needs (SES v2 actions carry the `ses:` prefix). */
export function iamActionFor(operation: FixOperation): string {
  return `ses:${operation}`;
}

/** The `aws sesv2` subcommand of a call: PutAccountVdmAttributes → put-account-vdm-attributes. */
export function cliNameOf(operation: string): string {
  return operation.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
}

/** Why a member is left to a person, and the command and review that person starts. */
export interface ManualReason {
  reason: string;
  /** The command a person runs; `{region}` and `{value}` are filled in by the planner. */
  command?: string;
  /** What the command starts on the AWS side. */
  review?: string;
}

const DETAILS_COMMAND =
  "aws sesv2 put-account-details --region {region} --production-access-enabled --mail-type TRANSACTIONAL --website-url https://example.com --use-case-description '...'";

/** Members never set automatically, matched by path prefix (first match wins). */
const MANUAL_MEMBERS: ReadonlyArray<[prefix: string, why: ManualReason]> = [
  [
    "ProductionAccessEnabled",
    {
      reason: "production access is granted by AWS after a review of the account details",
      command: DETAILS_COMMAND,
      review: "PutAccountDetails submits the account for an AWS review, which a person must follow up",
    },
  ],
  [
    "Details",
    {
      reason: "the account details are part of the production-access review",
      command: DETAILS_COMMAND,
      review: "PutAccountDetails submits the details for an AWS review, which a person must follow up",
    },
  ],
  [
    "EnforcementStatus",
    {
      reason: "AWS sets the enforcement status; only fixing the cause (bounces, complaints) changes it",
      command: "aws sesv2 get-account --region {region}",
      review: "an AWS Trust and Safety review; answer the case in the AWS Support Center",
    },
  ],
  [
    "SendQuota",
    {
      reason: "sending quotas are raised by AWS on request",
      command:
        "aws service-quotas request-service-quota-increase --region {region} --service-code ses --quota-code L-804C8AE8 --desired-value <N>",
      review: "a Service Quotas request that AWS reviews",
    },
  ],
  [
    "$quota",
    {
      reason: "quota headroom depends on the quota AWS grants and on the mail sent",
      command:
        "aws service-quotas request-service-quota-increase --region {region} --service-code ses --quota-code L-804C8AE8 --desired-value <N>",
      review: "a Service Quotas request that AWS reviews",
    },
  ],
  [
    "PricingAttributes",
    {
      reason: "the pricing plan changes what the account is billed, which a person decides",
      command: "aws sesv2 put-account-pricing-attributes --region {region} --plan <PLAN>",
    },
  ],
];

/** Why a path is never set automatically, or undefined when it is settable or unknown here. */
export function manualReasonFor(path: string): ManualReason | undefined {
  if (Object.hasOwn(SETTABLE_MEMBERS, path)) return undefined;
  for (const [prefix, why] of MANUAL_MEMBERS) if (path === prefix || path.startsWith(prefix)) return why;
  return undefined;
}
