/**
 * The Region to read when none is named, found the way the AWS CLI finds it: AWS_REGION, then
 * AWS_DEFAULT_REGION, then `region` in the profile (config file, then credentials file). Reads the
 * environment it is given rather than `process.env`, so callers and tests decide what it sees.
 * Only aws.ts imports this module: it loads the SDK's INI parser.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { parseKnownFiles } from "@smithy/shared-ini-file-loader";

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

  const home = env.HOME || env.USERPROFILE || homedir();
  const expand = (path: string) => (path.startsWith("~/") ? join(home, path.slice(2)) : path);
  const profiles = await parseKnownFiles({
    configFilepath: expand(env.AWS_CONFIG_FILE || join(home, ".aws", "config")),
    filepath: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, ".aws", "credentials")),
    // A long-running process (tests, the Action) may change the files between runs.
    ignoreCache: true,
  });
  const name = profile || env.AWS_PROFILE || "default";
  const fromProfile = profiles[name]?.region?.trim();
  return fromProfile ? { region: fromProfile, source: "profile" } : undefined;
}
