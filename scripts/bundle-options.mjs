// The esbuild options of the first pass of scripts/build.mjs, which splits the code into chunks
// (the second pass only turns them into CommonJS files). The benchmark (bench/bundle-sizes.ts)
// builds its SDK floor with the same ones, so the floor it compares dist/ against is minified,
// split and targeted exactly like dist/.

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
