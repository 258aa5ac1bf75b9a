// `npm run bench [-- --quick] [-- --out FILE]`: bundles the TypeScript benchmark (bench/*.ts,
// which imports ses-guard's sources and the loopback test servers) with esbuild into a private
// folder under node_modules/.cache, then runs it. See bench/main.ts. With `--fleet`
// (`npm run bench:fleet`) it runs the fleet read and merge benchmarks instead, bench/fleet-main.ts.
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// One folder per run, so two benchmarks at once (CI and a developer) never share files.
const bundleDir = join(root, "node_modules", ".cache", "ses-guard-bench", String(process.pid));
mkdirSync(bundleDir, { recursive: true });
try {
  await build({
    entryPoints: [
      join(root, "bench", "main.ts"),
      join(root, "bench", "engine-child.ts"),
      join(root, "bench", "fleet-main.ts"),
    ],
    outdir: bundleDir,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Dependencies stay in node_modules; only our TypeScript is bundled.
    packages: "external",
    sourcemap: "inline",
    logLevel: "warning",
  });
  const entry = process.argv.includes("--fleet") ? "fleet-main.js" : "main.js";
  const { main } = await import(pathToFileURL(join(bundleDir, entry)).href);
  process.exitCode = await main(process.argv.slice(2), { root, bundleDir });
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  rmSync(bundleDir, { recursive: true, force: true });
}
