/**
 * The npm package as a user gets it: `npm pack` of this checkout, installed offline into an empty
 * folder. It must be one package (dist/ bundles every dependency), small, without source maps,
 * with the docs its README links to, and `npx ses-guard` must run from there with no other
 * node_modules anywhere near it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnAndCollect } from "../helpers/spawn.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MiB = 1024 * 1024;

interface PackedFile {
  path: string;
  size: number;
}
interface PackResult {
  filename: string;
  unpackedSize: number;
  files: PackedFile[];
}

let work: string;
let packed: PackResult;
let project: string;
/** An environment with only what npm needs: no registry is reachable from an offline install. */
let env: Record<string, string>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "ses-guard-package-"));
  env = {
    PATH: process.env.PATH ?? "",
    HOME: work,
    npm_config_cache: join(work, "npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
  const pack = await spawnAndCollect("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: root,
    env,
    timeoutMs: 120_000,
  });
  expect(pack.code, pack.stderr).toBe(0);
  const results = JSON.parse(pack.stdout) as PackResult[];
  expect(results).toHaveLength(1);
  packed = results[0] as PackResult;

  project = join(work, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), '{ "name": "uses-ses-guard", "private": true }\n');
  const install = await spawnAndCollect(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", join(work, packed.filename)],
    { cwd: project, env, timeoutMs: 120_000 },
  );
  expect(install.code, install.stderr).toBe(0);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the npm package", () => {
  it("declares no runtime dependencies and says where it lives", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.repository?.url).toMatch(/github\.com\/ses-guard\/ses-guard/);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs?.url).toMatch(/\/issues$/);
    expect(manifest.keywords).toContain("amazon-ses");
  });

  it("is at most 1.5 MiB unpacked, holds no source map, and ships the docs and packs", () => {
    expect(packed.unpackedSize).toBeLessThanOrEqual(1.5 * MiB);
    const paths = packed.files.map((file) => file.path);
    expect(paths.filter((path) => path.endsWith(".map"))).toEqual([]);
    for (const required of [
      "dist/cli.js",
      "dist/package.json",
      "docs/writing-policies.md",
      "policies/recommended.yaml",
      "policies/report.schema.json",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
    ]) {
      expect(paths).toContain(required);
    }
    // The Action runs from the repository at its tag, never from npm: its bundle stays out.
    expect(paths).not.toContain("dist/action.js");
    // Nothing from the source tree or the tests.
    expect(paths.filter((path) => /^(src|test|scripts|bench)\//.test(path))).toEqual([]);
  });

  it("installs offline as exactly one package", () => {
    const installed = readdirSync(join(project, "node_modules")).filter((name) => !name.startsWith("."));
    expect(installed).toEqual(["ses-guard"]);
    const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8"));
    expect(Object.keys(lock.packages).filter((key) => key !== "")).toEqual(["node_modules/ses-guard"]);
  });

  it("runs with npx from the install: a healthy account passes and one under review fails", async () => {
    const fixtures = join(root, "examples", "accounts");
    const run = (file: string) =>
      spawnAndCollect(
        "npx",
        [
          "--offline",
          "--no-install",
          "ses-guard",
          "check",
          "--policy",
          "recommended",
          "--input",
          join(fixtures, file),
        ],
        { cwd: project, env: { ...env, NO_COLOR: "1" }, timeoutMs: 60_000 },
      );
    const healthy = await run("production-healthy.json");
    expect(healthy.stderr).toBe("");
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toMatch(/passed/);
    const probation = await run("probation-bounce-only.json");
    expect(probation.code).toBe(1);
    expect(probation.stdout).toMatch(/EnforcementStatus/);
  }, 120_000);
});
