/**
 * The IAM policy `ses-guard fix --apply` needs: the read, plus the five account-level writes the
 * planner can make. The account Put* actions have no resource-level permissions, so the
 * resource is `*`. ses:PutAccountDetails is deliberately absent: ses-guard never calls it.
 */
import { FIX_OPERATIONS, iamActionFor } from "./settable.js";

/** The policy document for applying fixes. */
export const FIX_IAM_POLICY = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "SesGuardReadAccount",
      Effect: "Allow",
      Action: ["ses:GetAccount"],
      Resource: "*",
    },
    {
      Sid: "SesGuardFixAccount",
      Effect: "Allow",
      Action: FIX_OPERATIONS.map(iamActionFor),
      Resource: "*",
    },
  ],
} as const;

/** The policy as indented JSON, for docs and terminals. */
export function renderFixIamPolicy(): string {
  return JSON.stringify(FIX_IAM_POLICY, null, 2);
}
