/**
 * Runs the built CLI (dist/cli.js) once as a user would, for the fleet and merge benchmarks: fake
 * credentials, instance metadata off, every endpoint on loopback, NODE_EXTRA_CA_CERTS removed (it
 * makes every Node start slower on hosts that set it), and the peak RSS read by the preload in
 * bench/max-rss.cjs.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { cliEnv } from "../test/helpers/cli.js";
import { spawnAndCollect } from "../test/helpers/spawn.js";

/** What one measured run took. */
export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  peakRssBytes: number;
}

/** Spawns `node --require max-rss.cjs dist/cli.js ...args` in `cwd` and measures it. */
export async function measureCli(
  root: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<MeasuredRun> {
  const rssFile = join(cwd, `.rss-${process.pid}-${Date.now()}`);
  const started = performance.now();
  const run = await spawnAndCollect(
    process.execPath,
    ["--require", join(root, "bench", "max-rss.cjs"), join(root, "dist", "cli.js"), ...args],
    {
      cwd,
      env: cliEnv({ ...env, NODE_EXTRA_CA_CERTS: undefined, SES_GUARD_BENCH_RSS_FILE: rssFile }),
      stdin: "",
      timeoutMs: 600_000,
    },
  );
  const wallMs = performance.now() - started;
  const peakKiB = Number(readFileSync(rssFile, "utf8").trim());
  rmSync(rssFile, { force: true });
  return { code: run.code, stdout: run.stdout, stderr: run.stderr, wallMs, peakRssBytes: peakKiB * 1024 };
}
