/**
 * Turns whatever the AWS SDK, the credential chain or Node's network stack threw into an
 * ErrorInfo a person can act on: a stable code, one line saying what happened where, and a hint.
 * Works on the shape of the error only (name, code, `$metadata`), so it needs no SDK import and
 * can be tested with plain objects. Secrets are removed from every message it builds.
 */
import { clip } from "../engine/format-value.js";
import type { ErrorInfo } from "../types.js";
import {
  ACCESS_DENIED_NAMES,
  AwsErrorCode,
  DNS_CODES,
  EXPIRED_NAMES,
  INVALID_TOKEN_NAMES,
  RESET_CODES,
  THROTTLING_NAMES,
  TLS_CODE,
  UNREACHABLE_CODES,
} from "./aws-error-codes.js";
import {
  CREDENTIALS_HINT,
  EXPIRED_HINT,
  endpointHint,
  malformedResponseHint,
  NOT_SES_ENDPOINT_HINT,
  TIMEOUT_HINT,
} from "./aws-error-hints.js";
import {
  asRecord,
  attemptCount,
  describe,
  httpStatus,
  isDeserializationError,
  messageOf,
} from "./aws-error-shape.js";
import { renderIamPolicy } from "./iam-policy.js";
import { redactSecrets, withoutProcessOutput } from "./redact.js";

export { AwsErrorCode } from "./aws-error-codes.js";
export { malformedResponseHint } from "./aws-error-hints.js";
export { redactSecrets, redactSecretsIn } from "./redact.js";

/** What the classifier needs to know besides the error. */
export interface AwsErrorContext {
  /** The Region that was read (or `sts` work done for the run). */
  region: string;
  /** The per-attempt timeout, for timeout messages. */
  timeoutSeconds: number;
  /** The endpoint override in force, if any: network faults are then most likely about it. */
  endpointUrl?: string;
  /** Values never to print (secret access key, session token, see credential-material.ts). */
  secrets: readonly string[];
  /** The overall deadline of this Region passed (not just one attempt). */
  deadlineExceeded?: boolean;
  /** The run was interrupted (SIGINT). */
  aborted?: boolean;
}

/** Classifies an error thrown while reading one Region (or calling STS). */
export function classifyAwsError(error: unknown, context: AwsErrorContext): ErrorInfo {
  const info = classify(error, context);
  return sanitize(info, context.secrets);
}

/**
 * Classifies an error thrown while resolving credentials (before any request was sent). `profile`
 * is the profile in use, if any, so the message can name it (the SDK's own message does not);
 * `reason` is what the source that mattered said, when the chain's final error hides it.
 * `secrets` are the values known in advance (the resolved keys are not: resolving them failed).
 */
export function classifyCredentialsError(
  error: unknown,
  profile?: string,
  reason?: string,
  secrets: readonly string[] = [],
): ErrorInfo {
  const detail = withoutProcessOutput(reason ?? describe(error));
  const forProfile = profile ? ` for profile "${profile}"` : "";
  if (/expired|refresh|re-?login|sso login/i.test(detail)) {
    return sanitize(
      {
        code: AwsErrorCode.expiredToken,
        message: `The AWS credentials${forProfile} have expired: ${detail}`,
        hint: EXPIRED_HINT,
      },
      secrets,
    );
  }
  return sanitize(
    {
      code: AwsErrorCode.noCredentials,
      message: `No AWS credentials found${forProfile}: ${detail}`,
      hint: CREDENTIALS_HINT,
    },
    secrets,
  );
}

