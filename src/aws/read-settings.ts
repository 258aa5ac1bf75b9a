/**
 * How hard and how long ses-guard tries when it reads AWS: the retry settings the SDK documents
 * (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE) and the deadlines derived from them and from --timeout, so
 * that no fault can keep a live read going for ever.
 */
import { usageError } from "../errors.js";

/** The SDK's own default for standard retries: one try and two retries. */
const DEFAULT_MAX_ATTEMPTS = 3;

/** How many attempts a call gets, and the SDK retry strategy that spaces them. */
export interface RetrySettings {
  maxAttempts: number;
  retryMode: "standard" | "adaptive";
}

/** AWS_MAX_ATTEMPTS and AWS_RETRY_MODE as the SDK documents them, with standard retries by default. */
export function retrySettings(env: Record<string, string | undefined>): RetrySettings {
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
