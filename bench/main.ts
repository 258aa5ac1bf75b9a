/**
 * `npm run bench`: builds ses-guard into a private folder, measures start-up, live reads, Region
 * fan-out, engine throughput, peak memory and bundle sizes side by side in one run, prints the
 * table and writes it into BENCHMARKS.md. `--quick` runs a few repetitions to prove the benchmark
 * still works and writes to a temporary file (or `--out FILE`), never to BENCHMARKS.md.
 *
 * Every process that could create an AWS client runs with fake credentials, instance metadata off
 * and AWS_ENDPOINT_URL on 127.0.0.1; nothing leaves loopback.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, release, tmpdir, totalmem, type } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { node24Install } from "../scripts/node24-path.mjs";
import { allSesRegionNames } from "../src/targets/regions.js";
import { createAwsTestEnv } from "../test/helpers/aws-test-env.js";
import {
  buildSdkFloor,
  describeEntry,
  listBuild,
  loadedBuildFiles,
  type OutputGraph,
} from "./bundle-sizes.js";
import type { EngineThroughput } from "./engine-throughput.js";
import {
  assertCorrect,
  type BenchCommand,
  chooseRssMethod,
  describeRssMethod,
  loadedFiles,
  peakRss,
  runOnce,
  timeInterleaved,
} from "./processes.js";
import { type BenchResults, checkBudgets, renderMarkdown, updateBenchmarksFile } from "./report.js";
import { BENCH_ACCOUNT_ID, startBenchServers } from "./servers.js";
import { summarize } from "./stats.js";

/** Where the benchmark lives and may write. */
export interface BenchPaths {
  /** The repository root. */
  root: string;
  /** The folder holding the bundled benchmark (engine-child.js). */
  bundleDir: string;
}

/** How much to measure. */
interface Plan {
  quick: boolean;
  processes: number;
  regions: number;
  rss: number;
  warmup: number;
  documents: number;
  passes: number;
}

const FULL: Plan = {
  quick: false,
  processes: 40,
  regions: 10,
  rss: 5,
  warmup: 2,
  documents: 10_000,
  passes: 7,
};
const QUICK: Plan = { quick: true, processes: 3, regions: 2, rss: 1, warmup: 1, documents: 200, passes: 2 };

/** The latency of the slow endpoint: a distant Region's round trip, exaggerated. */
const LATENCY_MS = 300;
const SAMPLE = "examples/accounts/production-healthy.json";

