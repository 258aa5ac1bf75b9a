/**
 * `npm run bench:fleet [-- --runs N] [-- --sizes 10,100,1000] [-- --shards 256]`: the fleet
 * benchmarks, run by hand (numbers go into BENCHMARKS.md, "Fleet"). Both run the built CLI
 * (dist/cli.js; `npm run build` first):
 * - read: `check --accounts-file --role` of N accounts × the 17 Regions that need no opt-in, at
 *   the default concurrency, against the fleet fake behind a proxy adding 50 ms to every request
 *   (STS and SES), writing JSON, SARIF and the full text report;
 * - merge: the 1,000-account report split into 256 shard reports, then `merge` to JSON and SARIF.
 * Prints medians, peak RSS and the machine's load, as Markdown.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { SES_REGIONS } from "../src/targets/regions.js";
import { startFleetServer } from "../test/helpers/fleet-server.js";
import { type MeasuredRun, measureCli } from "./fleet-child.js";
import { startLatencyProxy } from "./fleet-latency.js";
import { splitIntoShards } from "./merge-shards.js";
import { summarize } from "./stats.js";

const LATENCY_MS = 50;
const EXAMPLES = ["production-healthy", "probation-bounce-only", "sandbox-new", "unlimited-quota"];
const REGIONS = SES_REGIONS.filter((r) => !r.optIn).map((r) => r.name);

interface Flags {
  runs: number;
  mergeRuns: number;
  /** `--concurrency` for the read, when not the default. */
  concurrency?: string;
  sizes: number[];
  shards: number;
}

function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = { runs: 3, mergeRuns: 5, sizes: [10, 100, 1000], shards: 256 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1] ?? "";
    if (argv[i] === "--runs") flags.runs = Number(value);
    else if (argv[i] === "--sizes") flags.sizes = value.split(",").map(Number);
    else if (argv[i] === "--shards") flags.shards = Number(value);
    else if (argv[i] === "--merge-runs") flags.mergeRuns = Number(value);
    else if (argv[i] === "--concurrency") flags.concurrency = value;
    else if (argv[i] !== "--fleet") throw new Error(`unknown flag ${argv[i]}`);
    if (argv[i] !== "--fleet") i++;
  }
  return flags;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

