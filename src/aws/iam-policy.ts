/**
 * The least privilege ses-guard needs to read an account: `ses:GetAccount`. GetAccount has no
 * resource-level permissions, so the resource is `*`. STS GetCallerIdentity (for the account id)
 * needs no permission at all.
 */

/** The minimal IAM policy document for ses-guard. */
export const MINIMAL_IAM_POLICY = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "SesGuardReadAccount",
      Effect: "Allow",
      Action: ["ses:GetAccount"],
      Resource: "*",
    },
  ],
} as const;

/**
 * The minimal IAM policy as JSON text: indented for a terminal or README, or on one line where
 * a message must stay one line (annotations, hints).
 */
export function renderIamPolicy(style: "pretty" | "compact" = "pretty"): string {
  return style === "pretty"
    ? JSON.stringify(MINIMAL_IAM_POLICY, null, 2)
    : JSON.stringify(MINIMAL_IAM_POLICY);
}

/**
 * The optional statement for the `$reputation.*` facts (the `reputation` pack, `snapshot
 * --reputation`): CloudWatch GetMetricData, which has no resource-level permissions either.
 * Policies that do not use the facts never call it, so the minimal policy stays without it.
 */
export const REPUTATION_IAM_STATEMENT = {
  Sid: "SesGuardReadReputation",
  Effect: "Allow",
  Action: ["cloudwatch:GetMetricData"],
  Resource: "*",
} as const;
