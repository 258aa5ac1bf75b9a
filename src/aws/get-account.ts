/**
 * Reads live accounts: SES v2 GetAccount in every requested Region, plus the account id from STS.
 * Only src/aws/ imports the AWS SDK; the CLI loads it lazily (through live.ts) so the offline path
 * (`--input`, `validate`) never pays for it.
 *
 * It never throws for a fault in a Region: each fault becomes a target with status `error` (or
 * `skipped` for an opt-in Region that `--all-regions` found disabled), so the report can show it
 * and the run can fail closed with exit 3 while the other Regions are still evaluated.
 */
import type { TargetData } from "../types.js";
import { classifyCredentialsError } from "./aws-errors.js";
import { deadlineSignal } from "./cancellation.js";
import { createCredentialLog } from "./credential-log.js";
import { credentialMaterial } from "./credential-material.js";
import { readAccountRegions } from "./read-account-regions.js";
import { retrySettings, runDeadlineMs } from "./read-settings.js";
import { resolveRegions, stsRegion } from "./region-requests.js";
import type { RequestLimiter } from "./request-limiter.js";
import { type ClientSettings, createStsClient } from "./sdk-clients.js";
import { quietSdkVersionNotice } from "./sdk-notices.js";

export { regionDeadlineMs, runDeadlineMs } from "./read-settings.js";

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
  /** Also read the `$reputation.*` facts from CloudWatch for every readable target. */
  reputation?: boolean;
  /** Credentials to read with instead of the default chain or `profile` (an assumed role's). */
  credentials?: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
  /** Bounds GetAccount requests across several calls (a fleet's `--concurrency`). */
  limit?: RequestLimiter;
  /** The credential material to keep out of every message (credentialMaterial), when the caller
   * has it already: a fleet reads the config files once, not once per account. */
  knownSecrets?: string[];
}

/** Above the number of SES Regions, so `--all-regions` is read in one wave; still a bound. */
const DEFAULT_CONCURRENCY = 32;

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
  const profile = options.profile || undefined;
  const requests = await resolveRegions(options.regions, options.env, profile);

  const total = requests.length;
  let done = 0;
  const progress = () => options.onProgress?.(done, total);
  progress();

  const settings: ClientSettings = {
    profile,
    retry,
    timeoutMs: Math.round(timeoutSeconds * 1000),
    endpointUrl: options.endpointUrl || undefined,
  };
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  // The whole read has a deadline too, so that no fault (a credential source, a config file or a
  // connection that never answers, in any step) can keep a run from ending.
  const runDeadline = deadlineSignal(
    runDeadlineMs(settings.timeoutMs, retry.maxAttempts, total, concurrency),
  );
  // This STS client's credential chain is the one shared by every client; its logger keeps the
  // reasons the chain gives, which its final error leaves out.
  // What grants access and is known before any request: never printed, whatever echoes it.
  const material = options.knownSecrets ?? credentialMaterial(options.env, settings.endpointUrl);
  const credentialLog = createCredentialLog((message) => console.warn(message), material);
  const sts = createStsClient(settings, stsRegion(requests), {
    logger: credentialLog.logger,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  try {
    return await readAccountRegions({
      credentials: sts.config.credentials,
      // The client of the credential chain asks GetCallerIdentity too: one STS client per account.
      sts,
      regions: requests,
      settings,
      timeoutSeconds,
      concurrency,
      reputation: options.reputation,
      knownSecrets: material,
      limit: options.limit,
      signal: options.signal,
      runDeadline: runDeadline.signal,
      describeCredentialsError: (error) => {
        const profileInUse = profile ?? options.env.AWS_PROFILE;
        return classifyCredentialsError(
          error,
          profileInUse,
          credentialLog.reason(profileInUse !== undefined),
          material,
        );
      },
      onRegionsDone: (count) => {
        done = Math.min(total, done + count);
        progress();
      },
    });
  } finally {
    runDeadline.dispose();
    sts.destroy();
  }
}
