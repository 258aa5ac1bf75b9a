/**
 * Spawns one child process and collects its exit code and output, killing it when it outlives a
 * timer. The CLI, the authoring bundle and the Action helpers all run a built bundle this way; each
 * keeps its own environment and paths, and shares only this plumbing.
 */
import { spawn } from "node:child_process";

/** What a spawned process produced. */
export interface SpawnResult {
  /** The exit code; null when a signal (e.g. the kill timer) ended the process. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds from spawn to exit. */
  elapsedMs: number;
}

/** Options for {@link spawnAndCollect}. */
export interface SpawnOptions {
  cwd: string;
  /** The complete environment of the child (nothing is inherited beyond it). */
  env: Record<string, string>;
  /** Text written to standard input, which is then closed; when absent, stdin is not connected. */
  stdin?: string;
  /** Kill the process with SIGKILL after this many milliseconds. */
  timeoutMs: number;
}

/** Spawns `command ...args`, waits for it to close, and returns its exit code and UTF-8 output. */
export function spawnAndCollect(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<SpawnResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        elapsedMs: performance.now() - started,
      });
    });
    if (options.stdin !== undefined && child.stdin) {
      child.stdin.on("error", () => {
        // The child may exit before reading stdin (a usage error); that is not a test failure.
      });
      child.stdin.end(options.stdin);
    }
  });
}
