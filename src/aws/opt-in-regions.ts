/**
 * Decides what a rejected token in an opt-in Region means, once every Region of an account and
 * STS have answered, and adds the account id to every target.
 */
import { isOptInRegion } from "../targets/regions.js";
import type { ErrorInfo, TargetData } from "../types.js";
import { AwsErrorCode } from "./aws-errors.js";
import type { CallerIdentity } from "./caller-identity.js";
import type { RegionRequest } from "./region-requests.js";

/**
 * Adds the account id and decides what a rejected token in an opt-in Region means. AWS answers a
 * call into an opt-in Region the account has not enabled exactly as it answers an invalid token
 * ("The security token included in the request is invalid"). It is a disabled Region only when
 * the same credentials demonstrably work elsewhere (STS or another Region answered) and were not
 * rejected outside opt-in Regions; otherwise it stays an invalid-token error, so a bad token is
 * never hidden.
 */
export function settleTargets(
  requests: readonly RegionRequest[],
  targets: TargetData[],
  identity: CallerIdentity,
): TargetData[] {
  const rejected = (target: TargetData) => target.error?.code === AwsErrorCode.invalidToken;
  const credentialsWork = identity.ok || targets.some((target) => target.status === "ok");
  const credentialsRejected =
    identity.tokenRejected || targets.some((target) => rejected(target) && !isOptInRegion(target.region));

  return targets.map((target, index) => {
    const withAccount: TargetData = { ...target, accountId: identity.accountId };
    if (identity.unknownReason !== undefined) withAccount.accountIdUnknownReason = identity.unknownReason;
    if (!rejected(target) || !isOptInRegion(target.region)) return withAccount;
    const detail = target.error?.message ?? "";
    if (credentialsWork && !credentialsRejected) {
      if (requests[index]?.fromAllRegions) {
        const { error: _error, ...rest } = withAccount;
        return {
          ...rest,
          status: "skipped",
          notice: `${target.region} is an opt-in Region that is not enabled for this account; skipped`,
        };
      }
      return {
        ...withAccount,
        error: {
          code: AwsErrorCode.optInRegionDisabled,
          message: `${target.region} is an opt-in Region that is not enabled for this account (${detail})`,
          hint: `Enable ${target.region} for the account (AWS console: Account, AWS Regions) or leave it out of --region.`,
        },
      };
    }
    return {
      ...withAccount,
      error: {
        ...(target.error as ErrorInfo),
        hint: `${target.region} is an opt-in Region: if the credentials work elsewhere, the Region may not be enabled for this account. ${target.error?.hint ?? ""}`.trim(),
      },
    };
  });
}
