/**
 * Reads live accounts: SES v2 GetAccount in every requested Region, plus the account id from STS.
 * This is the only module that imports the AWS SDK; the CLI loads it lazily so the offline path
 * (`--input`, `validate`) never pays for it.
 *
 * It never throws for a fault in a Region: each fault becomes a target with status `error` (or
 * `skipped` for an opt-in Region that `--all-regions` found disabled), so the report can show it
 * and the run can fail closed with exit 3 while the other Regions are still evaluated.
 */
import { GetAccountCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { accountShapeProblem } from "../account/account-shape.js";
import { usageError } from "../errors.js";
import { isValidRegionName } from "../targets/region-names.js";
import { allSesRegionNames, isOptInRegion } from "../targets/regions.js";
import type { ErrorInfo, TargetData } from "../types.js";
import {
  AwsErrorCode,
  classifyAwsError,
  classifyCredentialsError,
  malformedResponseHint,
  redactSecretsIn,
} from "./aws-errors.js";
import { mapBounded } from "./bounded-map.js";
import { deadlineSignal, linkSignals, raceAbort } from "./cancellation.js";
import { createCredentialLog } from "./credential-log.js";
import { resolveDefaultRegion } from "./default-region.js";
import { quietSdkVersionNotice } from "./sdk-notices.js";

quietSdkVersionNotice();

/** How to read the live accounts (what the CLI and the Action pass in). */
export interface AwsReadOptions {
  /** Regions the user named (--region a,b), "all" for --all-regions, or [] to resolve from AWS_REGION / AWS_DEFAULT_REGION / the profile's region. */
  regions: string[] | "all";
  /** --profile. */
  profile?: string;
  /** --endpoint-url (AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL are honoured by the SDK itself). */
  endpointUrl?: string;
  /** Per-request deadline (--timeout); default chosen by the CLI: 10. */
  timeoutSeconds: number;
  /** The environment; read instead of process.env wherever ses-guard reads it itself. */
  env: Record<string, string | undefined>;
  /** How many Regions are read at once (default 32: every SES Region in one wave). */
  concurrency?: number;
  /** Called with the number of Regions done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborts everything promptly (SIGINT); unfinished Regions come back as `aws/aborted` errors. */
  signal?: AbortSignal;
}

/** Above the number of SES Regions, so `--all-regions` is read in one wave; still a bound. */
const DEFAULT_CONCURRENCY = 32;
/** The SDK's own default for standard retries: one try and two retries. */
const DEFAULT_MAX_ATTEMPTS = 3;
/** STS for the account id when every named Region is opt-in: us-east-1 is enabled for every account. */
const FALLBACK_STS_REGION = "us-east-1";

interface RegionRequest {
  region: string;
  /** True when the Region came from --all-regions rather than from the user. */
  fromAllRegions: boolean;
}

interface RetrySettings {
  maxAttempts: number;
  retryMode: "standard" | "adaptive";
}

interface CallerIdentity {
  accountId: string | null;
  /** STS answered: the credentials are valid. */
  ok: boolean;
  /** STS rejected the credentials themselves. */
  tokenRejected: boolean;
  /** Why the account id is unknown, for the report; absent when STS told it. */
  unknownReason?: string;
}

/**
 * Reads GetAccount for every Region; never throws for a fault in a Region (it becomes a TargetData
 * with status "error" or "skipped"). Throws SesGuardError (exit 2) only for an invalid invocation:
 * `aws/no-region` when no Region can be resolved at all, `aws/invalid-config` for an unusable
 * AWS_MAX_ATTEMPTS or AWS_RETRY_MODE. `timeoutSeconds` and `endpointUrl` are taken as given:
 * the CLI checks --timeout and --endpoint-url when it parses them.
 *
 * The SDK's own providers (credential chain, AWS_ENDPOINT_URL*, AWS_PROFILE when no profile is
 * given) read `process.env`; the CLI passes `process.env` as `env`, so both agree.
 */
export async function readAwsTargets(options: AwsReadOptions): Promise<TargetData[]> {
  const retry = retrySettings(options.env);
  const { timeoutSeconds } = options;
  const endpointUrl = options.endpointUrl || undefined;
  const profile = options.profile || undefined;
  const requests = await resolveRegions(options.regions, options.env, profile);

  const total = requests.length;
  let done = 0;
  const progress = () => options.onProgress?.(done, total);
  progress();

  const timeoutMs = Math.round(timeoutSeconds * 1000);
  const deadlineMs = regionDeadlineMs(timeoutMs, retry.maxAttempts);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  // The whole read has a deadline too, so that no fault (a credential source, a config file or a
  // connection that never answers, in any step) can keep a run from ending.
  const runDeadline = deadlineSignal(runDeadlineMs(timeoutMs, retry.maxAttempts, total, concurrency));
  // One handler configuration for every client: each attempt gets --timeout to connect, to see the
  // response headers, and as the longest silence while the body streams in.
  const requestHandler = {
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    throwOnRequestTimeout: true,
  };
  const common = { profile, maxAttempts: retry.maxAttempts, retryMode: retry.retryMode, requestHandler };
  // The STS client's credential chain is the one shared by every client; its logger keeps the
  // reasons the chain gives, which its final error leaves out.
  const credentialLog = createCredentialLog((message) => console.warn(message));
  const sts = new STSClient({ ...common, region: stsRegion(requests), logger: credentialLog.logger });
  const failAll = (error: ErrorInfo): TargetData[] => {
    done = total;
    progress();
    return requests.map(({ region }) => ({ region, accountId: null, status: "error", error }));
  };

  try {
    // Resolve credentials once for the whole run: one SSO/assume-role/IMDS round trip instead of
    // one per Region, and one clear error instead of the same error in every Region.
    const credentials = sts.config.credentials;
    const secrets: string[] = [];
    const resolveDeadline = deadlineSignal(deadlineMs);
    const resolving = linkSignals([options.signal, resolveDeadline.signal, runDeadline.signal]);
    try {
      const identity = await raceAbort(credentials(), resolving.signal);
      secrets.push(identity.secretAccessKey);
      if (identity.sessionToken) secrets.push(identity.sessionToken);
    } catch (error) {
      if (options.signal?.aborted) {
        return failAll({
          code: AwsErrorCode.aborted,
          message: "Interrupted while resolving AWS credentials",
        });
      }
      if (resolving.signal.aborted) {
        return failAll({
          code: AwsErrorCode.timeout,
          message: `Resolving AWS credentials took longer than ${Math.round(deadlineMs / 1000)} s`,
          hint: "Check the credential source (SSO, web identity, container or instance metadata) and the network path to it.",
        });
      }
      const profileInUse = profile ?? options.env.AWS_PROFILE;
      return failAll(
        classifyCredentialsError(error, profileInUse, credentialLog.reason(profileInUse !== undefined)),
      );
    } finally {
      resolving.dispose();
      resolveDeadline.dispose();
    }

    const context: RegionContext = {
      credentials,
      common,
      endpointUrl,
      timeoutSeconds,
      deadlineMs,
      secrets,
      signal: options.signal,
      runDeadline: runDeadline.signal,
    };
    const callerIdentity = readCallerIdentity(sts, context);
    const targets = await mapBounded(requests, concurrency, async (request) => {
      const target = await readRegion(request.region, context);
      done += 1;
      progress();
      return target;
    });
    return settleTargets(requests, targets, await callerIdentity);
  } finally {
    runDeadline.dispose();
    sts.destroy();
  }
}

interface RegionContext {
  credentials: STSClient["config"]["credentials"];
  common: { profile: string | undefined; maxAttempts: number; retryMode: string; requestHandler: object };
  endpointUrl: string | undefined;
  timeoutSeconds: number;
  deadlineMs: number;
  secrets: string[];
  /** The user's interrupt (SIGINT, SIGTERM). */
  signal: AbortSignal | undefined;
  /** Aborts when the deadline of the whole read passes. */
  runDeadline: AbortSignal;
}

/** Reads one Region; every outcome is a TargetData. */
async function readRegion(region: string, context: RegionContext): Promise<TargetData> {
  const base = { region, accountId: null };
  if (!isValidRegionName(region)) {
    return {
      ...base,
      status: "error",
      error: {
        code: AwsErrorCode.invalidRegion,
        message: `"${region}" is not a Region code (expected something like us-east-1)`,
        hint: "Region codes are lowercase letters, digits and dashes; see --all-regions for the SES Regions.",
      },
    };
  }
  const errorContext = {
    region,
    timeoutSeconds: context.timeoutSeconds,
    secrets: context.secrets,
    ...(context.endpointUrl ? { endpointUrl: context.endpointUrl } : {}),
  };
  if (context.signal?.aborted || context.runDeadline.aborted) {
    const aborted = context.signal?.aborted === true;
    return {
      ...base,
      status: "error",
      error: classifyAwsError(undefined, { ...errorContext, aborted, deadlineExceeded: !aborted }),
    };
  }
  const deadline = deadlineSignal(context.deadlineMs);
  const linked = linkSignals([context.signal, deadline.signal, context.runDeadline]);
  const client = new SESv2Client({
    ...context.common,
    region,
    credentials: context.credentials,
    ...(context.endpointUrl ? { endpoint: context.endpointUrl } : {}),
  });
  try {
    const output = await raceAbort(
      client.send(new GetAccountCommand({}), { abortSignal: linked.signal }),
      linked.signal,
    );
    const { $metadata: _metadata, ...account } = output;
    const problem = accountShapeProblem(account);
    if (problem) {
      return {
        ...base,
        status: "error",
        error: {
          code: AwsErrorCode.malformedResponse,
          message: `SES answered GetAccount in ${region} with something that is not account data: ${problem}`,
          hint: malformedResponseHint(context.endpointUrl),
        },
      };
    }
    // The shape check above bounds the depth, so this walk cannot recurse too deep.
    return {
      ...base,
      status: "ok",
      account: redactSecretsIn(account as Record<string, unknown>, context.secrets),
    };
  } catch (error) {
    const aborted = context.signal?.aborted === true;
    return {
      ...base,
      status: "error",
      error: classifyAwsError(error, {
        ...errorContext,
        aborted,
        deadlineExceeded: !aborted && (deadline.signal.aborted || context.runDeadline.aborted),
      }),
    };
  } finally {
    linked.dispose();
    deadline.dispose();
    client.destroy();
  }
}

/** Asks STS who the credentials belong to; never rejects. */
async function readCallerIdentity(sts: STSClient, context: RegionContext): Promise<CallerIdentity> {
  const deadline = deadlineSignal(context.deadlineMs);
  const linked = linkSignals([context.signal, deadline.signal, context.runDeadline]);
  try {
    const output = await raceAbort(
      sts.send(new GetCallerIdentityCommand({}), { abortSignal: linked.signal }),
      linked.signal,
    );
    const accountId =
      typeof output.Account === "string" && /^\d{12}$/.test(output.Account) ? output.Account : null;
    return accountId === null
      ? {
          accountId,
          ok: true,
          tokenRejected: false,
          unknownReason: "STS GetCallerIdentity returned no account id",
        }
      : { accountId, ok: true, tokenRejected: false };
  } catch (error) {
    const info = classifyAwsError(error, {
      region: "sts",
      timeoutSeconds: context.timeoutSeconds,
      secrets: [],
    });
    return {
      accountId: null,
      ok: false,
      tokenRejected: info.code === AwsErrorCode.invalidToken,
      unknownReason: `STS GetCallerIdentity failed: ${info.message}`,
    };
  } finally {
    linked.dispose();
    deadline.dispose();
  }
}

/**
 * Adds the account id and decides what a rejected token in an opt-in Region means. AWS answers a
 * call into an opt-in Region the account has not enabled exactly as it answers an invalid token
 * ("The security token included in the request is invalid"). It is a disabled Region only when
 * the same credentials demonstrably work elsewhere (STS or another Region answered) and were not
 * rejected outside opt-in Regions; otherwise it stays an invalid-token error, so a bad token is
 * never hidden.
 */
function settleTargets(
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

/** Turns the requested Regions into a list, falling back to the default Region. */
async function resolveRegions(
  regions: string[] | "all",
  env: Record<string, string | undefined>,
  profile: string | undefined,
): Promise<RegionRequest[]> {
  if (regions === "all") return allSesRegionNames().map((region) => ({ region, fromAllRegions: true }));
  const named = [...new Set(regions.map((region) => region.trim()).filter((region) => region !== ""))];
  if (named.length > 0) return named.map((region) => ({ region, fromAllRegions: false }));
  const fallback = await resolveDefaultRegion(env, profile);
  if (!fallback) {
    throw usageError(
      "aws/no-region",
      `No AWS Region given. Name one with --region (e.g. --region us-east-1, or several: --region us-east-1,eu-west-1), ` +
        `read every SES Region with --all-regions, set AWS_REGION, or set a region in the ${profile ? `"${profile}" ` : ""}profile ` +
        `(aws configure set region us-east-1${profile ? ` --profile ${profile}` : ""}).`,
    );
  }
  return [{ region: fallback.region, fromAllRegions: false }];
}

/** AWS_MAX_ATTEMPTS and AWS_RETRY_MODE as the SDK documents them, with standard retries by default. */
function retrySettings(env: Record<string, string | undefined>): RetrySettings {
  const rawAttempts = env.AWS_MAX_ATTEMPTS?.trim();
  let maxAttempts = DEFAULT_MAX_ATTEMPTS;
  if (rawAttempts) {
    maxAttempts = Number(rawAttempts);
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 20) {
      throw usageError(
        "aws/invalid-config",
        `AWS_MAX_ATTEMPTS must be a whole number from 1 to 20, got "${rawAttempts}".`,
      );
    }
  }
  const rawMode = env.AWS_RETRY_MODE?.trim().toLowerCase();
  let retryMode: RetrySettings["retryMode"] = "standard";
  if (rawMode === "adaptive") retryMode = "adaptive";
  // "legacy" is an AWS CLI v1 mode; the JavaScript SDK's nearest is standard.
  else if (rawMode && rawMode !== "standard" && rawMode !== "legacy") {
    throw usageError(
      "aws/invalid-config",
      `AWS_RETRY_MODE must be standard or adaptive, got "${env.AWS_RETRY_MODE}".`,
    );
  }
  return { maxAttempts, retryMode };
}

/**
 * The most a Region may take in all: every attempt at its full timeout plus the longest backoff
 * the standard strategy can sleep between them (throttling base 500 ms doubling, capped at 20 s,
 * plus up to 5 s for a Retry-After hint). A safety net: attempts normally end far sooner.
 */
export function regionDeadlineMs(timeoutMs: number, maxAttempts: number): number {
  let backoff = 0;
  for (let retry = 0; retry < maxAttempts - 1; retry += 1)
    backoff += Math.min(20_000, 500 * 2 ** retry) + 5_000;
  return timeoutMs * maxAttempts + backoff;
}

/**
 * The most the whole live read may take: finding the credentials, then every wave of Regions
 * (`concurrency` at a time) at its own deadline, plus a second of slack. Each step has its own
 * deadline already; this one holds whatever a step fails to bound, so no fault can keep a run
 * going. With the defaults (--timeout 10, 3 attempts, every Region in one wave) it is 84 s.
 */
export function runDeadlineMs(
  timeoutMs: number,
  maxAttempts: number,
  regionCount: number,
  concurrency: number,
): number {
  const region = regionDeadlineMs(timeoutMs, maxAttempts);
  const waves = Math.max(1, Math.ceil(regionCount / Math.max(1, Math.floor(concurrency) || 1)));
  return region + waves * region + 1_000;
}

/** The Region to ask STS in: the first named Region that is surely enabled. */
function stsRegion(requests: readonly RegionRequest[]): string {
  const usable = requests.find(({ region }) => isValidRegionName(region) && !isOptInRegion(region));
  return usable?.region ?? FALLBACK_STS_REGION;
}
