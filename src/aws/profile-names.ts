/**
 * The profiles of the shared AWS config and credentials files, by name only: enough to tell a
 * mistyped `--profile` from a real one and to say which profiles exist. No value of any profile
 * (keys, role ARNs, credential_process command lines) is ever returned.
 */

import { loadSharedConfigFiles } from "@smithy/shared-ini-file-loader";
import { usageError } from "../errors.js";
import { suggest } from "../suggest.js";
import { sharedConfigPaths } from "./shared-config-paths.js";

/** Config-file sections that are not profiles (`[sso-session NAME]`, `[services NAME]`). */
const NON_PROFILE_PREFIXES = ["sso-session.", "services."];
/** At most this many names are listed in a message. */
const MAX_LISTED = 20;

/** The names of the profiles in the config and credentials files, each once, sorted. */
export async function configuredProfileNames(env: Record<string, string | undefined>): Promise<string[]> {
  const files = await loadSharedConfigFiles({
    ...sharedConfigPaths(env),
    // A long-running process (tests, the Action) may change the files between runs.
    ignoreCache: true,
  });
  const fromConfig = Object.keys(files.configFile).filter(
    (name) => !NON_PROFILE_PREFIXES.some((prefix) => name.startsWith(prefix)),
  );
  return [...new Set([...fromConfig, ...Object.keys(files.credentialsFile)])].sort();
}

/**
 * Refuses (exit 2) a `--profile` that neither file defines. The SDK would otherwise fall through
 * to other credential sources (web identity, a container or instance role) and read whatever
 * account those belong to, which is not the account the user named.
 */
export async function assertProfileConfigured(
  profile: string,
  env: Record<string, string | undefined>,
  // Several profiles (a fleet) are checked against one reading of the files.
  names?: readonly string[],
): Promise<void> {
  names ??= await configuredProfileNames(env);
  if (names.includes(profile)) return;
  const hit = suggest(profile, names);
  const listed =
    names.length === 0
      ? "no profiles are defined there"
      : `profiles there: ${names.slice(0, MAX_LISTED).join(", ")}${names.length > MAX_LISTED ? `, and ${names.length - MAX_LISTED} more` : ""}`;
  throw usageError(
    "aws/unknown-profile",
    `--profile "${profile}" is not in the AWS config or credentials file${hit === undefined ? "" : ` (did you mean "${hit}"?)`}; ${listed}`,
  );
}