/** Fails the benchmark when a run did not do what it measures. */
function expectRun(run: MeasuredRun, what: string, codes: number[]): void {
  if (run.code === null || !codes.includes(run.code)) {
    throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(0, 2000)}`);
  }
}

export async function main(argv: string[], { root }: { root: string }): Promise<number> {
  const flags = parseFlags(argv);
  if (!existsSync(join(root, "dist", "cli.js")))
    throw new Error("dist/cli.js is missing: run `npm run build`");
  const dir = mkdtempSync(join(tmpdir(), "ses-guard-bench-fleet-"));
  const fleet = await startFleetServer();
  const proxy = await startLatencyProxy(fleet.url, LATENCY_MS);
  // The example accounts in turn, so reports hold failures (SARIF results, text lines) as a real fleet's would.
  const bodies = EXAMPLES.map((name) =>
    JSON.parse(readFileSync(join(root, "examples", "accounts", `${name}.json`), "utf8")),
  );
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    say(
      `Measured ${new Date().toISOString()} on ${cpus()[0]?.model ?? "?"} (${cpus().length} cores), Node ${process.version}; load average at start ${load()}.`,
    );
    say("");
    say(
      `### Reading a fleet (${REGIONS.length} Regions, ${LATENCY_MS} ms per request, ${flags.concurrency ? `--concurrency ${flags.concurrency}` : "default concurrency"}), ${flags.runs} runs each`,
    );
    say("");
    say(
      "| Accounts | Targets | Wall (median) | min–max | Per target | Peak RSS (max) | JSON | SARIF | text | text `--quiet` | Load after |",
    );
    say("|---|---|---|---|---|---|---|---|---|---|---|");
    const walls = new Map<number, number>();
    for (const size of flags.sizes) {
      const accounts = Array.from({ length: size }, (_, n) => ({
        id: String(400000000000 + n * 7919),
        name: `mail-${n}`,
      }));
      writeFileSync(join(dir, `fleet-${size}.json`), JSON.stringify({ accounts }));
      for (const [n, account] of accounts.entries())
        fleet.accountData.set(account.id, bodies[n % bodies.length]);
      const runs: MeasuredRun[] = [];
      for (let r = 0; r < flags.runs; r++) {
        fleet.sesCalls.length = 0;
        fleet.sts.assumeRoleCalls.length = 0;
        fleet.sts.assumeRoleKeys.length = 0;
        const run = await measureCli(
          root,
          [
            "check",
            "--accounts-file",
            `fleet-${size}.json`,
            "--role",
            "ses-audit",
            "--region",
            REGIONS.join(","),
            "--format",
            `json=read-${size}.json`,
            "--format",
            `sarif=read-${size}.sarif`,
            "--format",
            `text=read-${size}.txt`,
            ...(flags.concurrency ? ["--concurrency", flags.concurrency] : []),
          ],
          dir,
          { AWS_ENDPOINT_URL: proxy.url, AWS_MAX_ATTEMPTS: "1" },
        );
        expectRun(run, `check of ${size} accounts`, [0, 1]);
        if (fleet.sesCalls.length !== size * REGIONS.length)
          throw new Error(`${fleet.sesCalls.length} GetAccount calls for ${size} accounts`);
        runs.push(run);
      }
      // The text report again with --quiet (passing targets compact), from the same JSON report.
      const quiet = await measureCli(
        root,
        ["merge", `read-${size}.json`, "--format", `text=quiet-${size}.txt`, "--quiet"],
        dir,
      );
      expectRun(quiet, "merge --quiet", [0, 1]);
      const times = summarize(runs.map((r) => r.wallMs));
      const wall = times.median;
      walls.set(size, wall);
      const targets = size * REGIONS.length;
      const size_ = (ext: string) => mib(statSync(join(dir, `read-${size}.${ext}`)).size);
      say(
        `| ${size} | ${targets} | ${seconds(wall)} | ${seconds(times.min)}–${seconds(times.max)} | ${(wall / targets).toFixed(2)} ms | ${mib(Math.max(...runs.map((r) => r.peakRssBytes)))} | ${size_("json")} | ${size_("sarif")} | ${size_("txt")} | ${mib(statSync(join(dir, `quiet-${size}.txt`)).size)} | ${load()} |`,
      );
    }
    const sorted = [...walls.entries()].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) {
      const [small, t0] = sorted[i - 1] as [number, number];
      const [large, t1] = sorted[i] as [number, number];
      say("");
      say(
        `${small} → ${large} accounts: ${(t1 / t0).toFixed(2)}x the wall time for ${large / small}x the targets; marginal cost ${((t1 - t0) / ((large - small) * REGIONS.length)).toFixed(2)} ms per target.`,
      );
    }
    const largest = Math.max(...flags.sizes);
    if (flags.mergeRuns < 1) return 0;
    say("");
    say(
      `### Merging ${flags.shards} shard reports of ${largest} accounts × ${REGIONS.length} Regions, ${flags.mergeRuns} runs`,
    );
    say("");
    const whole = JSON.parse(readFileSync(join(dir, `read-${largest}.json`), "utf8"));
    const names = splitIntoShards(whole, flags.shards).map((shard, k) => {
      const name = `shard-${k + 1}.json`;
      writeFileSync(join(dir, name), JSON.stringify(shard));
      return name;
    });
    const merges: MeasuredRun[] = [];
    for (let r = 0; r < flags.mergeRuns; r++) {
      const run = await measureCli(
        root,
        ["merge", ...names, "--format", "json=merged.json", "--format", "sarif=merged.sarif", "--quiet"],
        dir,
      );
      expectRun(run, "merge", [0, 1]);
      const merged = JSON.parse(readFileSync(join(dir, "merged.json"), "utf8")) as { results: unknown[] };
      if (merged.results.length !== whole.results.length)
        throw new Error(`merge kept ${merged.results.length} of ${whole.results.length} results`);
      merges.push(run);
    }
    const mergeTimes = summarize(merges.map((r) => r.wallMs));
    say("| Wall (median) | min–max | Peak RSS (max) | merged JSON | merged SARIF | Load after |");
    say("|---|---|---|---|---|---|");
    say(
      `| ${seconds(mergeTimes.median)} | ${seconds(mergeTimes.min)}–${seconds(mergeTimes.max)} | ${mib(Math.max(...merges.map((r) => r.peakRssBytes)))} | ${mib(statSync(join(dir, "merged.json")).size)} | ${mib(statSync(join(dir, "merged.sarif")).size)} | ${load()} |`,
    );
    return 0;
  } finally {
    await proxy.close();
    await fleet.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
