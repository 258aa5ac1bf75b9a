/**
 * Reads every requested Region of one account with one credentials provider: resolves the
 * credentials once, reads the Regions in parallel (bounded), asks STS for the account id, and
 * settles what rejected tokens in opt-in Regions mean. The single-account live read uses it with
 * the default credential chain; a fleet read can call it once per account with that account's
 * (assumed-role) credentials.
 */
import type { STSClient } from "@aws-sdk/client-sts";
import type { ErrorInfo, TargetData } from "../types.js";
import { AwsErrorCode, classifyCredentialsError } from "./aws-errors.js";
import { mapBounded } from "./bounded-map.js";
import { readCallerIdentity } from "./caller-identity.js";
import { deadlineSignal, linkSignals, raceAbort } from "./cancellation.js";
import { withReputation } from "./cloudwatch.js";
import { settleTargets } from "./opt-in-regions.js";
import { readRegion } from "./read-region.js";
import { regionDeadlineMs } from "./read-settings.js";
import { type RegionRequest, stsRegion } from "./region-requests.js";
import type { RequestLimiter } from "./request-limiter.js";
import {
  type ClientSettings,
  type CredentialsProvider,
  commonClientOptions,
  createStsClient,
} from "./sdk-clients.js";

/** One account's read. */
export interface AccountRegionsOptions {
  /** The account's credentials: the default chain, or an assumed role's. */
  credentials: CredentialsProvider;
  /** The Regions to read, in report order. */
  regions: readonly RegionRequest[];
  settings: ClientSettings;
  /** --timeout as given, for messages. */
  timeoutSeconds: number;
  /** How many Regions are read at once. */
  concurrency: number;
  /** The user's interrupt (SIGINT, SIGTERM). */
  signal?: AbortSignal | undefined;
  /** Aborts when the deadline of the whole read passes (shared by every account of a run). */
  runDeadline: AbortSignal;
  /** Says why the credentials could not be resolved (default: the generic classification). */
  describeCredentialsError?: (error: unknown) => ErrorInfo;
  /** Also read the `$reputation.*` facts from CloudWatch for every readable target. */
  reputation?: boolean | undefined;
  /** Credential material known before any request, kept out of every message. */
  knownSecrets?: readonly string[] | undefined;
  /** Bounds GetAccount requests across several accounts (a fleet's `--concurrency`). */
  limit?: RequestLimiter | undefined;
  /** Called each time Regions finish, with how many just did. */
  onRegionsDone?: (count: number) => void;
  /** The STS client whose chain `credentials` is, to ask GetCallerIdentity with (one is made when absent). */
  sts?: STSClient;
}

/**
 * Reads GetAccount in every Region of one account; never throws for a fault (each becomes a target
 * with status "error" or "skipped"). A failure to resolve the credentials is an error target in
 * every Region, with one clear cause.
 */
export async function readAccountRegions(options: AccountRegionsOptions): Promise<TargetData[]> {
  const { credentials, regions, settings, timeoutSeconds } = options;
  const deadlineMs = regionDeadlineMs(settings.timeoutMs, settings.retry.maxAttempts);
  const failAll = (error: ErrorInfo): TargetData[] => {
    options.onRegionsDone?.(regions.length);
    return regions.map(({ region }) => ({ region, accountId: null, status: "error", error }));
  };

  // Resolve credentials once for the account: one SSO/assume-role/IMDS round trip instead of one
  // per Region, and one clear error instead of the same error in every Region.
  const secrets: string[] = [...(options.knownSecrets ?? [])];
  const resolveDeadline = deadlineSignal(deadlineMs);
  const resolving = linkSignals([options.signal, resolveDeadline.signal, options.runDeadline]);
  try {
    const identity = await raceAbort(credentials(), resolving.signal);
    secrets.push(identity.secretAccessKey);
    if (identity.sessionToken) secrets.push(identity.sessionToken);
  } catch (error) {
    if (options.signal?.aborted) {
      return failAll({ code: AwsErrorCode.aborted, message: "Interrupted while resolving AWS credentials" });
    }
    if (resolving.signal.aborted) {
      return failAll({
        code: AwsErrorCode.timeout,
        message: `Resolving AWS credentials took longer than ${Math.round(deadlineMs / 1000)} s`,
        hint: "Check the credential source (SSO, web identity, container or instance metadata) and the network path to it.",
      });
    }
    return failAll((options.describeCredentialsError ?? classifyCredentialsError)(error));
  } finally {
    resolving.dispose();
    resolveDeadline.dispose();
  }

  const context = {
    credentials,
    settings,
    timeoutSeconds,
    deadlineMs,
    secrets,
    signal: options.signal,
    runDeadline: options.runDeadline,
  };
  const sts = options.sts ?? createStsClient(settings, stsRegion(regions), { credentials });
  try {
    const callerIdentity = readCallerIdentity(sts, context);
    const targets = await mapBounded(regions, options.concurrency, async (request) => {
      const readOne = () => readRegion(request.region, context);
      const read = await (options.limit ? options.limit(readOne) : readOne());
      const target = options.reputation
        ? await withReputation(read, { ...context, clientConfig: commonClientOptions(settings) })
        : read;
      options.onRegionsDone?.(1);
      return target;
    });
    return settleTargets(regions, targets, await callerIdentity);
  } finally {
    // Only the client made here: a given one is its caller's.
    if (!options.sts) sts.destroy();
  }
}
