/**
 * Runs the built `ses-guard` bundle (dist/cli.js) the way a user would, with a controlled
 * environment: no colour unless asked, none of the host's AWS settings, and every AWS endpoint on
 * a closed loopback port, so a test that reached the live path by mistake fails fast instead of
 * talking to AWS. The suite needs a built dist/ (`npm run build`; CI builds before testing).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnAndCollect } from "./spawn.js";

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The bundled CLI the tests run. */
export const cliPath = join(repoRoot, "dist", "cli.js");

/** The example accounts shipped with the repository. */
export const accountsDir = join(repoRoot, "examples", "accounts");

/** What a CLI run produced. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds from spawn to exit. */
  elapsedMs: number;
}

/** Options for {@link runCli}. */
export interface CliOptions {
  /** Working directory; the repository root by default. */
  cwd?: string;
  /** Text written to standard input (closed right away when absent). */
  stdin?: string;
  /** Extra environment variables; `undefined` removes one (e.g. `NO_COLOR: undefined`). */
  env?: Record<string, string | undefined>;
  /** Kill the process after this many milliseconds (default 20 s). */
  timeoutMs?: number;
}

/** The environment every run starts from: the host's minus AWS_* and colour settings. */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (key.startsWith("AWS_") || key === "NO_COLOR" || key === "FORCE_COLOR") continue;
    env[key] = value;
  }
  Object.assign(env, {
    NO_COLOR: "1",
    AWS_ACCESS_KEY_ID: "AKIASESGUARDTESTCLI1",
    AWS_SECRET_ACCESS_KEY: "sesGuardCliTestSecretNotReal",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    // Port 9 (discard) on loopback: nothing listens, so a stray live read is refused at once.
    AWS_ENDPOINT_URL: "http://127.0.0.1:9",
    AWS_MAX_ATTEMPTS: "1",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  });
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Spawns `node dist/cli.js ...args` and collects its exit code and output. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: run \`npm run build\` before the CLI tests`);
  }
  return spawnAndCollect(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: cliEnv(options.env),
    stdin: options.stdin ?? "",
    timeoutMs: options.timeoutMs ?? 20_000,
  });
}

/** A fresh temporary directory and a function that removes it. */
export function tempDir(prefix = "ses-guard-cli-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** True when stderr holds a JavaScript stack frame, which a user mistake must never print. */
export function hasStackTrace(stderr: string): boolean {
  return /^\s{4}at /m.test(stderr);
}