function classify(error: unknown, context: AwsErrorContext): ErrorInfo {
  const { region } = context;
  // The only call whose errors are shown: STS errors only decide what a rejected token means.
  const operation = "GetAccount";
  const e = asRecord(error);
  const name = typeof e.name === "string" ? e.name : "";
  const code = typeof e.code === "string" ? e.code : "";
  const status = httpStatus(e);
  const attempts = attemptCount(e);
  const afterAttempts = attempts > 1 ? ` after ${attempts} attempts` : "";
  const detail = describe(error);
  const where = context.endpointUrl ? ` at ${context.endpointUrl}` : "";

  if (context.aborted) {
    return { code: AwsErrorCode.aborted, message: `Interrupted before ${operation} in ${region} finished` };
  }
  if (context.deadlineExceeded) {
    return {
      code: AwsErrorCode.timeout,
      message: `No answer from ${operation} in ${region}${where} in time (up to ${formatSeconds(context.timeoutSeconds)} per attempt, retries included)`,
      hint: TIMEOUT_HINT,
    };
  }
  // CredentialsProviderError, TokenProviderError, ...: the credential chain failed mid-request.
  if (name.endsWith("ProviderError"))
    return classifyCredentialsError(error, undefined, undefined, context.secrets);
  if (EXPIRED_NAMES.has(name) || /security token included in the request is expired/i.test(detail)) {
    return {
      code: AwsErrorCode.expiredToken,
      message: `AWS rejected the credentials in ${region} as expired (${detail})`,
      hint: EXPIRED_HINT,
    };
  }
  if (INVALID_TOKEN_NAMES.has(name) || /security token included in the request is invalid/i.test(detail)) {
    return {
      code: AwsErrorCode.invalidToken,
      message: `AWS did not accept the credentials in ${region} (${detail})`,
      hint: "Check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN or the profile in use; a session token belongs with the keys it was issued for.",
    };
  }
  if (ACCESS_DENIED_NAMES.has(name) || (status === 403 && /not authorized|access denied/i.test(detail))) {
    return {
      code: AwsErrorCode.accessDenied,
      message: `Access denied: the identity in use may not call ses:${operation} in ${region} (${detail})`,
      hint: `Allow the IAM action ses:${operation} for the identity ses-guard runs as (check SCPs and permission boundaries too). Minimal IAM policy: ${renderIamPolicy("compact")}`,
    };
  }
  if (status === 429 || THROTTLING_NAMES.has(name)) {
    return {
      code: AwsErrorCode.throttled,
      message: `SES throttled ${operation} in ${region}${afterAttempts} (${detail})`,
      hint: "Retry later, read fewer Regions at once, or allow more retries with AWS_MAX_ATTEMPTS.",
    };
  }
  if (status !== undefined && status >= 500) {
    const body = isDeserializationError(e) ? "a body that is not JSON" : detail;
    return {
      code: AwsErrorCode.serverError,
      message: `SES answered ${operation} in ${region} with HTTP ${status}${afterAttempts} (${body})`,
      hint: "This is on the AWS side (or a proxy in between); retry later and check the AWS Health Dashboard.",
    };
  }
  if (code === "ECONNREFUSED") {
    return {
      code: AwsErrorCode.connectionRefused,
      message: `Connection refused by ${hostOf(e, context)} while reading ${region}${afterAttempts}`,
      hint: endpointHint(context.endpointUrl),
    };
  }
  if (RESET_CODES.has(code) || /socket hang up|^aborted$/i.test(messageOf(e))) {
    return {
      code: AwsErrorCode.connectionReset,
      message: `The connection to ${hostOf(e, context)} was cut before SES answered ${operation} in ${region}${afterAttempts}`,
      hint: "Retry; if it keeps happening, check proxies and firewalls between here and AWS.",
    };
  }
  if (DNS_CODES.has(code)) {
    const host = typeof e.hostname === "string" ? e.hostname : hostOf(e, context);
    return {
      code: AwsErrorCode.dns,
      message: `Could not resolve ${host} (${code}) while reading ${region}`,
      hint: context.endpointUrl
        ? "Check the host name in --endpoint-url / AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL and the DNS settings."
        : `Check the Region name (SES v2 is not offered in every Region) and the DNS settings.`,
    };
  }
  if (UNREACHABLE_CODES.has(code)) {
    return {
      code: AwsErrorCode.networkUnreachable,
      message: `${hostOf(e, context)} is unreachable (${code}) while reading ${region}`,
      hint: endpointHint(context.endpointUrl),
    };
  }
  if (TLS_CODE.test(code)) {
    return {
      code: AwsErrorCode.tls,
      message: `The TLS connection for ${operation} in ${region} failed (${code}: ${messageOf(e)})`,
      hint: "Behind a TLS-inspecting proxy, give its CA certificate with AWS_CA_BUNDLE or NODE_EXTRA_CA_CERTS.",
    };
  }
  if (name === "TimeoutError" || code === "ETIMEDOUT" || code === "ESOCKETTIMEDOUT") {
    return {
      code: AwsErrorCode.timeout,
      message: `No answer from ${operation} in ${region}${where} within ${formatSeconds(context.timeoutSeconds)}${afterAttempts}`,
      hint: TIMEOUT_HINT,
    };
  }
  if (isDeserializationError(e)) {
    return {
      code: AwsErrorCode.malformedResponse,
      message: `SES answered ${operation} in ${region}${status ? ` with HTTP ${status} and` : " with"} a body that is not the expected JSON (${detail})`,
      hint: malformedResponseHint(context.endpointUrl),
    };
  }
  const statusText = status !== undefined ? `HTTP ${status} ` : "";
  return {
    code: AwsErrorCode.unknown,
    message: `${operation} in ${region} failed${afterAttempts}: ${statusText}${detail}`,
    ...(context.endpointUrl && status === 404 ? { hint: NOT_SES_ENDPOINT_HINT } : {}),
  };
}

/** A one-line, secret-free version of an ErrorInfo. */
function sanitize(info: ErrorInfo, secrets: readonly string[]): ErrorInfo {
  const clean: ErrorInfo = { code: info.code, message: oneLine(redactSecrets(info.message, secrets)) };
  if (info.hint !== undefined) clean.hint = oneLine(redactSecrets(info.hint, secrets), 1000);
  return clean;
}

/** Collapses whitespace and control characters so a message stays on one line; caps its length. */
export function oneLine(text: string, max = 500): string {
  // Control characters could move a terminal cursor or break an annotation: they become spaces.
  const flat = text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clip(flat, max);
}

function hostOf(e: Record<string, unknown>, context: AwsErrorContext): string {
  if (typeof e.address === "string") return typeof e.port === "number" ? `${e.address}:${e.port}` : e.address;
  if (context.endpointUrl) return context.endpointUrl;
  return `the SES endpoint for ${context.region}`;
}

function formatSeconds(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
