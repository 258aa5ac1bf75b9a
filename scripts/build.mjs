// Builds the committed bundles: dist/cli.js (the `ses-guard` bin) and dist/action.js (the
// GitHub Action). The AWS SDK is only reached through a dynamic import, so esbuild puts it in
// its own chunk and the offline path never loads it. Output is deterministic: CI rebuilds and
// fails when dist/ differs from what is committed.

import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { bundleOptions, reachableOutputs } from "./bundle-options.mjs";
import { noOidcClient } from "./no-oidc-client.mjs";
import { yamlEsm } from "./yaml-esm.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Strict: a mistyped flag (`--meta-file`) stops the build instead of being ignored.
const flags = readFlags();

/** The command line, or a one-line usage error (exit 2) for a flag the build does not know. */
function readFlags() {
  try {
    return parseArgs({
      options: {
        // `--outdir DIR` builds elsewhere (the benchmark measures its own copy, so a rebuild of dist/
        // running at the same time cannot pull files from under it).
        outdir: { type: "string" },
        // `--no-generate` bundles the committed src/generated/ as it is, leaving the source tree untouched.
        "no-generate": { type: "boolean", default: false },
        // `--metafile FILE` records the layout of the output for the benchmark (see describeOutputs).
        metafile: { type: "string" },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`build: ${error.message}\n`);
    process.exit(2);
  }
}
const outdir = flags.outdir ? resolve(flags.outdir) : join(root, "dist");
const metafilePath = flags.metafile ? resolve(flags.metafile) : undefined;
if (!flags["no-generate"]) await import("./generate.mjs");

// dist/cli.js, the bin, is a small loader built last (see buildBootstrap); the CLI itself is
// dist/cli-main.js, which that loader starts through ses-guard's code cache.
const entryPoints = { "cli-main": join(root, "src/cli/entry.ts") };
if (existsSync(join(root, "src/action/main.ts"))) entryPoints.action = join(root, "src/action/main.ts");

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
// Pass 1 splits the entries into ES module chunks in a scratch folder: what is loaded lazily
// (YAML, the AWS SDK, RE2, the CI formats, the authoring commands) gets chunks of its own, shared
// by the CLI and the Action.
// Pass 2 writes CommonJS. Each entry and every chunk it loads at start become one file, which
// records those chunks in a registry (a global keyed by chunk name) as it starts. Every other
// import of a chunk asks the registry first and requires the chunk's own file only when the
// running entry did not bring it: there is one copy of every module and of its state (error
// classes, the RE2 engine, the temporary-file registry). Chunks that an entry reaches only
// lazily keep files of their own; dynamic imports become require() inside a promise. Source maps
// are chained back to src/, and dist/package.json marks the folder as CommonJS.
const REGISTRY = 'globalThis[Symbol.for("ses-guard.start-up-chunks")]';

// The scratch folder sits inside the checkout: pass 1's source maps, which feed its chunk hashes,
// hold paths from it to src/, and those must not depend on where the repository is checked out.
const scratchParent = join(root, "node_modules", ".cache", "ses-guard-build");
mkdirSync(scratchParent, { recursive: true });
// Its real path: esbuild reports chunk paths resolved through symlinks, so a node_modules that is
// a symlink (a second checkout sharing one install) must not leave two spellings of one folder.
const scratch = realpathSync(mkdtempSync(join(scratchParent, "run-")));
let described;
try {
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    entryPoints,
    outdir: scratch,
    absWorkingDir: root,
    ...bundleOptions,
    plugins: [sdkLazyRequires, noOidcClient, yamlEsm],
  });
  described = await writeCommonJs(metafile);
  await buildBootstrap();
  writeFileSync(join(outdir, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
  for (const file of readdirSync(outdir, { recursive: true })) {
    if (file.endsWith(".js.map")) nameScratchSources(join(outdir, file));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Pass 2: writes pass 1's chunks as CommonJS files; returns the layout when --metafile asks for it. */
async function writeCommonJs(metafile) {
  const outputs = Object.fromEntries(
    Object.entries(metafile.outputs)
      .filter(([file]) => file.endsWith(".js"))
      .map(([file, info]) => [resolve(root, file), info]),
  );
  // (esbuild's metafile marks the targets of dynamic imports as entry points too.)
  const entryFiles = Object.keys(entryPoints).map((name) => join(scratch, `${name}.js`));
  const reach = (start, dynamic) => reachableOutputs(outputs, start, dynamic, (path) => resolve(root, path));
  const startup = new Map(entryFiles.map((entry) => [entry, reach(entry, false)]));
  const reachable = new Map(entryFiles.map((entry) => [entry, reach(entry, true)]));
  // A chunk gets a file of its own when some entry can reach it without loading it at start.
  const standalone = Object.keys(outputs).filter(
    (file) =>
      !entryFiles.includes(file) &&
      entryFiles.some((entry) => reachable.get(entry).has(file) && !startup.get(entry).has(file)),
  );
  const outFile = (file) => join(outdir, relative(scratch, file));
  const chunkId = (file) => relative(scratch, file).split(sep).join("/");

  // Pass 1's options without what only splitting needs (each build here writes one file); format
  // and legal comments are this pass's own.
  const { splitting, chunkNames, metafile: _metafile, ...passOne } = bundleOptions;
  const common = {
    ...passOne,
    format: "cjs",
    // Pass 1 moved licences to .LEGAL.txt files and left a comment naming each.
    legalComments: "inline",
    // Already reported (or not) by pass 1; the AWS SDK's XML entity table repeats a key.
    logOverride: { "duplicate-object-key": "silent" },
  };
  // Chunks in `inline` are bundled into the file being written; any other chunk is imported
  // through a stub that asks the registry, then the chunk's own file.
  const linkChunks = (importerOut, inline) => ({
    name: "link-chunks",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === "entry-point") return undefined;
        // The require() of a chunk's own file, written by the stub below.
        if (args.namespace === "chunk") return { path: args.path, external: true };
        const target = resolve(args.resolveDir, args.path);
        if (!outputs[target]) throw new Error(`${args.importer} imports ${target}, which is not a chunk`);
        if (entryFiles.includes(target)) throw new Error(`${args.importer} imports the entry ${target}`);
        if (inline.has(target) && inline.has(args.importer)) return undefined;
        return { path: target, namespace: "chunk" };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: "chunk" }, (args) => ({
        contents: `module.exports = ${REGISTRY}?.[${JSON.stringify(chunkId(args.path))}] ?? require(${JSON.stringify(relativeImport(importerOut, outFile(args.path)))});\n`,
        loader: "js",
      }));
    },
  });

  for (const entry of entryFiles) {
    const chunks = [...startup.get(entry)].filter((file) => file !== entry).sort();
    // Imports run before the body, so the chunks are recorded once the entry's own start-up code
    // has run; everything that reads the registry is loaded later, behind a promise.
    const facade = [
      ...chunks.map((file, i) => `import * as start${i} from ${JSON.stringify(file)};`),
      `import ${JSON.stringify(entry)};`,
      `const registry = (${REGISTRY} ??= {});`,
      ...chunks.map((file, i) => `registry[${JSON.stringify(chunkId(file))}] = start${i};`),
    ];
    await build({
      ...common,
      stdin: {
        contents: `${facade.join("\n")}\n`,
        resolveDir: dirname(entry),
        sourcefile: `${chunkId(entry).replace(/\.js$/, "")}-start.js`,
        loader: "js",
      },
      outfile: outFile(entry),
      // The Action's entry is run by `node`; the CLI's is loaded by dist/cli.js, the bin.
      ...(entry.endsWith(`${sep}cli-main.js`) ? {} : { banner: { js: "#!/usr/bin/env node" } }),
      plugins: [linkChunks(outFile(entry), startup.get(entry))],
    });
  }
  for (const file of standalone) {
    await build({
      ...common,
      entryPoints: [file],
      outfile: outFile(file),
      plugins: [linkChunks(outFile(file), new Set([file]))],
    });
  }
  for (const file of Object.keys(outputs)) {
    if (existsSync(`${file}.LEGAL.txt`)) cpSync(`${file}.LEGAL.txt`, outFile(`${file}.LEGAL.txt`));
  }
  return metafilePath ? describeOutputs(outputs, entryFiles, startup, standalone, outFile) : undefined;
}

