import { createRequire } from "node:module";

let loaded: typeof import("node:crypto") | undefined;

/**
 * `node:crypto`, loaded on first use. Importing it at the top of a module costs about a fifth of
 * Node's own start-up (measured with `npm run bench`), and most runs neither hash (SARIF) nor
 * draw random bytes (file output), so the modules that need it ask here when they do.
 */
export function nodeCrypto(): typeof import("node:crypto") {
  // A built-in module resolves the same from anywhere; Node's own path serves as the base, which
  // works in the CommonJS bundle (no import.meta) and in the ES modules the tests run alike.
  loaded ??= createRequire(process.execPath)("node:crypto") as typeof import("node:crypto");
  return loaded;
}