/** Runs the benchmark; returns the process exit code. */
export async function main(argv: readonly string[], paths: BenchPaths): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { quick: { type: "boolean", default: false }, out: { type: "string" } },
    strict: true,
  });
  const plan = values.quick ? QUICK : FULL;
  const { root } = paths;
  const work = mkdtempSync(join(tmpdir(), "ses-guard-bench-"));
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  let servers: Awaited<ReturnType<typeof startBenchServers>> | undefined;
  const envs: { cleanup(): Promise<void> }[] = [];
  try {
    log(`building into ${work}`);
    const buildDir = join(work, "dist");
    const metafilePath = join(work, "metafile.json");
    execFileSync(
      process.execPath,
      ["scripts/build.mjs", "--outdir", buildDir, "--no-generate", "--metafile", metafilePath],
      { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
    );
    const metafile = JSON.parse(readFileSync(metafilePath, "utf8")) as OutputGraph;
    const cli = join(buildDir, "cli.js");

    const account = JSON.parse(readFileSync(join(root, SAMPLE), "utf8")) as Record<string, unknown>;
    servers = await startBenchServers(account, LATENCY_MS);
    // ses-guard's code cache goes to a folder of the bench's own: the warm-up runs fill it, so every
    // counted run finds it warm (the "no code cache" rows turn it off), and the user's is untouched.
    const cacheHome = join(work, "code-cache-home");
    const offlineEnv = await createAwsTestEnv({
      endpointUrl: servers.fastSts.url,
      extra: { ...quiet(), XDG_CACHE_HOME: cacheHome },
    });
    const emulatorEnv = await createAwsTestEnv({
      endpointUrl: servers.emulator.url,
      extra: { ...quiet(), XDG_CACHE_HOME: cacheHome, AWS_ENDPOINT_URL_STS: servers.fastSts.url },
    });
    const slowEnv = await createAwsTestEnv({
      endpointUrl: servers.slow.url,
      extra: { ...quiet(), XDG_CACHE_HOME: cacheHome },
    });
    envs.push(offlineEnv, emulatorEnv, slowEnv);

    const policyFile = join(work, "policy.yaml");
    writeFileSync(policyFile, USER_POLICY);
    const regions = allSesRegionNames();
    const regionArgs = (list: string[] | "all") => [
      cli,
      "check",
      ...(list === "all" ? ["--all-regions"] : ["--region", list.join(",")]),
      "--format",
      "json",
    ];
    const command = (
      name: string,
      args: string[],
      env: Record<string, string>,
      verify?: BenchCommand["verify"],
    ) =>
      ({ name, args, env, cwd: root, expectExit: 0, ...(verify ? { verify } : {}) }) satisfies BenchCommand;

    const baseline = command("node -e 0", ["-e", "0"], offlineEnv.env);
    // NODE_EXTRA_CA_CERTS is removed from every measured process (see quiet()); when the host sets
    // it, one row shows what it costs Node's start here, for context.
    const hostCa = process.env.NODE_EXTRA_CA_CERTS;
    const caBaseline = hostCa
      ? command("node -e 0, host NODE_EXTRA_CA_CERTS", ["-e", "0"], {
          ...offlineEnv.env,
          NODE_EXTRA_CA_CERTS: hostCa,
        })
      : undefined;
    const offline = command(
      "offline",
      [cli, "check", "--input", SAMPLE],
      offlineEnv.env,
      expectText("6 passed, 0 failed"),
    );
    const userPolicy = command(
      "user policy",
      [cli, "check", "--policy", policyFile, "--input", SAMPLE],
      offlineEnv.env,
      expectText("8 passed, 0 failed"),
    );
    // What a run pays without the code cache: a first run, or one with SES_GUARD_COMPILE_CACHE=0.
    const cacheOff = (c: BenchCommand, name: string): BenchCommand => ({
      ...c,
      name,
      env: { ...c.env, SES_GUARD_COMPILE_CACHE: "0" },
    });
    const offlineCold = cacheOff(offline, "offline, no code cache");
    const userPolicyCold = cacheOff(userPolicy, "user policy, no code cache");
    const liveEmulator = command(
      "live emulator",
      regionArgs(["us-east-1"]),
      emulatorEnv.env,
      expectTargets(["us-east-1"]),
    );
    const tenRegions = regions.filter((r) => !r.includes("-south-") && r !== "il-central-1").slice(0, 10);
    const region1 = command("1 region", regionArgs(["us-east-1"]), slowEnv.env, expectTargets(["us-east-1"]));
    const region10 = command("10 regions", regionArgs(tenRegions), slowEnv.env, expectTargets(tenRegions));
    const regionAll = command("all regions", regionArgs("all"), slowEnv.env, expectTargets(regions));
    if (tenRegions.length !== 10) throw new Error("fewer than 10 SES Regions to read");
    // Node 24 runs the Action; scripts/node24.mjs installs it for the Action tests. Measured when present.
    const node24 = findNode24(root);
    const node24Baseline = node24
      ? { ...command("node24 -e 0", ["-e", "0"], offlineEnv.env), node: node24 }
      : undefined;
    const node24Offline = node24 ? { ...offline, name: "node24 offline", node: node24 } : undefined;
    const node24UserPolicy = node24 ? { ...userPolicy, name: "node24 user policy", node: node24 } : undefined;
    const optional = [caBaseline, node24Baseline, node24Offline, node24UserPolicy].filter(
      (c) => c !== undefined,
    );

    log("checking that every command does what it measures");
    for (const c of [
      baseline,
      offline,
      userPolicy,
      offlineCold,
      userPolicyCold,
      liveEmulator,
      region1,
      region10,
      regionAll,
      ...optional,
    ]) {
      assertCorrect(c, await runOnce(c));
    }

    log(`timing start-up (${plan.processes} runs each)`);
    const startup = await timeInterleaved(
      [baseline, offline, userPolicy, offlineCold, userPolicyCold, ...optional],
      plan.processes,
      plan.warmup,
    );
    // The live check is timed in a group of its own, beside the offline check it is compared with,
    // so the emulator's work after each answer cannot land on the start-up measurements.
    log(`timing the live check against the emulator (${plan.processes} runs each)`);
    const offlineBesideLive = { ...offline, name: "offline beside live" };
    const live = await timeInterleaved([offlineBesideLive, liveEmulator], plan.processes, plan.warmup);
    log(`timing 1, 10 and ${regions.length} Regions at ${LATENCY_MS} ms (${plan.regions} runs each)`);
    const fanOut = await timeInterleaved([region1, region10, regionAll], plan.regions, 1);

    const rssMethod = chooseRssMethod(join(root, "bench"), work);
    log(`measuring peak RSS (${plan.rss} runs each)`);
    const rss = async (c: BenchCommand) => summarize(await peakRss(c, rssMethod, plan.rss, work));

    log("tracing which files each path loads");
    const files = listBuild(buildDir);
    const loaded = async (c: BenchCommand) =>
      loadedBuildFiles(buildDir, files, await loadedFiles(c, join(root, "bench"), work));

    log(`engine throughput over ${plan.documents} documents`);
    const engine = measureEngine(paths, plan, process.execPath);
    const engine24 = node24 ? measureEngine(paths, plan, node24) : undefined;

    log("bundling the SDK floor");
    const floor = await buildSdkFloor(root, join(work, "floor"));
    const entryOutput = (name: string) =>
      Object.keys(metafile.outputs).find((o) => o.endsWith(`/${name}`) && metafile.outputs[o]?.entryPoint);
    // dist/cli.js, the bin, only loads dist/cli-main.js through the code cache: the CLI is cli-main.
    const cliOutput = entryOutput("cli-main.js");
    if (!cliOutput) throw new Error("the build's metafile has no cli-main.js entry");
    const actionOutput = entryOutput("action.js");

    const samples = new Map([...startup, ...live, ...fanOut]);
    const sample = (name: string) => summarize(samples.get(name) ?? []);
    const results: BenchResults = {
      date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      quick: plan.quick,
      machine: machine(),
      commit: commitOf(root),
      repetitions: { processes: plan.processes, regions: plan.regions, rss: plan.rss },
      latencyMs: LATENCY_MS,
      allRegions: regions.length,
      times: {
        nodeBaseline: sample(baseline.name),
        offline: sample(offline.name),
        userPolicy: sample(userPolicy.name),
        offlineNoCache: sample(offlineCold.name),
        userPolicyNoCache: sample(userPolicyCold.name),
        liveEmulator: sample(liveEmulator.name),
        offlineBesideLive: sample(offlineBesideLive.name),
        region1: sample(region1.name),
        region10: sample(region10.name),
        regionAll: sample(regionAll.name),
      },
      rss: {
        method: describeRssMethod(rssMethod),
        nodeBaseline: await rss(baseline),
        offline: await rss(offline),
        userPolicy: await rss(userPolicy),
        liveEmulator: await rss(liveEmulator),
        regionAll: await rss(regionAll),
      },
      engine,
      node24:
        node24 && node24Baseline && node24Offline && engine24
          ? {
              version: nodeVersion(node24),
              baseline: sample(node24Baseline.name),
              offline: sample(node24Offline.name),
              userPolicy: sample(node24UserPolicy?.name ?? ""),
              engine: engine24,
            }
          : undefined,
      caBaseline: caBaseline ? sample(caBaseline.name) : undefined,
      files,
      loaded: {
        offline: await loaded(offline),
        userPolicy: await loaded(userPolicy),
        live: await loaded(liveEmulator),
      },
      cli: describeEntry(metafile, cliOutput, root, floor),
      action: actionOutput ? describeEntry(metafile, actionOutput, root, floor) : undefined,
    };

    const section = renderMarkdown(results);
    process.stdout.write(`\n${section}\n`);
    const missed = checkBudgets(results).filter((b) => b.met === false);
    const benchmarksFile = join(root, "BENCHMARKS.md");
    const target = resolve(
      values.out ?? (plan.quick ? join(tmpdir(), `ses-guard-bench-${process.pid}.md`) : benchmarksFile),
    );
    // Quick numbers are not worth recording: they would replace the real ones.
    if (plan.quick && target === benchmarksFile)
      throw new Error("--quick never writes BENCHMARKS.md; pick another --out");
    const existing = existsSync(target) ? readFileSync(target, "utf8") : undefined;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, updateBenchmarksFile(existing, section));
    log(
      `wrote ${target}; ${missed.length === 0 ? "every measured budget met" : `missed: ${missed.map((b) => b.budget).join("; ")}`}`,
    );
    return 0;
  } finally {
    await servers?.close();
    for (const env of envs) await env.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

/** A policy a team would write: the recommended pack, two rules of its own and a waiver. */
const USER_POLICY = `version: 1
extends: [recommended]
overrides:
  vdm-enabled: { severity: notice }
rules:
  - id: marketing-quota
    title: The daily quota allows a campaign
    severity: warning
    check:
      all:
        - { path: SendQuota.Max24HourSend, greaterThanOrEqual: 50000 }
        - { path: $quotaUnlimited, equals: false }
  - id: review-granted
    title: The production access review was granted
    check:
      path: Details.ReviewDetails.Status
      in: [GRANTED]
waivers:
  - rule: quota-headroom
    regions: [ap-south-1]
    reason: Quota raise requested
    expires: 2099-12-31
`;

/**
 * Keeps colour, the host's Node options and NODE_EXTRA_CA_CERTS out of the measured processes.
 * Every Node process parses the bundle NODE_EXTRA_CA_CERTS names before running any script; on a
 * machine that sets it (this one points it at all system CAs) that would inflate `node -e 0` and
 * hide what ses-guard itself costs.
 */
function quiet(): Record<string, string | undefined> {
  return {
    NO_COLOR: "1",
    FORCE_COLOR: undefined,
    NODE_OPTIONS: undefined,
    NODE_V8_COVERAGE: undefined,
    NODE_EXTRA_CA_CERTS: undefined,
  };
}

function expectText(text: string): BenchCommand["verify"] {
  return (stdout) => (stdout.includes(text) ? undefined : `printed no "${text}":\n${stdout.slice(0, 2000)}`);
}

function expectTargets(regions: readonly string[]): BenchCommand["verify"] {
  return (stdout) => {
    const report = JSON.parse(stdout) as {
      targets: { region: string; status: string; accountId: string | null }[];
    };
    const ok = report.targets.filter((t) => t.status === "ok" && t.accountId === BENCH_ACCOUNT_ID);
    const want = [...regions].sort().join(",");
    const got = ok
      .map((t) => t.region)
      .sort()
      .join(",");
    return got === want
      ? undefined
      : `read Regions [${got}] with account ${BENCH_ACCOUNT_ID}, expected [${want}]`;
  };
}

function measureEngine(paths: BenchPaths, plan: Plan, node: string): EngineThroughput {
  const child = spawnSync(
    node,
    [join(paths.bundleDir, "engine-child.js"), String(plan.documents), String(plan.passes)],
    { cwd: paths.root, encoding: "utf8", env: withoutUndefined({ ...process.env, ...quiet() }) },
  );
  if (child.status !== 0) throw new Error(`the engine benchmark failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as EngineThroughput;
}

function withoutUndefined(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** The pinned Node 24 binary scripts/node24.mjs installs, when it has been installed. */
function findNode24(root: string): string | undefined {
  const { binary } = node24Install(root);
  return existsSync(binary) ? binary : undefined;
}

function nodeVersion(node: string): string {
  return spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
}

function machine(): BenchResults["machine"] {
  const cpu = cpus();
  return {
    node: process.version,
    cpu: cpu[0]?.model.trim() ?? "unknown CPU",
    cores: cpu.length,
    os: `${type()} ${release()}`,
    memoryBytes: totalmem(),
  };
}

function commitOf(root: string): string {
  const git = (args: string[]) => spawnSync("git", args, { cwd: root, encoding: "utf8" });
  const head = git(["rev-parse", "--short", "HEAD"]);
  if (head.status !== 0) return "unknown";
  const dirty = git(["status", "--porcelain", "--", "src", "scripts", "policies"]).stdout.trim() !== "";
  return `${head.stdout.trim()}${dirty ? " +uncommitted changes in src/, scripts/ or policies/" : ""}`;
}
