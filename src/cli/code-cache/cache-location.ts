/**
 * Where ses-guard keeps its V8 code cache, and under which names (pure).
 *
 * The cache lives in a directory of the user's own: $XDG_CACHE_HOME/ses-guard/compile-cache or
 * ~/.cache/ses-guard/compile-cache, never a shared temporary folder where another user of the
 * machine could plant entries. Under it, one folder per build of ses-guard and per Node version:
 * V8 refuses code made by another V8, and a folder per build means an upgrade never reads the
 * previous version's code (V8 itself only compares a source's length, which two builds can share).
 * Within a folder, each file's entry is named by its size and modification time too.
 */

/** What names the folder of one build on one Node: dist/'s content hash, Node's version and CPU. */
export interface CacheIdentity {
  buildId: string;
  nodeVersion: string;
  arch: string;
}

/** The folder every build's cache folder sits in, or undefined when the cache is off or has no home. */
export function cacheRoot(env: NodeJS.ProcessEnv, home: string): string | undefined {
  // SES_GUARD_COMPILE_CACHE=0 is ses-guard's switch; NODE_DISABLE_COMPILE_CACHE is Node's own, and
  // a user who set it to keep compiled code off the disk means ses-guard's too.
  if (env.SES_GUARD_COMPILE_CACHE === "0" || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  // Only an absolute XDG_CACHE_HOME counts, as the XDG specification says.
  const base = env.XDG_CACHE_HOME?.startsWith("/") ? env.XDG_CACHE_HOME : home ? `${home}/.cache` : undefined;
  return base === undefined ? undefined : `${base}/ses-guard/compile-cache`;
}

/** The folder of this build's cache on this Node, under `root`. */
export function cacheFolderName(identity: CacheIdentity): string {
  return `${safeName(identity.buildId)}-node${safeName(identity.nodeVersion)}-${safeName(identity.arch)}`;
}

/**
 * Which command a run is, as a cache key: each command keeps its own cache of the files it loads,
 * so the code one command compiles (`init`, then `check`) never stands in for another's. Only the
 * first argument counts; anything that is not a plain word (an option, nothing) is "other".
 */
export function commandKey(argv: readonly string[]): string {
  const first = argv[0] ?? "";
  return /^[a-z][a-z-]{0,31}$/.test(first) ? first : "other";
}

/** What names one version of a file on disk: its size and modification time. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
}

/**
 * The cache file of one of ses-guard's files (`chunks/yaml-X.js`) for one command. The file's size
 * and modification time are part of the name: a file changed in place (a patched install) never
 * meets the code of what it was, even at the same length, which is all V8 compares.
 */
export function cacheFileName(moduleId: string, command: string, version: FileVersion): string {
  const stamp = `${version.size}-${Math.trunc(version.mtimeMs)}`;
  return `${safeName(moduleId.replaceAll("/", "~"))}@${safeName(command)}.${stamp}.v8cache`;
}

/**
 * Which file and command a cache entry's name is for, without the version stamp, or undefined for
 * a name that is not an entry (a temporary file being written).
 */
export function entryKey(fileName: string): string | undefined {
  return /^(.+)\.\d+-\d+\.v8cache$/.exec(fileName)?.[1];
}

/** Keeps a name to one path segment of plain characters, whatever it was given. */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._~-]/g, "_");
}
