// Audits what ships. ses-guard has no runtime dependencies (dist/ bundles them), so
// `npm audit --omit=dev` would audit nothing. The packages that reach users are the ones whose
// files are in the bundle; the committed source maps of dist/ name each of them. This runs
// `npm audit` over the whole tree and keeps the advisories of those packages only: a
// vulnerability in a test tool never reaches a user and does not block a change.
// Prints "clean", "vulnerable: {...}" or "unavailable: why" (as .ci/run expects) and exits 0.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Package names whose files the bundle holds, from the `sources` of every dist/ source map. */
export function bundledPackages(dist = join(root, "dist")) {
  const names = new Set();
  const maps = readdirSync(dist, { recursive: true }).filter((file) => String(file).endsWith(".js.map"));
  for (const file of maps) {
    const { sources = [] } = JSON.parse(readFileSync(join(dist, String(file)), "utf8"));
    for (const source of sources) {
      // The innermost package: a nested copy (a/node_modules/b) is b, as bench/bundle-sizes.ts counts it.
      const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
      if (match) names.add(match[1]);
    }
  }
  return names;
}

function audit() {
  try {
    return execFileSync("npm", ["audit", "--json"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch (error) {
    // npm audit exits 1 when it finds something; its JSON is still on stdout.
    return error.stdout ?? "";
  }
}

function main() {
  const bundled = bundledPackages();
  let report;
  try {
    report = JSON.parse(audit());
  } catch {
    console.log("unavailable: no JSON from npm audit");
    return;
  }
  if (!report.vulnerabilities) {
    console.log(
      `unavailable: ${report.error?.summary || report.error?.code || report.message || "no audit data"}`,
    );
    return;
  }
  const shipped = Object.values(report.vulnerabilities).filter((entry) => bundled.has(entry.name));
  if (shipped.length === 0) console.log(`clean (${bundled.size} bundled packages)`);
  else
    console.log(
      `vulnerable: ${JSON.stringify(Object.fromEntries(shipped.map((v) => [v.name, v.severity])))}`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