/**
 * dist/cli.js: the bin, src/cli/bootstrap.ts alone, with the content hash of everything else in
 * dist/ written in as SES_GUARD_BUILD_ID. The code cache of one build is kept apart from every
 * other's by that hash, so a cache entry is never read against code it was not made from.
 */
async function buildBootstrap() {
  const hash = createHash("sha256");
  const files = readdirSync(outdir, { recursive: true })
    .map((file) => file.split(sep).join("/"))
    .filter((file) => file.endsWith(".js"))
    .sort();
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(outdir, file)))
      .update("\0");
  const { splitting, chunkNames, metafile: _metafile, ...passOne } = bundleOptions;
  await build({
    ...passOne,
    entryPoints: [join(root, "src/cli/bootstrap.ts")],
    outfile: join(outdir, "cli.js"),
    format: "cjs",
    legalComments: "inline",
    banner: { js: "#!/usr/bin/env node" },
    define: { SES_GUARD_BUILD_ID: JSON.stringify(hash.digest("hex").slice(0, 16)) },
  });
}

/**
 * Source maps name some of pass 1's files (the runtime helpers, the start-up facade) by their path
 * in the scratch folder, which changes with every build; they get a fixed name instead, so the
 * output stays the same from build to build and from checkout to checkout.
 */
