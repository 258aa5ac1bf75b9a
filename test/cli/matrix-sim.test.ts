/**
 * A simulated GitHub Actions matrix over live reads: 400 accounts × 2 Regions from an accounts file
 * with `--role`, every AWS endpoint (STS, SES) on the loopback fleet fake. One unsharded `check`
 * of the built CLI, then 8 `check --shard K/8` processes (a few at a time, as a 2-core runner
 * can bear), then `merge`. The merge equals the unsharded run result for result; a deleted shard
 * makes it exit 3, a duplicated one exit 2.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { accountsDir, type CliResult, runCli, tempDir } from "../helpers/cli.js";
import { type FleetServer, startFleetServer } from "../helpers/fleet-server.js";

const ACCOUNTS = Array.from({ length: 400 }, (_, n) => String(310000000000 + n * 97));
const REGIONS = "us-east-1,eu-west-1";
const SHARDS = 8;
// Shard processes at once: enough to overlap start-up, few enough for a 2-core CI runner.
const AT_ONCE = 3;
const FIXTURES = ["production-healthy", "probation-bounce-only", "sandbox-new", "unlimited-quota"];

const { dir, cleanup } = tempDir("ses-guard-matrix-sim-");
let server: FleetServer;
let whole: CliResult;
let shards: CliResult[] = [];
const shardFiles = Array.from({ length: SHARDS }, (_, k) => `shard-${k + 1}.json`);

const check = (extra: string[]) =>
  runCli(["check", "--accounts-file", "fleet.json", "--role", "ses-audit", "--region", REGIONS, ...extra], {
    cwd: dir,
    env: { AWS_ENDPOINT_URL: server.url, AWS_MAX_ATTEMPTS: "1" },
    timeoutMs: 60_000,
  });

/** Runs `tasks` with at most `limit` of them at once, keeping their order in the answer. */
async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

const read = (file: string, folder = dir) => JSON.parse(readFileSync(join(folder, file), "utf8")) as Report;
const key = (r: { region: string; accountId: string | null; ruleId?: string }) =>
  `${r.accountId} ${r.region} ${r.ruleId ?? ""}`;
const bySorted = <T extends { region: string; accountId: string | null }>(items: readonly T[]) =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

beforeAll(async () => {
  server = await startFleetServer();
  const bodies = FIXTURES.map((name) => JSON.parse(readFileSync(join(accountsDir, `${name}.json`), "utf8")));
  for (const [n, id] of ACCOUNTS.entries()) server.accountData.set(id, bodies[n % bodies.length]);
  // Failures of both kinds must survive sharding and merging: a role that cannot be assumed
  // (every Region of the account an error) and an account whose GetAccount is refused.
  for (const id of ACCOUNTS.filter((_, n) => n % 50 === 7)) {
    server.sts.deniedRoles.add(`arn:aws:iam::${id}:role/ses-audit`);
  }
  for (const id of ACCOUNTS.filter((_, n) => n % 50 === 31)) server.sesDenied.add(id);
  const accounts = ACCOUNTS.map((id, n) => ({ id, name: `mail-${n}`, tags: { team: `t${n % 5}` } }));
  // Shuffled in the file: the report's order must not depend on it.
  accounts.sort((a, b) => (a.name < b.name ? -1 : 1));
  writeFileSync(join(dir, "fleet.json"), JSON.stringify({ accounts }));

  whole = await check(["--format", "json=whole.json", "--quiet"]);
  shards = await inBatches(
    shardFiles.map(
      (file, k) => () => check(["--shard", `${k + 1}/${SHARDS}`, "--format", `json=${file}`, "--quiet"]),
    ),
    AT_ONCE,
  );
}, 180_000);

afterAll(async () => {
  await server?.close();
  cleanup();
});

describe("a live matrix of 8 shards over the fleet fake, merged", () => {
  it("reads every account once across the shards, each shard exiting 3 for its failed accounts", () => {
    expect(whole.code, whole.stderr).toBe(3);
    for (const run of shards) expect(run.code, run.stderr).toBe(3);
    // The unsharded run and the 8 shards each asked SES once per readable account and Region.
    const readable = ACCOUNTS.length - 8;
    expect(server.sesCalls).toHaveLength(2 * readable * 2);
    const perShard = shardFiles.map((file) => new Set(read(file).targets.map((t) => t.accountId)));
    const all = perShard.flatMap((accounts) => [...accounts]);
    expect(all).toHaveLength(ACCOUNTS.length);
    expect(new Set(all)).toEqual(new Set(ACCOUNTS));
    expect(shardFiles.map((file) => read(file).shard)).toEqual(
      shardFiles.map((_, k) => ({ index: k + 1, count: SHARDS })),
    );
  });

  it("merges into the unsharded run's results, result for result, with its exit code", async () => {
    const run = await runCli(["merge", ...shardFiles, "--format", "json=merged.json", "--quiet"], {
      cwd: dir,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(3);
    const unsharded = read("whole.json");
    const merged = read("merged.json");
    expect(unsharded.targets).toHaveLength(800);
    expect(unsharded.targets.filter((t) => t.status === "error")).toHaveLength(2 * 8 + 2 * 8);
    expect(unsharded.results.length).toBeGreaterThan(4000);
    expect(new Set(unsharded.results.map((r) => r.status))).toEqual(new Set(["pass", "fail", "error"]));
    expect(merged.results).toHaveLength(unsharded.results.length);
    expect(bySorted(merged.results)).toEqual(bySorted(unsharded.results));
    expect(bySorted(merged.targets)).toEqual(bySorted(unsharded.targets));
    expect(merged.summary).toEqual(unsharded.summary);
    expect(merged.policyDigest).toBe(unsharded.policyDigest);
  });

  it("exits 3 and names the missing shard when one shard's report is deleted", async () => {
    const { dir: partial, cleanup: done } = tempDir("ses-guard-matrix-sim-partial-");
    try {
      for (const file of shardFiles) copyFileSync(join(dir, file), join(partial, file));
      rmSync(join(partial, "shard-6.json"));
      const run = await runCli(
        ["merge", ...shardFiles.filter((f) => f !== "shard-6.json"), "--format", "json=merged.json"],
        { cwd: partial },
      );
      expect(run.code).toBe(3);
      expect(run.stdout).toContain("shard 6/8 is missing");
      const merged = read("merged.json", partial);
      expect(merged.targets.filter((t) => t.error?.code === "merge/missing-shard")).toHaveLength(1);
      // Nothing of the missing shard's accounts passes.
      const missing = new Set(read("shard-6.json").targets.map((t) => t.accountId));
      expect(merged.results.filter((r) => missing.has(r.accountId))).toEqual([]);
    } finally {
      done();
    }
  });

  it("exits 2 and writes nothing when one shard's report arrives twice", async () => {
    copyFileSync(join(dir, "shard-3.json"), join(dir, "shard-3-again.json"));
    const run = await runCli(["merge", ...shardFiles, "shard-3-again.json", "--format", "json=twice.json"], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("are both shard 3/8");
    expect(() => readFileSync(join(dir, "twice.json"))).toThrow();
  });
});
