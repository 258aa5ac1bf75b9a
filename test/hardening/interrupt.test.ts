/**
 * Interruption: SIGINT or SIGTERM while a live read waits on SES ends the built CLI promptly with
 * 130 or 143, and leaves nothing half-written: no report or snapshot file, no temporary file, and
 * a report or snapshot from an earlier run untouched. Each test starts the CLI against the fault
 * server, waits until GetAccount has reached the server, then signals.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cliEnv, cliPath, hasStackTrace, tempDir } from "../helpers/cli.js";
import { useFaultServer } from "../helpers/use-fault-server.js";

const live = useFaultServer();
const { dir, cleanup } = tempDir("ses-guard-interrupt-");
afterAll(cleanup);
beforeEach(() => {
  // SES answers, but only after far longer than any test waits.
  live.server.on("*", { kind: "ok", delayMs: 60_000 });
});

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from the signal to the exit. */
  afterSignalMs: number;
}

/** Starts the CLI in `cwd`, waits for its GetAccount request to arrive, sends `signal`. */
async function interrupt(args: string[], cwd: string, signal: NodeJS.Signals): Promise<Interrupted> {
  const child: ChildProcess = spawn(process.execPath, [cliPath, ...args], {
    cwd,
    env: cliEnv({ AWS_ENDPOINT_URL: live.server.url, AWS_MAX_ATTEMPTS: "1" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    const started = Date.now();
    while (live.server.requests.filter((r) => r.operation === "GetAccount").length === 0) {
      if (Date.now() - started > 20_000) throw new Error(`no request reached the server; stderr: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const signalled = performance.now();
    child.kill(signal);
    const [code, killedBy] = await exited;
    return { code, signal: killedBy, stderr, afterSignalMs: performance.now() - signalled };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

function workspace(name: string, previous?: Record<string, string>): { cwd: string; out: string } {
  const cwd = join(dir, name);
  const out = join(cwd, "out");
  mkdirSync(out, { recursive: true });
  for (const [file, text] of Object.entries(previous ?? {})) writeFileSync(join(out, file), text);
  return { cwd, out };
}

const check = [
  "check",
  "--region",
  "us-east-1,eu-west-1",
  "--timeout",
  "60",
  "--format",
  "json=out/report.json",
  "--format",
  "sarif=out/report.sarif",
];

describe("a signal during a live check", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s ends it within 2 s with exit %i and writes no report", async (signal, expected) => {
    const { cwd, out } = workspace(`check-${signal}`);
    const run = await interrupt(check, cwd, signal);
    expect(run.code, run.stderr).toBe(expected);
    expect(run.afterSignalMs).toBeLessThan(2_000);
    expect(run.stderr).toBe(`ses-guard: interrupted by ${signal}; nothing was written\n`);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });

  it("leaves the reports of an earlier run as they were", async () => {
    const previous = { "report.json": '{"previous": true}\n', "report.sarif": '{"previous": "sarif"}\n' };
    const { cwd, out } = workspace("check-previous", previous);
    const run = await interrupt(check, cwd, "SIGINT");
    expect(run.code).toBe(130);
    expect(readdirSync(out).sort()).toEqual(["report.json", "report.sarif"]);
    for (const [file, text] of Object.entries(previous))
      expect(readFileSync(join(out, file), "utf8")).toBe(text);
  });
});

describe("a signal during a snapshot", () => {
  const snapshot = ["snapshot", "--region", "us-east-1", "--timeout", "60", "--out", "out/evidence.json"];

  it("SIGTERM ends it within 2 s with exit 143 and writes no snapshot", async () => {
    const { cwd, out } = workspace("snapshot-new");
    const run = await interrupt(snapshot, cwd, "SIGTERM");
    expect(run.code, run.stderr).toBe(143);
    expect(run.afterSignalMs).toBeLessThan(2_000);
    expect(readdirSync(out)).toEqual([]);
  });

  it("leaves the snapshot of an earlier run as it was", async () => {
    const previous = '{"kind": "ses-guard/snapshot", "version": 1, "targets": []}\n';
    const { cwd, out } = workspace("snapshot-previous", { "evidence.json": previous });
    const run = await interrupt(snapshot, cwd, "SIGINT");
    expect(run.code).toBe(130);
    expect(readdirSync(out)).toEqual(["evidence.json"]);
    expect(readFileSync(join(out, "evidence.json"), "utf8")).toBe(previous);
  });
});
