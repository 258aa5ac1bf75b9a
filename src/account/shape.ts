/**
 * The shape of SES v2 `GetAccountResponse`, used to type-check policy paths when a policy loads
 * and to recognise values of the wrong type in account data. It follows the SDK model (a test
 * walks the installed `@aws-sdk/client-sesv2` schema and its enums, and fails when the two drift
 * apart, members and enum values alike).
 */

/** A field's type in the account model. */
export type FieldShape =
  | { type: "string"; enum?: readonly string[]; note?: string }
  | { type: "number"; note?: string }
  | { type: "boolean" }
  | { type: "list"; member: FieldShape }
  | { type: "structure"; members: Readonly<Record<string, FieldShape>> };

const enabledDisabled = ["ENABLED", "DISABLED"] as const;
const pricingPlan = ["NONE", "ESSENTIALS", "PRO", "ENTERPRISE"] as const;

/** The top-level members of `GetAccountResponse` as SES v2 returns it (every member optional). */
export const accountMembers: Readonly<Record<string, FieldShape>> = {
  DedicatedIpAutoWarmupEnabled: { type: "boolean" },
  // A plain string in the model: HEALTHY, PROBATION, SHUTDOWN are documented, others exist.
  EnforcementStatus: { type: "string", note: "HEALTHY, PROBATION, SHUTDOWN (not an enum in the model)" },
  ProductionAccessEnabled: { type: "boolean" },
  SendingEnabled: { type: "boolean" },
  SendQuota: {
    type: "structure",
    members: {
      Max24HourSend: { type: "number", note: "-1 means unlimited" },
      MaxSendRate: { type: "number", note: "-1 means unlimited" },
      SentLast24Hours: { type: "number" },
    },
  },
  SuppressionAttributes: {
    type: "structure",
    members: {
      SuppressedReasons: { type: "list", member: { type: "string", enum: ["BOUNCE", "COMPLAINT"] } },
      ValidationAttributes: {
        type: "structure",
        members: {
          ConditionThreshold: {
            type: "structure",
            members: {
              ConditionThresholdEnabled: { type: "string", enum: enabledDisabled },
              OverallConfidenceThreshold: {
                type: "structure",
                members: {
                  ConfidenceVerdictThreshold: { type: "string", enum: ["MEDIUM", "HIGH", "MANAGED"] },
                },
              },
            },
          },
        },
      },
    },
  },
  Details: {
    type: "structure",
    members: {
      MailType: { type: "string", enum: ["MARKETING", "TRANSACTIONAL"] },
      WebsiteURL: { type: "string" },
      ContactLanguage: { type: "string", enum: ["EN", "JA"] },
      UseCaseDescription: { type: "string" },
      AdditionalContactEmailAddresses: { type: "list", member: { type: "string" } },
      ReviewDetails: {
        type: "structure",
        members: {
          Status: { type: "string", enum: ["PENDING", "FAILED", "GRANTED", "DENIED"] },
          CaseId: { type: "string" },
        },
      },
    },
  },
  VdmAttributes: {
    type: "structure",
    members: {
      VdmEnabled: { type: "string", enum: enabledDisabled },
      DashboardAttributes: {
        type: "structure",
        members: { EngagementMetrics: { type: "string", enum: enabledDisabled } },
      },
      GuardianAttributes: {
        type: "structure",
        members: { OptimizedSharedDelivery: { type: "string", enum: enabledDisabled } },
      },
    },
  },
  PricingAttributes: {
    type: "structure",
    members: {
      CurrentPlan: { type: "string", enum: pricingPlan },
      NextPlan: { type: "string", enum: pricingPlan },
    },
  },
  DeliveryAttributes: {
    type: "structure",
    // GLOBAL: shared IP addresses of other Regions of the partition may be used; REGIONAL: only this Region's.
    members: { SharedPoolDeliveryMode: { type: "string", enum: ["GLOBAL", "REGIONAL"] } },
  },
};

/** `GetAccountResponse` as one structure, for walking paths. */
export const accountShape: FieldShape = { type: "structure", members: accountMembers };

/** The JSON type a field's value has on the wire: `object` for structures, `array` for lists. */
export function jsonTypeOf(shape: FieldShape): "string" | "number" | "boolean" | "array" | "object" {
  return shape.type === "structure" ? "object" : shape.type === "list" ? "array" : shape.type;
}

/** Facts that ses-guard computes; their names start with `$`. */
export const computedFacts: Readonly<Record<string, FieldShape & { description: string }>> = {
  $region: { type: "string", description: "the target's region" },
  $accountId: { type: "string", description: "the target's account id (absent when unknown)" },
  $accountName: {
    type: "string",
    description: "the account's name, from AWS Organizations or an accounts file (absent when unknown)",
  },
  $quotaUsedPercent: {
    type: "number",
    description: "SentLast24Hours / Max24HourSend × 100; 0 when the quota is unlimited",
  },
  $quotaUnlimited: { type: "boolean", description: "true when Max24HourSend is -1" },
  "$reputation.bounceRatePercent": {
    type: "number",
    description: "the latest CloudWatch Reputation.BounceRate within 24 hours, as a percentage",
  },
  "$reputation.complaintRatePercent": {
    type: "number",
    description: "the latest CloudWatch Reputation.ComplaintRate within 24 hours, as a percentage",
  },
};

/** `$accountTags.<Key>`: the value of one account tag (absent when the account has no such tag). */
export const ACCOUNT_TAGS_PREFIX = "$accountTags.";

const accountTagShape: FieldShape = { type: "string" };

/** True for a path naming one account tag: the prefix and a non-empty key (which may hold dots). */
export function isAccountTagPath(path: string): boolean {
  return path.startsWith(ACCOUNT_TAGS_PREFIX) && path.length > ACCOUNT_TAGS_PREFIX.length;
}

/** Finds the shape at a dotted path, or undefined when the path does not exist in the model. */
export function shapeAt(path: string): FieldShape | undefined {
  const fact = Object.hasOwn(computedFacts, path) ? computedFacts[path] : undefined;
  if (fact) return fact;
  if (isAccountTagPath(path)) return accountTagShape;
  let shape: FieldShape | undefined = accountShape;
  for (const name of path.split(".")) {
    if (shape?.type !== "structure") return undefined;
    shape = Object.hasOwn(shape.members, name) ? shape.members[name] : undefined;
  }
  return shape;
}

/** Every valid path: leaves and structures, plus the computed facts (for suggestions and docs). */
export function allPaths(): string[] {
  const paths: string[] = Object.keys(computedFacts);
  const walk = (shape: FieldShape, prefix: string) => {
    if (shape.type !== "structure") return;
    for (const [name, member] of Object.entries(shape.members)) {
      const path = prefix ? `${prefix}.${name}` : name;
      paths.push(path);
      walk(member, path);
    }
  };
  walk(accountShape, "");
  return paths;
}

/** A short name of a shape's type for messages: `string`, `list of string`, `structure`. */
export function describeShape(shape: FieldShape): string {
  if (shape.type === "list") return `list of ${describeShape(shape.member)}`;
  return shape.type;
}
