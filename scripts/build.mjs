// Builds the committed bundles: dist/cli.js (the `ses-guard` bin) and dist/action.js (the
// GitHub Action). The AWS SDK is only reached through a dynamic import, so esbuild puts it in
// its own chunk and the offline path never loads it. Output is deterministic: CI rebuilds and
// fails when dist/ differs from what is committed.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { bundleOptions } from "./bundle-options.mjs";

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

// Each module the CLI loads at start costs Node's ESM loader a file read, a compile and a link.
// esbuild gives every distinct set of entry points and lazy imports that reach a module its own
// chunk, which split the start-up code over 9 files. So each lazy import of our own code goes
// through a stub that also imports run.ts (already loaded whenever a lazy import runs): every
// module that start-up shares with a lazy part is then reached by the same set, and lands in
// one chunk. Paths stay relative to the repository, so the output does not depend on where it
// is built.
const anchor = "./src/run.ts";
const anchorLazyImports = {
  name: "anchor-lazy-imports",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== "dynamic-import" || !args.importer.startsWith(join(root, "src", "/")))
        return undefined;
      return {
        path: relative(root, resolve(args.resolveDir, args.path)).split(sep).join("/"),
        namespace: "lazy",
      };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => ({
      contents: `import ${JSON.stringify(anchor)};\nexport * from ${JSON.stringify(`./${args.path}`)};\n`,
      resolveDir: root,
      loader: "js",
    }));
  },
};

// The AWS SDK's CommonJS builds load most credential sources lazily: `const { fromIni } = await
// import("@aws-sdk/credential-provider-ini")`. In a split ESM bundle such an import of a CommonJS
// module yields only a default export, so every source but environment variables failed with
// "o is not a function" (profiles, SSO, credential_process, web identity, container and instance
// roles). Those imports become require() calls instead: the modules join the AWS chunk, which is
// itself loaded only when a live account is read.
const sdkLazyRequires = {
  name: "sdk-lazy-requires",
  setup(pluginBuild) {
    pluginBuild.onLoad(
      { filter: /[\\/]node_modules[\\/]@(aws-sdk|smithy)[\\/].*[\\/]dist-cjs[\\/].*\.js$/ },
      (args) => {
        const text = readFileSync(args.path, "utf8");
        if (!text.includes("import(")) return undefined;
        return {
          contents: text.replace(
            /\bimport\((['"][^'"]+['"])\)/g,
            "Promise.resolve().then(() => require($1))",
          ),
          loader: "js",
        };
      },
    );
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints,
  outdir,
  ...bundleOptions,
  plugins: [anchorLazyImports, sdkLazyRequires],
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
