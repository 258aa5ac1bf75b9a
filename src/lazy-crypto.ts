let loaded: typeof import("node:crypto") | undefined;

/**
 * `node:crypto`, loaded on first use. Importing it at the top of a module costs about a fifth of
 * Node's own start-up (measured with `npm run bench`), and most runs neither hash (SARIF) nor
 * draw random bytes (file output), so the modules that need it ask here when they do.
 * process.getBuiltinModule, not createRequire: loading node:module costs 0.4 ms at start.
 */
export function nodeCrypto(): typeof import("node:crypto") {
  loaded ??= process.getBuiltinModule("node:crypto");
  return loaded;
}
