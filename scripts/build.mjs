// Builds the committed bundles: dist/cli.js (the `ses-guard` bin) and dist/action.js (the
// GitHub Action). The AWS SDK is only reached through a dynamic import, so esbuild puts it in
// its own chunk and the offline path never loads it. Output is deterministic: CI rebuilds and
// fails when dist/ differs from what is committed.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// `--outdir DIR` builds elsewhere (the benchmark measures its own copy, so a rebuild of dist/
// running at the same time cannot pull files from under it).
const outdirFlag = process.argv.indexOf("--outdir");
const outdir =
  outdirFlag > 0 && process.argv[outdirFlag + 1] ? resolve(process.argv[outdirFlag + 1]) : join(root, "dist");
// `--no-generate` bundles the committed src/generated/ as it is, leaving the source tree untouched.
if (!process.argv.includes("--no-generate")) await import("./generate.mjs");

const entryPoints = { cli: join(root, "src/cli-entry.ts") };
if (existsSync(join(root, "src/action.ts"))) entryPoints.action = join(root, "src/action.ts");

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints,
  outdir,
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
  // Bundled CommonJS dependencies call require(); give ESM output a real one.
  banner: {
    js: '#!/usr/bin/env node\nimport { createRequire as __sesGuardCreateRequire } from "node:module";\nconst require = __sesGuardCreateRequire(import.meta.url);',
  },
});
// `--metafile FILE` keeps esbuild's record of which input landed in which output (the benchmark
// reads it to tell the SDK's bytes from ours); never written into the output folder.
const metafileFlag = process.argv.indexOf("--metafile");
if (metafileFlag > 0 && process.argv[metafileFlag + 1]) {
  writeFileSync(resolve(process.argv[metafileFlag + 1]), JSON.stringify(result.metafile));
}
const sizes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith(".js"))
  .map(([file, info]) => `${file.replace(`${root}/`, "")} ${(info.bytes / 1024).toFixed(1)} KiB`);
console.log(sizes.join("\n"));
