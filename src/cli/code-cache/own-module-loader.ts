/**
 * Loads ses-guard's own CommonJS files (dist/cli-main.js and the chunks it asks for) through a V8
 * code cache kept by ses-guard, on every Node version it runs on.
 *
 * Why not Node's loader: most of a run's start is V8 compiling the functions the run calls, which
 * it does lazily, on the first call. Node's compile cache (22.1+) stores a file's code as it is
 * right after the file is compiled, before any function ran, so those lazy compilations come back
 * every run; and Node 20 has no cache at all. Here each file is compiled as a vm.Script, and its
 * code cache is made when the run ends (`save`), holding every function the run compiled: the
 * next run of that command compiles almost nothing. Measured in BENCHMARKS.md.
 *
 * Only the cache is new; the modules are plain CommonJS, wrapped as Node wraps them, with the same
 * five arguments, one instance per file. Anything that is not one of ses-guard's files (node:fs)
 * goes to Node's own require.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { Script } from "node:vm";
import { cacheFileName } from "./cache-location.js";
import { folderIsTrusted, writeCacheFiles } from "./cache-store.js";

export interface OwnModuleLoaderOptions {
  /** dist/: the files under it go through the loader; their ids are their paths from here. */
  distRoot: string;
  /** This build's cache folder on this Node, or undefined when the cache is off. */
  cacheFolder: string | undefined;
  /** The folder every build's cache folder sits in (old builds' folders are pruned from it). */
  cacheRoot: string | undefined;
  /** The command this run is (see commandKey): each command keeps its own cache of a file. */
  command: string;
  /** Node's require, for everything that is not one of ses-guard's files. */
  nodeRequire: (id: string) => unknown;
}

/** What the cache did for one file: used, made this run, refused by V8 (and remade), or off. */
export type CacheOutcome = "hit" | "made" | "rejected" | "off";

export interface OwnModuleLoader {
  /** The exports of one of ses-guard's files, loading it on the first call. */
  load(file: string): unknown;
  /** Writes the cache of every file that had none (or a refused one). Never throws. */
  save(): void;
  /** Each loaded file's id and what the cache did for it, in load order. */
  outcomes(): ReadonlyMap<string, CacheOutcome>;
}

// Node's own wrapper, on a line of its own so that positions in stack traces stay the file's.
const WRAPPER_START = "(function (exports, require, module, __filename, __dirname) {\n";
const WRAPPER_END = "\n})";

type ModuleRecord = { exports: unknown; id: string; filename: string; loaded: boolean };
type CommonJsBody = (
  exports: unknown,
  require: (id: string) => unknown,
  module: ModuleRecord,
  filename: string,
  dirname: string,
) => void;

export function createOwnModuleLoader(options: OwnModuleLoaderOptions): OwnModuleLoader {
  const modules = new Map<string, ModuleRecord>();
  const outcomes = new Map<string, CacheOutcome>();
  const compiled: { script: Script; fileName: string; outcome: CacheOutcome }[] = [];
  // Checked once, before any entry is read: a folder someone else owns or can write is never used.
  const folder =
    options.cacheFolder !== undefined && folderIsTrusted(options.cacheFolder, options.cacheRoot)
      ? options.cacheFolder
      : undefined;

  function load(file: string): unknown {
    const known = modules.get(file);
    if (known) return known.exports;
    const id = relative(options.distRoot, file).split(sep).join("/");
    // Named before the file is read: if it changes in between, its new code is cached under its
    // old name, which no later run asks for.
    const fileName = cacheFileName(id, options.command, statSync(file));
    const text = readFileSync(file, "utf8");
    // A `#!` line is valid only at the very start of a script; as a comment it keeps its length.
    const source = text.startsWith("#!") ? `//${text.slice(2)}` : text;
    const cachedData = folder === undefined ? undefined : readCache(join(folder, fileName));
    const script = new Script(`${WRAPPER_START}${source}${WRAPPER_END}`, {
      filename: file,
      lineOffset: -1,
      ...(cachedData ? { cachedData } : {}),
    });
    const outcome: CacheOutcome =
      folder === undefined ? "off" : !cachedData ? "made" : script.cachedDataRejected ? "rejected" : "hit";
    outcomes.set(id, outcome);
    compiled.push({ script, fileName, outcome });
    const record: ModuleRecord = { exports: {}, id: file, filename: file, loaded: false };
    modules.set(file, record);
    const body = script.runInThisContext() as CommonJsBody;
    try {
      body.call(record.exports, record.exports, requireFrom(dirname(file)), record, file, dirname(file));
    } catch (error) {
      // As Node does: a module whose body threw is not kept half-made for the next require().
      modules.delete(file);
      throw error;
    }
    record.loaded = true;
    return record.exports;
  }

  // The bundles require their chunks by relative path ("./chunks/x.js") and Node's modules by name.
  function requireFrom(directory: string): (id: string) => unknown {
    return (id) =>
      id.startsWith("./") || id.startsWith("../") ? load(resolve(directory, id)) : options.nodeRequire(id);
  }

  // A run that loads a file for the first time took a path no earlier run of its command took
  // (`check --policy` after `check`), and compiled new functions in the files it shares with them:
  // their caches are made again too, so each path is fast from its second run on. Runs that find
  // every file cached write nothing.
  function save(): void {
    if (folder === undefined || !compiled.some(({ outcome }) => outcome !== "hit")) return;
    writeCacheFiles(
      folder,
      options.cacheRoot,
      compiled.map(({ script, fileName }) => ({ fileName, data: () => script.createCachedData() })),
    );
    compiled.length = 0;
  }

  return { load, save, outcomes: () => new Map(outcomes) };
}

/** A cache entry's bytes, or undefined when there is none (or it cannot be read). */
function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
