// Builds the committed bundles: dist/cli.js (the `ses-guard` bin) and dist/action.js (the
// GitHub Action). The AWS SDK is only reached through a dynamic import, so esbuild puts it in
// its own chunk and the offline path never loads it. Output is deterministic: CI rebuilds and
// fails when dist/ differs from what is committed.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
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

/** The entry points, each built on its own: `chunks` names its lazily loaded files. */
const entries = [{ name: "cli", source: "src/cli-entry.ts", chunks: "chunks/[name]-[hash]" }];
if (existsSync(join(root, "src/action.ts")))
  entries.push({ name: "action", source: "src/action.ts", chunks: "chunks/action-[name]-[hash]" });

// The AWS SDK's CommonJS builds load most credential sources lazily: `const { fromIni } = await
// import("@aws-sdk/credential-provider-ini")`. In a split bundle such an import of a CommonJS
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

// Two passes, because the fastest start Node 20 offers is one CommonJS file, and esbuild splits
// code only in ES module output. Measured with `npm run bench`: Node's ES module loader (with the
// fs/promises, readline and URL modules it pulls in) costs about a fifth of `node -e 0`, and each
// further file the CLI loads at start about 0.4 ms.
//
// Pass 1 splits each entry into ES module chunks in a scratch folder: everything loaded lazily
// (YAML, the AWS SDK, RE2, the CI formats, the authoring commands) gets chunks of its own.
// Pass 2 writes CommonJS. The entry and every chunk it loads at start become one file, which also
// exports those chunks' modules (`__startN`); a lazy chunk that imports one of them requires the
// entry file instead, so there is one copy of every module and of its state (error classes, the
// RE2 engine, the temporary-file registry). Other chunks keep their files; dynamic imports become
// require() inside a promise. Source maps are chained back to src/, and dist/package.json marks
// the folder as CommonJS.
// The scratch folder sits inside the checkout: pass 1's source maps, which feed its chunk hashes,
// hold paths from it to src/, and those must not depend on where the repository is checked out.
const scratchParent = join(root, "node_modules", ".cache", "ses-guard-build");
mkdirSync(scratchParent, { recursive: true });
const scratch = mkdtempSync(join(scratchParent, "run-"));
const metafiles = [];
try {
  rmSync(outdir, { recursive: true, force: true });
  for (const entry of entries) metafiles.push(await buildEntry(entry));
  writeFileSync(join(outdir, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
  for (const file of readdirSync(outdir, { recursive: true })) {
    if (file.endsWith(".js.map")) nameScratchSources(join(outdir, file));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Builds one entry point into outdir; returns pass 1's metafile, with paths as they are in outdir. */
async function buildEntry(entry) {
  const first = join(scratch, entry.name);
  const { metafile } = await build({
    entryPoints: { [entry.name]: join(root, entry.source) },
    outdir: first,
    absWorkingDir: root,
    ...bundleOptions,
    chunkNames: entry.chunks,
    plugins: [sdkLazyRequires],
  });
  const outputs = Object.fromEntries(
    Object.entries(metafile.outputs).map(([file, info]) => [resolve(root, file), info]),
  );
  const entryFile = join(first, `${entry.name}.js`);
  // The chunks loaded at start: everything the entry reaches through static imports.
  const startup = [];
  const queue = [entryFile];
  while (queue.length > 0) {
    const file = queue.shift();
    if (startup.includes(file)) continue;
    startup.push(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (!imported.external && imported.kind === "import-statement")
        queue.push(resolve(root, imported.path));
    }
  }
  const exportName = new Map(startup.slice(1).map((file, index) => [file, `__start${index}`]));
  const outFile = (file) => join(outdir, relative(first, file));
  const common = {
    bundle: true,
    format: "cjs",
    platform: "node",
    target: bundleOptions.target,
    minify: true,
    sourcemap: "linked",
    sourcesContent: false,
    // Pass 1 moved licences to .LEGAL.txt files and left a comment naming each.
    legalComments: "inline",
    logLevel: "warning",
    // Already reported (or not) by pass 1; the AWS SDK's XML entity table repeats a key.
    logOverride: { "duplicate-object-key": "silent" },
  };
  // Imports between chunks stay imports, with paths from where the importing code now lives.
  const linkChunks = (importerOut) => ({
    name: "link-chunks",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === "entry-point") return undefined;
        // The require() of the entry file written by the stub below.
        if (args.namespace === "start") return { path: args.path, external: true };
        const target = resolve(args.resolveDir, args.path);
        // esbuild puts modules shared with lazy code in chunks, never in the entry file itself.
        if (target === entryFile) throw new Error(`${args.importer} imports the entry ${entryFile}`);
        if (exportName.has(target) && !startupFiles.has(args.importer)) {
          return { path: target, namespace: "start" };
        }
        if (startupFiles.has(target) && startupFiles.has(args.importer)) return undefined;
        return { path: relativeImport(importerOut, outFile(target)), external: true };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: "start" }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(relativeImport(importerOut, outFile(entryFile)))}).${exportName.get(args.path)};\n`,
        loader: "js",
      }));
    },
  });
  const startupFiles = new Set(startup);

  // The entry with its start-up chunks, exporting those chunks for the lazy ones.
  const facade = [...exportName].map(([file, name]) => `export * as ${name} from ${JSON.stringify(file)};`);
  await build({
    ...common,
    stdin: {
      contents: `${facade.join("\n")}\nimport ${JSON.stringify(entryFile)};\n`,
      resolveDir: first,
      sourcefile: `${entry.name}-start.js`,
      loader: "js",
    },
    outfile: outFile(entryFile),
    banner: { js: "#!/usr/bin/env node" },
    plugins: [linkChunks(outFile(entryFile))],
  });
  for (const file of Object.keys(outputs)) {
    if (startupFiles.has(file)) continue;
    if (file.endsWith(".js")) {
      await build({
        ...common,
        entryPoints: [file],
        outfile: outFile(file),
        plugins: [linkChunks(outFile(file))],
      });
    } else if (file.endsWith(".LEGAL.txt")) {
      cpSync(file, outFile(file));
    }
  }
  for (const file of startup) {
    if (existsSync(`${file}.LEGAL.txt`)) cpSync(`${file}.LEGAL.txt`, outFile(`${file}.LEGAL.txt`));
  }
  return describeOutputs(outputs, startup, outFile);
}

/**
 * Source maps name some of pass 1's files (the runtime helpers, the start-up facade) by their path
 * in the scratch folder, which changes with every build; they get a fixed name instead, so the
 * output stays the same from build to build and from checkout to checkout.
 */
function nameScratchSources(mapFile) {
  const map = JSON.parse(readFileSync(mapFile, "utf8"));
  map.sources = map.sources.map((source) => {
    const path = source.startsWith("start:")
      ? source.slice("start:".length)
      : resolve(dirname(mapFile), source);
    return path.startsWith(`${scratch}${sep}`)
      ? `ses-guard-build:${relative(scratch, path).split(sep).join("/")}`
      : source;
  });
  writeFileSync(mapFile, JSON.stringify(map));
}

/** `./x.js` or `../x.js`: the path from the file `from` to the file `to`, for require(). */
function relativeImport(from, to) {
  const path = relative(dirname(from), to).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * Pass 1's record of which input landed in which output, redrawn for outdir: the start-up chunks
 * merged into the entry, sizes as written. The benchmark reads it (`--metafile`).
 */
function describeOutputs(outputs, startup, outFile) {
  const name = (file) =>
    relative(root, outFile(startup.includes(file) ? startup[0] : file))
      .split(sep)
      .join("/");
  const described = {};
  for (const [file, info] of Object.entries(outputs)) {
    if (!file.endsWith(".js")) continue;
    described[name(file)] ??= { imports: [], inputs: {}, bytes: 0 };
    const into = described[name(file)];
    if (info.entryPoint) into.entryPoint = info.entryPoint;
    Object.assign(into.inputs, info.inputs);
    for (const imported of info.imports) {
      const path = imported.external ? imported.path : name(resolve(root, imported.path));
      if (path === name(file) && !imported.external) continue;
      if (!into.imports.some((i) => i.path === path && i.kind === imported.kind))
        into.imports.push({ ...imported, path });
    }
  }
  for (const [file, info] of Object.entries(described)) info.bytes = statSync(join(root, file)).size;
  return described;
}

// `--metafile FILE` keeps that record; never written into the output folder.
const metafileFlag = process.argv.indexOf("--metafile");
if (metafileFlag > 0 && process.argv[metafileFlag + 1]) {
  const outputs = Object.assign({}, ...metafiles);
  writeFileSync(resolve(process.argv[metafileFlag + 1]), JSON.stringify({ inputs: {}, outputs }));
}
const sizes = readdirSync(outdir, { recursive: true })
  .filter((file) => file.endsWith(".js"))
  .sort()
  .map(
    (file) =>
      `${relative(root, join(outdir, file))} ${(statSync(join(outdir, file)).size / 1024).toFixed(1)} KiB`,
  );
console.log(sizes.join("\n"));
