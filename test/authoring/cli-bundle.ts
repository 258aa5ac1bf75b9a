/**
 * Runs a private copy of the built bundle (dist/, from `npm run build`) in temporary directories.
 * The copy keeps a rebuild of dist/ running at the same time from pulling files from under a test.
 * The environment has no colour and none of the host's AWS settings; authoring commands never read
 * AWS, and should one try by mistake, the endpoint is a closed loopback port and instance metadata
 * is off, so it fails at once on this machine.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../helpers/cli.js";
import { spawnAndCollect } from "../helpers/spawn.js";

export { repoRoot };

/** What a run produced. */
export interface BundleResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A copy of dist/ and a way to run it. */
export interface Bundle {
  run(args: readonly string[], cwd: string, env?: Record<string, string>): Promise<BundleResult>;
  cleanup(): void;
}

/** Copies dist/ aside; fails with the command to run when there is no build. */
export function copyBundle(): Bundle {
  const dist = join(repoRoot, "dist");
  const dir = mkdtempSync(join(tmpdir(), "ses-guard-bundle-"));
  // A build running elsewhere empties dist/ for a moment; try again briefly rather than fail.
  for (let attempt = 0; ; attempt++) {
    try {
      if (!existsSync(join(dist, "cli.js"))) throw new Error("missing");
      cpSync(dist, join(dir, "dist"), { recursive: true });
      if (existsSync(join(dir, "dist", "cli.js"))) break;
      throw new Error("incomplete copy");
    } catch (error) {
      if (attempt >= 20) throw new Error(`${dist}/cli.js is missing: run \`npm run build\` first (${error})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  const cli = join(dir, "dist", "cli.js");
  return {
    run: (args, cwd, extra = {}) => runNode([cli, ...args], cwd, extra),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The host's environment without AWS settings or colour preferences, plus NO_COLOR. */
export function bundleEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith("AWS_") || key === "FORCE_COLOR" || key === "NO_COLOR")
      continue;
    env[key] = value;
  }
  return {
    ...env,
    NO_COLOR: "1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL: "http://127.0.0.1:9",
    ...extra,
  };
}

async function runNode(args: string[], cwd: string, extra: Record<string, string>): Promise<BundleResult> {
  const { code, stdout, stderr } = await spawnAndCollect(process.execPath, args, {
    cwd,
    env: bundleEnv(extra),
    timeoutMs: 20_000,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "ses-guard-authoring-"));
}
