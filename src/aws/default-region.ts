/**
 * The Region to read when none is named, found the way the AWS CLI finds it: AWS_REGION, then
 * AWS_DEFAULT_REGION, then `region` in the profile (config file, then credentials file). Reads the
 * environment it is given rather than `process.env`, so callers and tests decide what it sees.
 * Imported only under src/aws/: it loads the SDK's INI parser.
 */

import { parseKnownFiles } from "@smithy/shared-ini-file-loader";
import { sharedConfigPaths } from "./shared-config-paths.js";

/** Where the default Region came from, for messages. */
export interface DefaultRegion {
  region: string;
  source: "AWS_REGION" | "AWS_DEFAULT_REGION" | "profile";
}

/** Finds the default Region, or undefined when none is configured anywhere. */
export async function resolveDefaultRegion(
  env: Record<string, string | undefined>,
  profile: string | undefined,
): Promise<DefaultRegion | undefined> {
  const fromEnv = env.AWS_REGION?.trim();
  if (fromEnv) return { region: fromEnv, source: "AWS_REGION" };
  const fromDefault = env.AWS_DEFAULT_REGION?.trim();
  if (fromDefault) return { region: fromDefault, source: "AWS_DEFAULT_REGION" };

  const profiles = await parseKnownFiles({
    ...sharedConfigPaths(env),
    // A long-running process (tests, the Action) may change the files between runs.
    ignoreCache: true,
  });
  const name = profile || env.AWS_PROFILE || "default";
  const fromProfile = profiles[name]?.region?.trim();
  return fromProfile ? { region: fromProfile, source: "profile" } : undefined;
}
