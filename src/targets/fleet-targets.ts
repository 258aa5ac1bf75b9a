/**
 * Targets of a fleet run that are decided without reading SES: the Regions of a skipped account,
 * of an account whose role could not be assumed, or of a discovery that failed; and the account
 * metadata (name, tags) every target of an account carries. Pure.
 */
import type { ErrorInfo, TargetData } from "../types.js";
import type { FleetAccount } from "./fleet.js";

/** Adds the account's id, name and tags to a target read for it. */
export function labelTarget(target: TargetData, account: FleetAccount): TargetData {
  // The account is known from the source, whatever STS could tell.
  const { accountIdUnknownReason: _unknown, ...known } = target;
  const labelled: TargetData = { ...known, accountId: account.id };
  if (account.name !== undefined) labelled.accountName = account.name;
  if (account.tags !== undefined && Object.keys(account.tags).length > 0)
    labelled.accountTags = { ...account.tags };
  return labelled;
}

/** One `skipped` target per Region of an account that is not read, with the reason. */
export function skippedTargets(
  account: FleetAccount,
  regions: readonly string[],
  reason: string,
): TargetData[] {
  return regions.map((region) =>
    labelTarget(
      {
        region,
        accountId: account.id,
        status: "skipped",
        notice: reason,
        ...(account.state ? { accountState: account.state } : {}),
      },
      account,
    ),
  );
}

/** One `error` target per Region of an account that could not be read at all. */
export function failedTargets(
  account: FleetAccount,
  regions: readonly string[],
  error: ErrorInfo,
): TargetData[] {
  return regions.map((region) =>
    labelTarget({ region, accountId: account.id, status: "error", error }, account),
  );
}

/** One `error` target per Region when the accounts themselves could not be found: nothing passes. */
export function discoveryFailedTargets(regions: readonly string[], error: ErrorInfo): TargetData[] {
  return regions.map((region) => ({ region, accountId: null, status: "error", error }));
}
