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
import { SesGuardError, usageError } from "../errors.js";
import type { FleetAccount, PlannedAccount } from "../targets/fleet.js";
import { accountParallelism, progressTracker, regionCount } from "../targets/fleet-pacing.js";
import { planAccounts } from "../targets/fleet-plan.js";
import {
  discoveryFailedTargets,
  failedTargets,
  labelTarget,
  skippedTargets,
} from "../targets/fleet-targets.js";
import { allSesRegionNames, isOptInRegion } from "../targets/regions.js";
import type { ErrorInfo, TargetData } from "../types.js";
import { assumeRoleFailure, type RoleToAssume, roleCredentials } from "./assume-role.js";
import { AwsErrorCode } from "./aws-errors.js";
import { mapBounded } from "./bounded-map.js";
import { resolveDefaultRegion } from "./default-region.js";
import { readAwsTargets } from "./get-account.js";
import { createRequestLimiter } from "./request-limiter.js";

/** Where the accounts come from, with an accounts file already read. */
export type FleetSourceInput =
  | { kind: "profiles"; profiles: string[] }
  | { kind: "accounts"; accounts: FleetAccount[] }
  | { kind: "organization"; ous: string[] };

/** How to read a fleet (what run.ts passes in). */
export interface FleetReadOptions {
  source: FleetSourceInput;
  /** Regions named (--region), "all", or [] for the caller's default Region. */
  regions: string[] | "all";
  role?: string;
  externalId?: string;
  roleSessionName: string;
  excludeAccounts: string[];
  /** GetAccount requests in flight over the whole run. */
  concurrency: number;
  /** With a role-based source: the profile of the caller's credentials. */
  callerProfile?: string;
  endpointUrl?: string;
  timeoutSeconds: number;
  env: Record<string, string | undefined>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The accounts a role-based run would read, or why they could not be listed. */
export type FleetListing = { ok: true; accounts: PlannedAccount[] } | { ok: false; error: ErrorInfo };

/** The error code of a run whose account source named no account to read. */
export const NO_ACCOUNTS = "NoAccountsToRead";

/** The Region STS and Organizations are asked in when no named Region is surely enabled. */
const CALLER_REGION = "us-east-1";

/**
 * Lists (and plans) the accounts of a role-based source without reading SES; throws a usage error
 * (exit 2) when an account has no usable role. Discovery failures are returned, not thrown.
 */
export async function listFleetAccounts(options: FleetReadOptions): Promise<FleetListing> {
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
  if (options.source.kind === "profiles") {
    const { profiles } = options.source;
    const progress = progressTracker(profiles.length, regionCount(regions), options.onProgress);
    const read = await mapBounded(
      profiles,
      accountParallelism(options.concurrency, regions),
      (profile, index) =>
        readAwsTargets({
          ...common(options),
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
  if (listing.accounts.length === 0) {
    // A run that checks nothing must not pass: an empty OU or an exclusion of every account is
    // far more likely a mistake than a fleet with nothing in it.
    return discoveryFailedTargets(everyRegion, {
      code: NO_ACCOUNTS,
      message: "The account source has no account to read (after --exclude-accounts); nothing was checked",
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
  const accounts = listing.accounts;
  const progress = progressTracker(accounts.length, regionCount(regions), options.onProgress);
  try {
    const read = await mapBounded(
      accounts,
      accountParallelism(options.concurrency, regions),
      async (account, index) => {
        const accountRegions = account.regions ?? regions;
        const listed = accountRegions === "all" ? everyRegion : accountRegions;
        if (account.skipReason !== undefined || account.roleArn === undefined) {
          progress(index, listed.length);
          return skippedTargets(account, listed, account.skipReason ?? "not read");
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
          ...common(options),
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

async function findAccounts(
  options: FleetReadOptions,
): Promise<{ ok: true; accounts: FleetAccount[] } | { ok: false; error: ErrorInfo }> {
  const { source } = options;
  if (source.kind === "accounts") return { ok: true, accounts: source.accounts };
  if (source.kind === "profiles")
    throw usageError("cli/accounts-source", "profiles are read as they are; there is nothing to list");
  // Loaded only for --organization: other runs never pay for the Organizations client.
  const { createOrganizationsClient, discoverAccounts, discoveryFailure } = await import(
    "./organizations.js"
  );
  const client = createOrganizationsClient({
    requestHandler: requestHandler(options),
    ...(options.callerProfile ? { profile: options.callerProfile } : {}),
  });
  try {
    const accounts = await discoverAccounts(source.ous, {
      client,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { ok: true, accounts };
  } catch (error) {
    return { ok: false, error: discoveryFailure(error, source.ous) };
  } finally {
    client.destroy();
  }
}

/** The run's Regions, with the caller's default Region resolved once rather than per account. */
async function runRegions(options: FleetReadOptions): Promise<string[] | "all"> {
  if (options.regions === "all" || options.regions.length > 0 || options.source.kind === "profiles")
    return options.regions;
  if (options.source.kind === "accounts" && options.source.accounts.every((a) => a.regions !== undefined))
    return [];
  const fallback = await resolveDefaultRegion(options.env, options.callerProfile);
  if (!fallback) {
    throw usageError(
      "aws/no-region",
      "No AWS Region given. Name one with --region (e.g. --region us-east-1), read every SES Region with --all-regions, set AWS_REGION, or give each account regions in the accounts file.",
    );
  }
  return [fallback.region];
}

function callerSts(options: FleetReadOptions, regions: string[] | "all"): STSClient {
  const region = regions === "all" ? undefined : regions.find((r) => !isOptInRegion(r));
  return new STSClient({
    region: region ?? CALLER_REGION,
    requestHandler: requestHandler(options),
    ...(options.callerProfile ? { profile: options.callerProfile } : {}),
  });
}

function common(options: FleetReadOptions) {
  return {
    timeoutSeconds: options.timeoutSeconds,
    env: options.env,
    concurrency: options.concurrency,
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

function timeoutMs(options: FleetReadOptions): number {
  return Math.round(options.timeoutSeconds * 1000);
}

function requestHandler(options: FleetReadOptions) {
  const ms = timeoutMs(options);
  return { connectionTimeout: ms, requestTimeout: ms, socketTimeout: ms, throwOnRequestTimeout: true };
}
