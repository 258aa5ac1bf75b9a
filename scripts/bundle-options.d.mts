import type { BuildOptions } from "esbuild";

/** Shared esbuild options: a split, minified ESM bundle for Node 20 with linked source maps. */
export declare const bundleOptions: BuildOptions & { metafile: true };

/**
 * The outputs reachable from `start` in a metafile's `outputs`, `start` included: through static
 * imports only, or through dynamic ones as well. `toKey` turns an import's path into a key of
 * `outputs` (the same path by default); imports of anything that is not an output are skipped.
 */
export declare function reachableOutputs(
  outputs: Readonly<
    Record<string, { imports: readonly { path: string; kind: string; external?: boolean }[] }>
  >,
  start: string,
  dynamic: boolean,
  toKey?: (path: string) => string,
): Set<string>;
