/**
 * Reads a fleet: many accounts, each in its Regions, in one run. Role-based sources (a list, an
 * accounts file, the organization) assume a role in each account from the caller's credentials;
 * the profiles source reads each profile as its own account. GetAccount requests in flight are
 * bounded over the whole run by `--concurrency`.
 *
 * Failure is per account and fails closed: an account whose role cannot be assumed becomes an
 * `error` target in each of its Regions while every other account is still read; a discovery that
 * fails becomes an `error` target in every Region, so nothing passes.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { UNKNOWN_REGION } from "../engine/facts.js";
import { SesGuardError } from "../errors.js";
import { accountParallelism, progressTracker, regionCount } from "../targets/fleet-pacing.js";
import { planAccounts } from "../targets/fleet-plan.js";
import {
  discoveryFailedTargets,
  failedTargets,
  labelTarget,
  skippedTargets,
} from "../targets/fleet-targets.js";
import { allSesRegionNames } from "../targets/regions.js";
import { inShard } from "../targets/shard.js";
import type { ErrorInfo, TargetData } from "../types.js";
import { ASSUME_ROLE_FAILED, assumeRoleFailure, type RoleToAssume, roleCredentials } from "./assume-role.js";
import { AwsErrorCode } from "./aws-errors.js";
import { mapBounded } from "./bounded-map.js";
import { credentialMaterial } from "./credential-material.js";
import {
  type FleetListing,
  type FleetReadOptions,
  findAccounts,
  requestHandler,
  runRegions,
  timeoutMs,
} from "./fleet-accounts.js";
import { readAwsTargets } from "./get-account.js";
import { listProfileAccounts } from "./profile-accounts.js";
import { callerRegion } from "./region-requests.js";
import { createRequestLimiter } from "./request-limiter.js";

export type { FleetListing, FleetReadOptions, FleetSourceInput } from "./fleet-accounts.js";

/** The error code of a run whose account source named no account to read. */
export const NO_ACCOUNTS = "NoAccountsToRead";

/**
 * Lists (and plans) the accounts of a source without reading SES; throws a usage error (exit 2)
 * when an account has no usable role. Discovery failures are returned, not thrown. The profiles
 * source is listed by asking STS who each profile is.
 */
export async function listFleetAccounts(options: FleetReadOptions): Promise<FleetListing> {
  if (options.source.kind === "profiles") return listProfileAccounts(options.source.profiles, options);
  const found = await findAccounts(options);
  if (!found.ok) return found;
  const plan = planAccounts(found.accounts, options);
  if (!plan.ok) {
    throw new SesGuardError(plan.problems.map((message) => ({ code: "cli/invalid-role", message })));
  }
  return plan;
}

/** Reads every account of the source in its Regions; never throws for a fault in one account. */
export async function readFleetTargets(options: FleetReadOptions): Promise<TargetData[]> {
  const regions = await runRegions(options);
  const limit = createRequestLimiter(options.concurrency);
  const shared = common(options);
  if (options.source.kind === "profiles") {
    const { profiles } = options.source;
    const progress = progressTracker(profiles.length, regionCount(regions), options.onProgress);
    const read = await mapBounded(
      profiles,
      accountParallelism(options.concurrency, regions),
      (profile, index) =>
        readAwsTargets({
          ...shared,
          regions,
          profile,
          limit,
          onProgress: (done) => progress(index, done),
        }),
    );
    return read.flat();
  }
  const listing = await listFleetAccounts({ ...options, regions });
  // An error must land in some Region, or a run with nothing to read would report nothing at all.
  const named = regions === "all" ? allSesRegionNames() : regions;
  const everyRegion = named.length > 0 ? named : [UNKNOWN_REGION];
  if (!listing.ok) return discoveryFailedTargets(everyRegion, listing.error);
  // A shard reads only its own accounts: their shard depends on the id alone, so the jobs of a
  // matrix split the fleet between them without a shared list.
  const { shard } = options;
  const inThisShard = shard ? listing.accounts.filter((a) => inShard(a.id, shard)) : listing.accounts;
  if (inThisShard.length === 0) {
    // A run that checks nothing must not pass: an empty OU or an exclusion of every account is
    // far more likely a mistake than a fleet with nothing in it.
    return discoveryFailedTargets(everyRegion, {
      code: NO_ACCOUNTS,
      message: shard
        ? `Shard ${shard.index}/${shard.count} has no account of this source to read; nothing was checked`
        : "The account source has no account to read (after --exclude-accounts); nothing was checked",
      hint: "Check the --ou ids, the accounts file and --exclude-accounts; `ses-guard accounts` lists what a run would read.",
    });
  }

  const sts = callerSts(options, regions);
  let callerArn: Promise<string | undefined> | undefined;
  const callerPrincipal = () => {
    callerArn ??= sts
      .send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(timeoutMs(options)) })
      .then(
        (identity) => identity.Arn,
        () => undefined,
      );
    return callerArn;
  };
  const accounts = inThisShard;
  const progress = progressTracker(accounts.length, regionCount(regions), options.onProgress);
  try {
    const read = await mapBounded(
      accounts,
      accountParallelism(options.concurrency, regions),
      async (account, index) => {
        const accountRegions = account.regions ?? regions;
        const listed = accountRegions === "all" ? everyRegion : accountRegions;
        if (account.skipReason !== undefined) {
          progress(index, listed.length);
          return skippedTargets(account, listed, account.skipReason);
        }
        if (account.roleArn === undefined) {
          // The plan gives every account it does not skip a role; should one slip through, it is
          // an error for that account, never a silent omission.
          progress(index, listed.length);
          return failedTargets(account, listed, {
            code: ASSUME_ROLE_FAILED,
            message: `No role to assume in account ${account.id}`,
          });
        }
        const role: RoleToAssume = {
          roleArn: account.roleArn,
          sessionName: options.roleSessionName,
          ...(account.externalId !== undefined ? { externalId: account.externalId } : {}),
        };
        const credentials = roleCredentials(role, {
          sts,
          timeoutMs: timeoutMs(options),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        try {
          // Assumed here, once, so that a refusal is one clear error for the account; every Region
          // then shares these credentials (refreshed only if the run outlives them).
          await credentials();
        } catch (error) {
          progress(index, listed.length);
          const info: ErrorInfo = options.signal?.aborted
            ? { code: AwsErrorCode.aborted, message: `Interrupted before account ${account.id} was read` }
            : assumeRoleFailure(role, error, await callerPrincipal());
          return failedTargets(account, listed, info);
        }
        const targets = await readAwsTargets({
          ...shared,
          regions: accountRegions,
          credentials,
          limit,
          onProgress: (done) => progress(index, done),
        });
        return targets.map((target) => labelTarget(target, account));
      },
    );
    return read.flat();
  } finally {
    sts.destroy();
  }
}

function callerSts(options: FleetReadOptions, regions: string[] | "all"): STSClient {
  return new STSClient({
    region: callerRegion(regions),
    requestHandler: requestHandler(options),
    ...(options.callerProfile ? { profile: options.callerProfile } : {}),
  });
}

function common(options: FleetReadOptions) {
  return {
    // Read from the environment and the config files once for the whole fleet.
    knownSecrets: credentialMaterial(options.env, options.endpointUrl || undefined),
    timeoutSeconds: options.timeoutSeconds,
    env: options.env,
    concurrency: options.concurrency,
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.reputation ? { reputation: true } : {}),
  };
}
