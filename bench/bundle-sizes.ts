/**
 * Bundle sizes: every file of the build, which of them each path loaded, how many bytes of the
 * bundle are AWS SDK code compared with the smallest bundle that can make the same two calls
 * (bench/sdk-floor.ts), and the Action bundle's properties (minified, source maps, AWS clients).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { build, type Metafile } from "esbuild";
import { bundleOptions, reachableOutputs } from "../scripts/bundle-options.mjs";

/**
 * The parts of an esbuild metafile the benchmark reads: all that scripts/build.mjs --metafile
 * records (with `entryPoint` on the entries only), and part of what esbuild's own metafile holds.
 */
export interface OutputGraph {
  outputs: Record<string, Pick<Metafile["outputs"][string], "bytes" | "inputs" | "imports" | "entryPoint">>;
}

/** One file of the build. */
export interface BuildFile {
  /** Path relative to the build folder, with `/`. */
  file: string;
  bytes: number;
}

/** Which build files a run loaded, and their total size. */
export interface LoadedSet {
  files: string[];
  bytes: number;
}

/** AWS SDK bytes in a bundle compared with the floor. */
export interface SdkComparison {
  /** SDK bytes (packages the floor bundle contains) in everything the entry can load. */
  ours: number;
  /** SDK bytes of the floor bundle. */
  floor: number;
  /** `@aws-sdk/client-*` packages in the bundle. */
  clients: string[];
  /** SDK packages in the floor that our bundle lacks (expected: none), and packages beyond the floor by bytes. */
  beyondFloor: { name: string; bytes: number }[];
}

/** The bundle behind one entry point. */
export interface EntryBundle {
  entry: string;
  /** Bytes of the entry and the chunks it imports statically: loaded on every start. */
  staticBytes: number;
  /** Bytes of everything it can load, dynamic imports included. */
  reachableBytes: number;
  outputs: string[];
  /** Every reachable file looks minified. */
  minified: boolean;
  /** Every reachable file names a source map that exists. */
  sourceMaps: boolean;
  sdk: SdkComparison;
}

/** Lists every file under the build folder with its size, sorted by path. */
export function listBuild(buildDir: string): BuildFile[] {
  const files: BuildFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push({ file: relative(buildDir, path).split(sep).join("/"), bytes: statSync(path).size });
    }
  };
  walk(buildDir);
  return files.sort((a, b) => a.file.localeCompare(b.file));
}

/** The build files among `paths` (absolute paths a run loaded), with their total size. */
export function loadedBuildFiles(
  buildDir: string,
  files: readonly BuildFile[],
  paths: readonly string[],
): LoadedSet {
  const loaded = new Set(paths.map((p) => relative(buildDir, p).split(sep).join("/")));
  const hit = files.filter((f) => loaded.has(f.file));
  return { files: hit.map((f) => f.file), bytes: hit.reduce((sum, f) => sum + f.bytes, 0) };
}

/** The npm package an esbuild input path belongs to, or undefined for our own sources. */
export function packageOf(input: string): string | undefined {
  // The innermost node_modules names the package (nested copies belong to their own package).
  const at = input.lastIndexOf("node_modules/");
  if (at < 0) return undefined;
  return /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input.slice(at))?.[1];
}

/** Outputs reachable from `start`: through static imports only, or through dynamic ones as well. */
function reachable(metafile: OutputGraph, start: string, dynamic: boolean): string[] {
  return [...reachableOutputs(metafile.outputs, start, dynamic)];
}

/** Bytes per package in the given outputs. */
export function bytesByPackage(metafile: OutputGraph, outputs: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const output of outputs) {
    for (const [input, info] of Object.entries(metafile.outputs[output]?.inputs ?? {})) {
      const name = packageOf(input) ?? "(ses-guard)";
      sizes.set(name, (sizes.get(name) ?? 0) + info.bytesInOutput);
    }
  }
  return sizes;
}

/**
 * Bundles bench/sdk-floor.ts with the options of scripts/build.mjs (scripts/bundle-options.mjs)
 * and returns its metafile.
 */
export async function buildSdkFloor(
  root: string,
  outdir: string,
): Promise<{ metafile: Metafile; entry: string }> {
  const result = await build({
    entryPoints: { floor: join(root, "bench", "sdk-floor.ts") },
    outdir,
    ...bundleOptions,
    absWorkingDir: root,
  });
  const entry = Object.keys(result.metafile.outputs).find((o) => o.endsWith("floor.js"));
  if (!entry) throw new Error("the SDK floor bundle has no entry output");
  return { metafile: result.metafile, entry };
}

/** Describes the bundle behind an entry output of the build metafile. */
export function describeEntry(
  metafile: OutputGraph,
  entryOutput: string,
  root: string,
  floor: { metafile: Metafile; entry: string },
): EntryBundle {
  const staticOutputs = reachable(metafile, entryOutput, false);
  const outputs = reachable(metafile, entryOutput, true);
  const size = (list: readonly string[]) =>
    list.reduce((sum, o) => sum + (metafile.outputs[o]?.bytes ?? 0), 0);

  const floorPackages = bytesByPackage(floor.metafile, reachable(floor.metafile, floor.entry, true));
  floorPackages.delete("(ses-guard)");
  const ourPackages = bytesByPackage(metafile, outputs);
  let ours = 0;
  for (const name of floorPackages.keys()) ours += ourPackages.get(name) ?? 0;
  const beyondFloor = [...ourPackages]
    .filter(([name]) => !floorPackages.has(name))
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes);
  const clients = [...ourPackages.keys()].filter((name) => name.startsWith("@aws-sdk/client-")).sort();

  return {
    entry: entryOutput,
    staticBytes: size(staticOutputs),
    reachableBytes: size(outputs),
    outputs,
    minified: outputs.every((o) => looksMinified(readFileSync(join(root, o), "utf8"))),
    sourceMaps: outputs.every((o) => hasSourceMap(root, o)),
    sdk: {
      ours,
      floor: [...floorPackages.values()].reduce((sum, bytes) => sum + bytes, 0),
      clients,
      beyondFloor,
    },
  };
}

/** Minified output has few, long lines (template literals and the banner add a handful). */
export function looksMinified(code: string): boolean {
  const lines = code.split("\n").length;
  return lines <= 8 || code.length / lines >= 200;
}

function hasSourceMap(root: string, output: string): boolean {
  const code = readFileSync(join(root, output), "utf8");
  const match = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code);
  if (!match?.[1]) return false;
  try {
    return statSync(join(root, output, "..", match[1])).isFile();
  } catch {
    return false;
  }
}