function nameScratchSources(mapFile) {
  const map = JSON.parse(readFileSync(mapFile, "utf8"));
  map.sources = map.sources.map((source) => {
    const path = source.startsWith("chunk:")
      ? source.slice("chunk:".length)
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
 * Pass 1's record of which input landed in which output, redrawn for outdir: each entry holding
 * its start-up chunks, the other chunks as files of their own. `bytes` is a file's size as written
 * to outdir; the per-input `bytesInOutput` are pass 1's counts. Only what the benchmark reads
 * (`--metafile`, bench/bundle-sizes.ts) is kept: `entryPoint` marks the entries only.
 */
function describeOutputs(outputs, entryFiles, startup, standalone, outFile) {
  const name = (file) => relative(root, outFile(file)).split(sep).join("/");
  const described = {};
  for (const file of [...entryFiles, ...standalone]) {
    const isEntry = entryFiles.includes(file);
    const merged = isEntry ? [...startup.get(file)] : [file];
    const info = { imports: [], inputs: {}, bytes: statSync(outFile(file)).size };
    if (isEntry) info.entryPoint = outputs[file].entryPoint;
    for (const part of merged) {
      Object.assign(info.inputs, outputs[part].inputs);
      for (const imported of outputs[part].imports) {
        const target = imported.external ? undefined : resolve(root, imported.path);
        if (target && merged.includes(target)) continue;
        // A chunk that every entry reaching it brings at start is never loaded from a file.
        if (target && !standalone.includes(target)) continue;
        const path = target ? name(target) : imported.path;
        const { kind, external } = imported;
        if (!info.imports.some((i) => i.path === path && i.kind === kind))
          info.imports.push(external ? { path, kind, external } : { path, kind });
      }
    }
    described[name(file)] = info;
  }
  return described;
}

// `--metafile FILE` keeps that record; never written into the output folder.
if (metafilePath) writeFileSync(metafilePath, JSON.stringify({ outputs: described }));
const sizes = readdirSync(outdir, { recursive: true })
  .filter((file) => file.endsWith(".js"))
  .sort()
  .map(
    (file) =>
      `${relative(root, join(outdir, file))} ${(statSync(join(outdir, file)).size / 1024).toFixed(1)} KiB`,
  );
console.log(sizes.join("\n"));
