/**
 * Node's compile cache (Node 22.1+): V8 keeps the compiled code of every module it loads after
 * this call, so a second run skips compiling the chunks the CLI loads lazily (the YAML reader for
 * a policy file, the AWS SDK for a live check). On a Node without it, nothing happens.
 *
 * The cache lives in a directory of the user's own: ~/.cache/ses-guard (or
 * $XDG_CACHE_HOME/ses-guard), never a shared temporary folder where another user of the machine
 * could plant entries. A cache that cannot be made (read-only home in a container) is skipped
 * silently: it only ever makes start-up faster. SES_GUARD_COMPILE_CACHE=0 turns it off, and
 * NODE_COMPILE_CACHE / NODE_DISABLE_COMPILE_CACHE keep their meaning.
 */
type CacheableModule = { enableCompileCache?: (directory?: string) => unknown };

/** The cache directory for this user, or undefined when there is no home to put it in. */
export function compileCacheDirectory(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const base = env.XDG_CACHE_HOME?.startsWith("/") ? env.XDG_CACHE_HOME : home ? `${home}/.cache` : undefined;
  return base === undefined ? undefined : `${base}/ses-guard/compile-cache`;
}

/** Turns the compile cache on when this Node has it and the user did not turn it off. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  if (env.SES_GUARD_COMPILE_CACHE === "0" || env.NODE_DISABLE_COMPILE_CACHE) return;
  // Node 20 has no compile cache: do not even load node:module to find that out.
  if (Number.parseInt(process.versions.node, 10) < 22) return;
  const nodeModule = process.getBuiltinModule?.("node:module") as CacheableModule | undefined;
  if (typeof nodeModule?.enableCompileCache !== "function") return;
  try {
    // NODE_COMPILE_CACHE set: Node enabled the cache itself at start, in the user's directory.
    if (env.NODE_COMPILE_CACHE) return;
    const os = process.getBuiltinModule("node:os");
    const directory = compileCacheDirectory(env, os.homedir());
    if (directory !== undefined) nodeModule.enableCompileCache(directory);
  } catch {
    // A cache is an optimisation: any failure to set it up leaves the run as it was.
  }
}
