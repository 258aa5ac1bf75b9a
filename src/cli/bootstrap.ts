/**
 * dist/cli.js, the `ses-guard` bin: starts the CLI (dist/cli-main.js) through ses-guard's own code
 * cache (see code-cache/own-module-loader.ts), so a repeated run compiles almost nothing. This file
 * stays small and loads only Node's own modules: everything it costs, every run pays.
 */
import { join } from "node:path";
import { cacheFolderName, cacheRoot, commandKey } from "./code-cache/cache-location.js";
import { createOwnModuleLoader } from "./code-cache/own-module-loader.js";

// dist/'s content hash, written in by scripts/build.mjs.
declare const SES_GUARD_BUILD_ID: string;

const root = cacheRoot(process.env, userHome());
const loader = createOwnModuleLoader({
  distRoot: __dirname,
  cacheRoot: root,
  cacheFolder:
    root === undefined
      ? undefined
      : join(
          root,
          cacheFolderName({
            buildId: SES_GUARD_BUILD_ID,
            nodeVersion: process.versions.node,
            arch: process.arch,
          }),
        ),
  command: commandKey(process.argv.slice(2)),
  nodeRequire: require,
});
// However the run ends (process.exit, an interrupt), the code it compiled is kept for the next.
process.once("exit", () => loader.save());
loader.load(join(__dirname, "cli-main.js"));

/** The user's home, or "" when the system has none for this user (no cache then). */
function userHome(): string {
  // $HOME is what os.homedir() answers first; node:os is loaded only when it is not set.
  if (process.env.HOME) return process.env.HOME;
  try {
    return process.getBuiltinModule?.("node:os").homedir() ?? "";
  } catch {
    return "";
  }
}
