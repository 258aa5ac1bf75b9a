/**
 * Runs Node processes for the benchmark: wall time from spawn to exit, peak resident memory, and
 * the files each run loaded. Commands are interleaved round-robin, so a burst of load on the
 * machine hits every command alike and the ratios between them stay fair.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/** One process to measure: `node <args>` in `cwd` with exactly `env`. */
export interface BenchCommand {
  /** A short label, unique within a group. */
  name: string;
  /** The Node binary; the one running the benchmark when absent. */
  node?: string;
  /** Arguments after the Node binary. */
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** The exit code a correct run has; any other code stops the benchmark. */
  expectExit: number;
  /** Checks a correct run's standard output; returns a problem, or undefined when it is right. */
  verify?: (stdout: string) => string | undefined;
}

/** What one run produced. */
export interface RunOutcome {
  /** Milliseconds from spawn to exit. */
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command once and records its wall time. */
export function runOnce(command: BenchCommand, prefix: readonly string[] = []): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const node = command.node ?? process.execPath;
    const [file, ...rest] = prefix.length > 0 ? prefix : [node];
    const args = prefix.length > 0 ? [...rest, node, ...command.args] : command.args;
    const started = process.hrtime.bigint();
    const child = spawn(file as string, args, {
      cwd: command.cwd,
      env: command.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.once("error", reject);
    child.once("exit", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Pipes may still hold the last bytes after exit; wait for them before reading.
      child.once("close", () =>
        resolve({
          ms,
          code,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8"),
        }),
      );
    });
  });
}

/** Throws when a run did not do what the command is there to measure. */
export function assertCorrect(command: BenchCommand, outcome: RunOutcome): void {
  const problem =
    outcome.code !== command.expectExit
      ? `exited with ${outcome.code}, expected ${command.expectExit}`
      : command.verify?.(outcome.stdout);
  if (problem) {
    throw new Error(
      `benchmark command "${command.name}" ${problem}\n  ${command.node ?? "node"} ${command.args.join(" ")}\n${outcome.stderr.slice(0, 4000)}`,
    );
  }
}

/**
 * Times each command `repetitions` times, round-robin, after `warmup` untimed rounds (which fill
 * the page cache and Node's compile cache alike for every command). Every run is checked.
 */
export async function timeInterleaved(
  commands: readonly BenchCommand[],
  repetitions: number,
  warmup: number,
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  for (let round = 0; round < warmup + repetitions; round++) {
    for (const command of commands) {
      const outcome = await runOnce(command);
      assertCorrect(command, outcome);
      if (round >= warmup) samples.get(command.name)?.push(outcome.ms);
    }
  }
  return samples;
}

/** How peak RSS is measured: GNU time's `%M`, or a preload that reads the process's own rusage. */
export type RssMethod = { kind: "gnu-time"; path: string } | { kind: "preload"; script: string };

/** Picks GNU time when `time` on PATH accepts `-f %M`, else the preload in bench/max-rss.cjs. */
export function chooseRssMethod(benchDir: string, probeDir: string): RssMethod {
  const which = spawnSync("which", ["time"], { encoding: "utf8" });
  const path = which.status === 0 ? which.stdout.trim() : "";
  if (path) {
    const output = join(probeDir, "time-probe.txt");
    const probe = spawnSync(path, ["-f", "%M", "-o", output, process.execPath, "-e", "0"]);
    const ok = probe.status === 0 && existsSync(output) && /^\d+\s*$/.test(readFileSync(output, "utf8"));
    rmSync(output, { force: true });
    if (ok) return { kind: "gnu-time", path };
  }
  return { kind: "preload", script: join(benchDir, "max-rss.cjs") };
}

/** Describes the method for the report. */
export function describeRssMethod(method: RssMethod): string {
  return method.kind === "gnu-time"
    ? `\`${method.path} -f %M\` (the child's peak resident set, from the kernel's rusage)`
    : "`process.resourceUsage().maxRSS` read at exit by a preloaded module (bench/max-rss.cjs)";
}

/** Measures a command's peak resident memory in bytes, once per repetition. */
export async function peakRss(
  command: BenchCommand,
  method: RssMethod,
  repetitions: number,
  scratchDir: string,
): Promise<number[]> {
  const samples: number[] = [];
  const output = join(scratchDir, `rss-${command.name.replace(/[^a-z0-9]+/gi, "-")}.txt`);
  for (let i = 0; i < repetitions; i++) {
    rmSync(output, { force: true });
    if (method.kind === "gnu-time") {
      assertCorrect(command, await runOnce(command, [method.path, "-f", "%M", "-o", output]));
    } else {
      await runPreloaded(command, method.script, "SES_GUARD_BENCH_RSS_FILE", output);
    }
    const kib = Number.parseInt(readFileSync(output, "utf8").trim().split("\n").pop() ?? "", 10);
    if (!Number.isFinite(kib)) throw new Error(`no peak RSS recorded for "${command.name}"`);
    samples.push(kib * 1024);
  }
  return samples;
}

/** Runs a command once with a module-loading trace and returns the absolute paths it loaded. */
export async function loadedFiles(
  command: BenchCommand,
  benchDir: string,
  scratchDir: string,
): Promise<string[]> {
  const output = join(scratchDir, `loads-${command.name.replace(/[^a-z0-9]+/gi, "-")}.txt`);
  rmSync(output, { force: true });
  await runPreloaded(command, join(benchDir, "trace-loads.cjs"), "SES_GUARD_BENCH_TRACE_FILE", output);
  if (!existsSync(output)) throw new Error(`the load trace of "${command.name}" recorded nothing`);
  return [...new Set(readFileSync(output, "utf8").split("\n").filter(Boolean))];
}

/**
 * Runs a command once with `script` preloaded (`--require`), telling it through the environment
 * variable `outputVariable` which file to write; throws when the run was not correct.
 */
async function runPreloaded(
  command: BenchCommand,
  script: string,
  outputVariable: string,
  output: string,
): Promise<void> {
  const outcome = await runOnce({
    ...command,
    args: ["--require", script, ...command.args],
    env: { ...command.env, [outputVariable]: output },
  });
  assertCorrect(command, outcome);
}
