/**
 * STS AssumeRole into each account of a fleet, from the caller's credentials: once per account
 * (the credentials are shared by all of its Regions and refreshed before they expire), with
 * throttled calls retried after a growing, jittered pause, and a failure explained in terms of
 * what the role's trust policy and the caller's permissions must allow.
 */

import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import type { ErrorInfo } from "../types.js";
import { firstLineSummary } from "./aws-error-shape.js";
import { type ExpiringCredentials, refreshingCredentials } from "./refreshing-credentials.js";

/** The error code of a target whose account's role could not be assumed. */
export const ASSUME_ROLE_FAILED = "AssumeRoleFailed";

/** Attempts at one AssumeRole while STS keeps throttling (each attempt also has the SDK's own retries). */
export const ASSUME_ROLE_ATTEMPTS = 6;

/** The role one account is read through. */
export interface RoleToAssume {
  roleArn: string;
  externalId?: string;
  sessionName: string;
}

/** What assuming roles needs besides the role: the caller's STS client and how to wait. */
export interface AssumeRoleContext {
  sts: STSClient;
  signal?: AbortSignal;
  /** Waits between throttled attempts; replaced in tests of the backoff. */
  sleep?: (ms: number) => Promise<void>;
  /** Per-call deadline in milliseconds. */
  timeoutMs: number;
}

const THROTTLING = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "TooManyRequestsException",
  "PriorRequestNotComplete",
]);

/** True when STS said "slow down" rather than "no". */
export function isThrottlingError(error: unknown): boolean {
  const candidate = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | undefined;
  return (
    (typeof candidate?.name === "string" && THROTTLING.has(candidate.name)) ||
    candidate?.$metadata?.httpStatusCode === 429
  );
}

/** The pause before throttled attempt `attempt + 1`: 1 s doubling to at most 20 s, half of it random. */
export function throttleBackoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(20_000, 1_000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** A credential provider for `role`: assumes it on first use, again only when the credentials near expiry. */
export function roleCredentials(
  role: RoleToAssume,
  context: AssumeRoleContext,
): () => Promise<ExpiringCredentials> {
  return refreshingCredentials(() => assumeRole(role, context));
}

async function assumeRole(role: RoleToAssume, context: AssumeRoleContext): Promise<ExpiringCredentials> {
  const sleep = context.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt += 1) {
    try {
      const signal = context.signal
        ? AbortSignal.any([context.signal, AbortSignal.timeout(context.timeoutMs)])
        : AbortSignal.timeout(context.timeoutMs);
      const output = await context.sts.send(
        new AssumeRoleCommand({
          RoleArn: role.roleArn,
          RoleSessionName: role.sessionName,
          ...(role.externalId !== undefined ? { ExternalId: role.externalId } : {}),
        }),
        { abortSignal: signal },
      );
      const issued = output.Credentials;
      if (!issued?.AccessKeyId || !issued.SecretAccessKey) {
        throw Object.assign(new Error("STS answered AssumeRole without credentials"), {
          name: "MalformedResponse",
        });
      }
      return {
        accessKeyId: issued.AccessKeyId,
        secretAccessKey: issued.SecretAccessKey,
        ...(issued.SessionToken ? { sessionToken: issued.SessionToken } : {}),
        ...(issued.Expiration instanceof Date ? { expiration: issued.Expiration } : {}),
      };
    } catch (error) {
      if (!isThrottlingError(error) || attempt + 1 >= ASSUME_ROLE_ATTEMPTS || context.signal?.aborted)
        throw error;
      await sleep(throttleBackoffMs(attempt));
    }
  }
}

/**
 * The error of every target of an account whose role could not be assumed: the role ARN, what STS
 * said, and what must be true for it to work. `caller` is the caller's principal ARN, when known.
 */
export function assumeRoleFailure(role: RoleToAssume, error: unknown, caller: string | undefined): ErrorInfo {
  const what = firstLineSummary(error);
  const who = caller ?? "the caller's credentials";
  const condition =
    role.externalId !== undefined
      ? " with the condition sts:ExternalId equal to the --external-id given"
      : "";
  return {
    code: ASSUME_ROLE_FAILED,
    message:
      `Could not assume role ${role.roleArn} (${what}). ` +
      `The role's trust policy must allow sts:AssumeRole by ${who}${condition}, ` +
      `the caller's permissions must allow sts:AssumeRole on ${role.roleArn}, ` +
      "and the role's permissions must allow ses:GetAccount",
    hint: `Check that the role exists in the account and that its trust policy names ${who}; SECURITY.md, "Reading many accounts", shows a trust policy.`,
  };
}
