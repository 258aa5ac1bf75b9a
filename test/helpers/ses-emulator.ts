/**
 * Starts the `aws-ses-v2-local` SES v2 emulator as a child process on a free loopback port.
 * Its GetAccount answers with the JSON in AWS_SES_ACCOUNT (it insists on full Details and
 * SendQuota), so each emulator serves one fixture account. A child process keeps that variable out
 * of the test's own environment and lets several emulators with different accounts run at once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** A running emulator. */
export interface SesEmulator {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 20_000;

/** Starts an emulator whose GetAccount returns `account`. */
export async function startSesEmulator(account: Record<string, unknown>): Promise<SesEmulator> {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve("aws-ses-v2-local/package.json"));
  const cli = join(packageDir, "dist", "cli.js");
  const child = spawn(process.execPath, [cli, "--host", "127.0.0.1", "--port", "0"], {
    // Only what the emulator needs: no AWS credentials or endpoints of the test run.
    env: { PATH: process.env.PATH ?? "", AWS_SES_ACCOUNT: JSON.stringify(account) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await waitForPort(child);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => stopChild(child),
  };
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`aws-ses-v2-local did not start within ${STARTUP_TIMEOUT_MS} ms:\n${output}`));
    }, STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      // It prints "server running at http://localhost:<port>" once it listens.
      const match = /server running at \S+:(\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`aws-ses-v2-local exited with ${code} before listening:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
