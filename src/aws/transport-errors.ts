/**
 * The faults ses-guard's own transport detects in an answer (see bounded-http-handler.ts): a body
 * larger than any AWS answer, and an HTML page where AWS speaks JSON or XML. They are errors of
 * their own classes, recognised before the generic classification, so the report says in words
 * what came back instead of a parser's complaint.
 */
import type { ErrorInfo } from "../types.js";
import { AwsErrorCode, malformedResponseHint } from "./aws-errors.js";

/** The error code of an answer over the size bound. */
export const RESPONSE_TOO_LARGE = "aws/response-too-large";

/** An answer whose body is larger than ses-guard reads. */
export class ResponseTooLargeError extends Error {
  override readonly name = "ResponseTooLargeError";
  constructor(
    readonly host: string,
    readonly maxBytes: number,
  ) {
    super(`${host} sent a response larger than ${formatBytes(maxBytes)}; ses-guard stopped reading it`);
  }
}

/** An answer that is an HTML page (a proxy, a captive portal, a firewall's block page). */
export class HtmlResponseError extends Error {
  override readonly name = "HtmlResponseError";
  constructor(
    readonly host: string,
    readonly status: number,
  ) {
    super(
      `${host} answered with an HTML page (HTTP ${status}) instead of an AWS response; a proxy, captive portal or firewall may be in the way`,
    );
  }
}

/** A successful SES answer whose JSON is not an object (`null`, a list, a string, ...). */
export class NotAnObjectError extends Error {
  override readonly name = "NotAnObjectError";
  constructor(
    readonly host: string,
    readonly status: number,
    /** What the JSON is instead: "null", "a list", ... */
    readonly what: string,
  ) {
    super(`${host} answered with ${what} (HTTP ${status}) where a JSON object was expected`);
  }
}

/** The per-attempt timeout passed while the body was still arriving: retried like any timeout. */
export function bodyTimeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`the response did not arrive in full within ${timeoutMs} ms`), {
    name: "TimeoutError",
    code: "ETIMEDOUT",
  });
}

/** Where the answer was for: the operation and Region, and the endpoint override if any. */
export interface TransportErrorContext {
  operation: string;
  region: string;
  endpointUrl?: string | undefined;
}

/** The ErrorInfo for a transport fault, or undefined when `error` is not one. */
export function describeTransportError(
  error: unknown,
  context: TransportErrorContext,
): ErrorInfo | undefined {
  const { operation, region } = context;
  if (error instanceof ResponseTooLargeError) {
    return {
      code: RESPONSE_TOO_LARGE,
      message: `The answer to ${operation} in ${region} is larger than ${formatBytes(error.maxBytes)}; a GetAccount response is a few KiB, so ses-guard stopped reading it`,
      hint: malformedResponseHint(context.endpointUrl),
    };
  }
  if (error instanceof HtmlResponseError) {
    return {
      code: AwsErrorCode.malformedResponse,
      message: `${operation} in ${region} was answered with an HTML page (HTTP ${error.status}), not by SES: a proxy, captive portal or firewall page is the likely sender`,
      hint: context.endpointUrl
        ? "Check that --endpoint-url points at an SES v2 endpoint."
        : "Open any web page from this network to see who answers (it may ask you to sign in), or run where AWS is reachable directly.",
    };
  }
  if (error instanceof NotAnObjectError) {
    return {
      code: AwsErrorCode.malformedResponse,
      message: `SES answered ${operation} in ${region} with ${error.what} (HTTP ${error.status}), not with account data (a JSON object)`,
      hint: malformedResponseHint(context.endpointUrl),
    };
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}
