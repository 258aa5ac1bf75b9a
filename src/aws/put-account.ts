/**
 * Applies the calls of a fix plan: the SES v2 account Put* operations, through the real
 * @aws-sdk/client-sesv2 commands. Targets are applied in parallel within the concurrency limit;
 * the calls of one target run one after the other, in the plan's order. Every call ends as
 * applied, failed (with the AWS error, secrets removed) or not started: after `stop` aborts, no
 * new call starts, while a call already sent is left to finish so its outcome is known.
 * PutAccountDetails is not among the commands here: ses-guard never starts an AWS review.
 */
import {
  PutAccountDedicatedIpWarmupAttributesCommand,
  PutAccountDeliveryAttributesCommand,
  PutAccountSendingAttributesCommand,
  PutAccountSuppressionAttributesCommand,
  PutAccountVdmAttributesCommand,
  SESv2Client,
} from "@aws-sdk/client-sesv2";
import type { CallOutcome } from "../fix/plan-types.js";
import type { FixOperation } from "../fix/settable.js";
import type { ErrorInfo } from "../types.js";
import { AwsErrorCode, classifyAwsError, classifyCredentialsError, redactSecrets } from "./aws-errors.js";
import { nodeHandlerOptions } from "./bounded-http-handler.js";
import { mapBounded } from "./bounded-map.js";
import { deadlineSignal, raceAbort } from "./cancellation.js";
import { retrySettings } from "./read-settings.js";

/** The credentials of one account of a fleet, and how to explain a failure to get them. */
export interface TargetAccess {
  credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
  describeFailure: (error: unknown) => ErrorInfo;
}

/** The calls to make in one target. */
export interface ApplyTarget {
  region: string;
  calls: ReadonlyArray<{ operation: FixOperation; input: Record<string, unknown> }>;
  /** The account's own credentials (a fleet); absent: the run's credential chain. */
  access?: TargetAccess;
}

/** How to apply (the same connection settings as the read). */
export interface ApplyOptions {
  targets: readonly ApplyTarget[];
  profile?: string;
  endpointUrl?: string;
  timeoutSeconds: number;
  env: Record<string, string | undefined>;
  /** Targets applied at once (default 32). */
  concurrency?: number;
  /** Once aborted, no new call is started. */
  stop?: AbortSignal;
  /** Called as each call settles, so an interrupted run can still say what was done. */
  onOutcome?: (targetIndex: number, callIndex: number, outcome: CallOutcome) => void;
}

type AnyCommand = new (input: never) => Parameters<SESv2Client["send"]>[0];

const COMMANDS: Record<FixOperation, AnyCommand> = {
  PutAccountSendingAttributes: PutAccountSendingAttributesCommand as unknown as AnyCommand,
  PutAccountDedicatedIpWarmupAttributes:
    PutAccountDedicatedIpWarmupAttributesCommand as unknown as AnyCommand,
  PutAccountSuppressionAttributes: PutAccountSuppressionAttributesCommand as unknown as AnyCommand,
  PutAccountVdmAttributes: PutAccountVdmAttributesCommand as unknown as AnyCommand,
  PutAccountDeliveryAttributes: PutAccountDeliveryAttributesCommand as unknown as AnyCommand,
};

const DEFAULT_CONCURRENCY = 32;

