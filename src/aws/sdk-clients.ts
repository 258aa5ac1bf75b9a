/**
 * Builds the SDK clients of a live read with one configuration: the profile, the retry settings,
 * the per-attempt --timeout of the transport and the endpoint override. Every SES and STS client
 * ses-guard creates comes from here, so they all behave alike.
 */
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { STSClient } from "@aws-sdk/client-sts";
import { BoundedHttpHandler } from "./bounded-http-handler.js";
import type { RetrySettings } from "./read-settings.js";

/** What every client of one live read shares. */
export interface ClientSettings {
  /** --profile, when given (AWS_PROFILE is read by the SDK itself). */
  profile: string | undefined;
  retry: RetrySettings;
  /** --timeout in milliseconds: each attempt's bound. */
  timeoutMs: number;
  /** --endpoint-url for SES, when given. */
  endpointUrl: string | undefined;
}

/** A provider of AWS credentials, as the SDK clients take it. */
export type CredentialsProvider = STSClient["config"]["credentials"];

/**
 * Options of every client: retries, and a transport that bounds each attempt (--timeout, body
 * included) and each body's size. A handler of its own per client, since destroying a client
 * destroys its handler's connections.
 */
export function commonClientOptions(settings: ClientSettings, expectJsonObject = false) {
  return {
    profile: settings.profile,
    maxAttempts: settings.retry.maxAttempts,
    retryMode: settings.retry.retryMode,
    requestHandler: new BoundedHttpHandler({ timeoutMs: settings.timeoutMs, expectJsonObject }),
  };
}

/** An SES v2 client for one Region, signing with `credentials`. */
export function createSesClient(
  settings: ClientSettings,
  region: string,
  credentials: CredentialsProvider,
): SESv2Client {
  // Every SES v2 answer is a JSON object; `null` or a list would only become a parser's TypeError.
  return new SESv2Client({
    ...commonClientOptions(settings, true),
    region,
    credentials,
    ...(settings.endpointUrl ? { endpoint: settings.endpointUrl } : {}),
  });
}

/**
 * An STS client. Without `credentials` it resolves the default credential chain (and its config,
 * the `logger` included, is what the chain's nested STS clients inherit).
 */
export function createStsClient(
  settings: ClientSettings,
  region: string,
  extra: { credentials?: CredentialsProvider; logger?: STSClient["config"]["logger"] } = {},
): STSClient {
  return new STSClient({
    ...commonClientOptions(settings),
    region,
    ...(extra.credentials ? { credentials: extra.credentials } : {}),
    ...(extra.logger ? { logger: extra.logger } : {}),
  });
}
