/**
 * Keeps the reasons the AWS credential chain gives while it tries each source. The chain ends
 * with "Could not load credentials from any providers" and drops why the source that mattered
 * failed (a profile's credential_process returned expired credentials, an SSO session ended);
 * those reasons only reach the client's logger at debug level. This logger collects them so the
 * error can say what actually went wrong.
 */
import { redactSecrets } from "./redact.js";

/** The logger shape the AWS SDK accepts. */
export interface SdkLogger {
  trace?: (...content: unknown[]) => void;
  debug: (...content: unknown[]) => void;
  info: (...content: unknown[]) => void;
  warn: (...content: unknown[]) => void;
  error: (...content: unknown[]) => void;
}

/** A logger for the credential chain and the reasons it collected. */
export interface CredentialLog {
  logger: SdkLogger;
  /**
   * The reason worth showing, if any: the first one that is not a source merely being skipped.
   * Only given when a profile is in use (its source is then the one that matters) or when a
   * reason says something expired.
   */
  reason(profileInUse: boolean): string | undefined;
}

const PROVIDER_PREFIX = /^@smithy\/property-provider (?:->|\(!\)) /;

/** Messages every chain produces on its way past sources that are simply not configured. */
const SKIPPED_SOURCE = [
  /^Unable to find environment variable credentials/i,
  /skipping fromEnv provider/i,
  /^Skipping SSO provider/i,
  /Instance Metadata Service access disabled/i,
  /^Could not load credentials from any providers/i,
  /did not contain credential_process/i,
  /^Web identity configuration not specified/i,
  /^Profile .* not found in (the )?config/i,
];

/**
 * Creates a logger that forwards warnings (as the SDK would) and collects credential reasons.
 * Warnings are redacted first: they go straight to standard error, and a credential source may
 * quote what it was given. `secrets` are the values known in advance (credential-material.ts).
 */
export function createCredentialLog(
  warn: (message: string) => void,
  secrets: readonly string[] = [],
): CredentialLog {
  const reasons: string[] = [];
  const ignore = () => undefined;
  const logger: SdkLogger = {
    trace: ignore,
    debug: (...content) => {
      const text = content.map(String).join(" ");
      if (PROVIDER_PREFIX.test(text)) reasons.push(text.replace(PROVIDER_PREFIX, "").trim());
    },
    info: ignore,
    // The chain warns about real misconfigurations (e.g. both a profile and keys in the environment).
    warn: (...content) => warn(redactSecrets(content.map(String).join(" "), secrets)),
    error: ignore,
  };
  return {
    logger,
    reason(profileInUse) {
      const telling = reasons.filter((reason) => !SKIPPED_SOURCE.some((pattern) => pattern.test(reason)));
      const expired = telling.find((reason) => /expired/i.test(reason));
      if (expired) return expired;
      return profileInUse ? telling[0] : undefined;
    },
  };
}