/** Makes every call; returns one outcome per call, per target, in the order given. */
export async function applyAccountCalls(options: ApplyOptions): Promise<CallOutcome[][]> {
  // Checked when the accounts were read, before any plan was made.
  const { maxAttempts } = retrySettings(options.env);
  const timeoutMs = Math.round(options.timeoutSeconds * 1000);
  const requestHandler = nodeHandlerOptions(timeoutMs);
  const common = {
    profile: options.profile || undefined,
    maxAttempts,
    requestHandler,
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
  };
  const first = options.targets.find((target) => target.access === undefined);
  const secrets: string[] = [];
  let credentials: TargetAccess["credentials"] | undefined;
  let credentialsFailure: ErrorInfo | undefined;
  if (first) {
    // One credential chain for every Region, resolved once: one clear error instead of one per call.
    const base = new SESv2Client({ ...common, region: first.region });
    credentials = base.config.credentials;
    try {
      const identity = await credentials();
      secrets.push(identity.secretAccessKey);
      if (identity.sessionToken) secrets.push(identity.sessionToken);
    } catch (error) {
      credentialsFailure = classifyCredentialsError(error, options.profile ?? options.env.AWS_PROFILE);
    }
    base.destroy();
  }

  // Each attempt at its full timeout plus the longest backoff between attempts: a safety net
  // so that no call can keep the run from ending.
  const deadlineMs = timeoutMs * maxAttempts + 25_000 * (maxAttempts - 1);
  return mapBounded(options.targets, options.concurrency ?? DEFAULT_CONCURRENCY, async (target, t) => {
    const failAll = (error: ErrorInfo) =>
      target.calls.map((_call, c) => settle(options, t, c, { status: "failed", error }));
    const skipAll = () => target.calls.map((_call, c) => settle(options, t, c, { status: "not-started" }));
    let targetCredentials = credentials;
    if (options.stop?.aborted) return skipAll();
    if (target.access) {
      // Shared by the account's Regions: its role is assumed once, whichever Region asks first.
      try {
        const identity = await target.access.credentials();
        secrets.push(identity.secretAccessKey);
        if (identity.sessionToken) secrets.push(identity.sessionToken);
        targetCredentials = target.access.credentials;
      } catch (error) {
        // Interrupted while the role was being assumed: no call of this target was made.
        if (options.stop?.aborted) return skipAll();
        return failAll(target.access.describeFailure(error));
      }
    } else if (credentialsFailure || !targetCredentials) {
      return failAll(credentialsFailure ?? { code: AwsErrorCode.noCredentials, message: "No credentials" });
    }
    const client = new SESv2Client({ ...common, region: target.region, credentials: targetCredentials });
    const outcomes: CallOutcome[] = [];
    try {
      for (const [c, call] of target.calls.entries()) {
        if (options.stop?.aborted) {
          outcomes.push(settle(options, t, c, { status: "not-started" }));
          continue;
        }
        const deadline = deadlineSignal(deadlineMs);
        try {
          const Command = COMMANDS[call.operation];
          await raceAbort(
            client.send(new Command(call.input as never), { abortSignal: deadline.signal }),
            deadline.signal,
          );
          outcomes.push(settle(options, t, c, { status: "applied" }));
        } catch (error) {
          const context = {
            region: target.region,
            timeoutSeconds: options.timeoutSeconds,
            secrets,
            deadlineExceeded: deadline.signal.aborted,
            ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
          };
          const info = describePutError(error, call.operation, context);
          outcomes.push(settle(options, t, c, { status: "failed", error: info }));
        } finally {
          deadline.dispose();
        }
      }
    } finally {
      client.destroy();
    }
    return outcomes;
  });
}

function settle(options: ApplyOptions, t: number, c: number, outcome: CallOutcome): CallOutcome {
  options.onOutcome?.(t, c, outcome);
  return outcome;
}

/**
 * The read path's classification, worded for the call that failed; access denied names the
 * write permission it needs.
 */
export function describePutError(
  error: unknown,
  operation: FixOperation,
  context: Parameters<typeof classifyAwsError>[1],
): ErrorInfo {
  const info = classifyAwsError(error, context);
  const reword = (text: string) =>
    redactSecrets(
      text.replaceAll("GetAccount", operation).replace("while reading", "while writing"),
      context.secrets,
    );
  const described: ErrorInfo = { code: info.code, message: reword(info.message) };
  if (info.code === AwsErrorCode.accessDenied) {
    described.hint = `Allow the IAM action ses:${operation} for the identity ses-guard runs as (docs/fixing.md lists the policy for applying fixes).`;
  } else if (info.hint) {
    described.hint = reword(info.hint);
  }
  return described;
}
