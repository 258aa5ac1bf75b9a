import { homedir } from "node:os";
import { join } from "node:path";

/**
 * Where the AWS config and credentials files are, as the SDK finds them: AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE (a leading `~/` is the home directory), else ~/.aws/config and
 * ~/.aws/credentials. The names are those of the SDK's own loaders' options.
 */
export function sharedConfigPaths(env: Record<string, string | undefined>): {
  configFilepath: string;
  filepath: string;
} {
  const home = env.HOME || env.USERPROFILE || homedir();
  const expand = (path: string) => (path.startsWith("~/") ? join(home, path.slice(2)) : path);
  return {
    configFilepath: expand(env.AWS_CONFIG_FILE || join(home, ".aws", "config")),
    filepath: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, ".aws", "credentials")),
  };
}
