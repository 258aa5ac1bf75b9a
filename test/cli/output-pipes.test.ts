/**
 * The CLI writes its output with synchronous writes on descriptors 1 and 2 (src/io/stdio.ts), not
 * through process.stdout. These tests hold it to what a stream gave for free: a reader that is
 * slow to start still gets every byte in order, a non-blocking pipe (whose writes fail with
 * EAGAIN when full) does too, and a reader that goes away early (`| head`) ends the output
 * quietly instead of crashing the run.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountsDir, cliEnv, cliPath, repoRoot } from "../helpers/cli.js";
import { snapshotJson } from "../helpers/snapshot.js";

let dir: string;
let snapshotFile: string;

// A snapshot of 300 accounts: its JSON report is several times the 64 KiB a Linux pipe holds.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ses-guard-pipes-"));
  const account = JSON.parse(readFileSync(join(accountsDir, "production-healthy.json"), "utf8")) as unknown;
  const targets = Array.from({ length: 300 }, (_, i) => ({
    region: "us-east-1",
    accountId: String(100000000000 + i),
    status: "ok",
    account,
  }));
  snapshotFile = join(dir, "snapshot.json");
  writeFileSync(snapshotFile, snapshotJson(targets, { createdAt: "2026-04-30T08:00:00.000Z" }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same report written to a file by --format json=FILE: what standard output must match. */
function reportInFile(): string {
  const file = join(dir, `report-${Math.random().toString(16).slice(2)}.json`);
  const run = spawnSync(
    process.execPath,
    [cliPath, "check", "--input", snapshotFile, "--format", `json=${file}`],
    {
      cwd: repoRoot,
      env: cliEnv(),
      encoding: "utf8",
    },
  );
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(file, "utf8");
}

/** The report without its creation time, the one member that differs between two runs. */
function timeless(report: string): string {
  return report.replace(/\n {2}"createdAt": "[^"]*",/, "");
}

interface PipedRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command args` with standard output on a pipe that is not read for `delayMs`. */
function runWithSlowReader(command: string, args: string[], delayMs: number): Promise<PipedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.pause();
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    setTimeout(() => child.stdout.resume(), delayMs);
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}

/**
 * Runs `node --require <preload> ...args` into a real pipe (a shell's) whose reader starts after
 * 300 ms. The preload builds process.stdout, and Node's stream sets O_NONBLOCK on the pipe, as
 * anything in the process that touches process.stdout would: a write to the full pipe then fails
 * with EAGAIN instead of waiting. The shell reports node's exit code on standard error as `exit=N`.
 */
async function runOnNonBlockingPipe(args: string[]): Promise<PipedRun> {
  const preload = join(dir, "build-stdout.cjs");
  writeFileSync(preload, "process.stdout;\n");
  const run = await runWithSlowReader(
    "sh",
    [
      "-c",
      '{ "$@"; echo "exit=$?" >&2; } | { sleep 0.3; cat; }',
      "sh",
      process.execPath,
      "--require",
      preload,
      ...args,
    ],
    0,
  );
  const exit = /exit=(\d+)\n$/.exec(run.stderr);
  return {
    code: exit ? Number(exit[1]) : null,
    stdout: run.stdout,
    stderr: run.stderr.replace(/exit=\d+\n$/, ""),
  };
}

describe("standard output of the CLI", () => {
  it("reaches a reader that starts late, complete and in order", async () => {
    const expected = reportInFile();
    expect(expected.length).toBeGreaterThan(4 * 65536);
    const run = await runWithSlowReader(
      process.execPath,
      [cliPath, "check", "--input", snapshotFile, "--format", "json"],
      300,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(timeless(run.stdout)).toBe(timeless(expected));
  });

  it("reaches a reader through a non-blocking pipe, where a plain synchronous write fails with EAGAIN", async () => {
    // The setup is what it claims: a bare writeSync loop on this pipe hits EAGAIN.
    const bareWriter = join(dir, "bare-writer.cjs");
    writeFileSync(
      bareWriter,
      "const fs=require('fs');const b=Buffer.alloc(1<<20,97);try{for(let i=0;i<4;i++)fs.writeSync(1,b)}catch(e){fs.writeSync(2,e.code);process.exit(3)}",
    );
    const bare = await runOnNonBlockingPipe([bareWriter]);
    expect(bare.stderr).toBe("EAGAIN");
    expect(bare.code).toBe(3);

    const expected = reportInFile();
    const run = await runOnNonBlockingPipe([cliPath, "check", "--input", snapshotFile, "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(timeless(run.stdout)).toBe(timeless(expected));
  });

  it("stops quietly when the reader goes away, keeping the run's exit code", async () => {
    const outcome = await new Promise<PipedRun>((resolve, reject) => {
      const child = spawn(process.execPath, [cliPath, "check", "--input", snapshotFile, "--format", "json"], {
        cwd: repoRoot,
        env: cliEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      });
      // Like `ses-guard check | head -c 0`: the read end closes before the report is written.
      child.stdout.destroy();
      const err: Buffer[] = [];
      child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout: "", stderr: Buffer.concat(err).toString("utf8") }));
    });
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
  });
});
