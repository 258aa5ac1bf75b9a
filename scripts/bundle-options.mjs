// What scripts/build.mjs and the benchmark (bench/bundle-sizes.ts) share: pass 1's esbuild options
// and the walk over a metafile's import graph.
//
// Pass 1 of the build splits the code into ES module chunks with these options; pass 2 derives
// its CommonJS options from them and writes dist/. The benchmark builds its SDK floor with the
// same options and compares SDK bytes through pass 1's per-input byte counts (which build.mjs
// --metafile records), so the floor is minified, split and targeted exactly like the build it is
// compared with. dist/'s file sizes are pass 2's and not part of that comparison.

/** Shared esbuild options: a split, minified ESM bundle for Node 20 with linked source maps. */
export const bundleOptions = {
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "linked",
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  logLevel: "warning",
};

/**
 * The outputs reachable from `start` in a metafile's `outputs`, `start` included: through static
 * imports only, or through dynamic ones as well. `toKey` turns an import's path into a key of
 * `outputs` (the same path by default); imports of anything that is not an output are skipped.
 */
export function reachableOutputs(outputs, start, dynamic, toKey = (path) => path) {
  const seen = new Set();
  const queue = [start];
  while (queue.length > 0) {
    const output = queue.pop();
    if (seen.has(output) || !outputs[output]) continue;
    seen.add(output);
    for (const imported of outputs[output].imports) {
      if (imported.external) continue;
      if (imported.kind === "import-statement" || (dynamic && imported.kind === "dynamic-import"))
        queue.push(toKey(imported.path));
    }
  }
  return seen;
}
