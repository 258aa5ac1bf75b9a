/**
 * Standard output that cannot take the report, through the built CLI: a full device (/dev/full,
 * ENOSPC), a descriptor opened read-only (EBADF), and a closed one. Each ends with one
 * `ses-guard:` line on standard error and exit 2 (the report was not delivered), never 0 for a
 * failed verdict, and no stack trace. A closed standard output is given /dev/null by Node itself:
 * the report is discarded and the verdict's exit code stands.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exitCodeAfterOutput } from "../../src/io/exit-after-flush.js";
import { accountsDir, cliEnv, cliPath, hasStackTrace, repoRoot } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "ses-guard-stdout-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const failing = join(accountsDir, "probation-bounce-only.json");
const passing = join(accountsDir, "production-healthy.json");

/** Runs the CLI with `stdout` as its descriptor 1; returns its exit code and standard error. */
function runWithStdout(stdout: number, args: string[]): { code: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env: cliEnv(),
    stdio: ["ignore", stdout, "pipe"],
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: run.status, stderr: run.stderr };
}

function withFd<T>(path: string, flags: string, use: (fd: number) => T): T {
  const fd = openSync(path, flags);
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

describe("standard output that cannot take the report", () => {
  it.each([
    ["a failed verdict", failing],
    ["a passing one", passing],
  ])("full (ENOSPC) after %s: one line, exit 2", (_, input) => {
    const run = withFd("/dev/full", "w", (fd) => runWithStdout(fd, ["check", "--input", input]));
    expect(run.stderr).toBe(
      "ses-guard: cannot write to standard output: no space left on device (ENOSPC); the output is incomplete\n",
    );
    expect(run.code).toBe(2);
  });

  it("full, with a report too large for one write", () => {
    const run = withFd("/dev/full", "w", (fd) =>
      runWithStdout(fd, ["check", "--input", failing, "--format", "json"]),
    );
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it("a descriptor opened only for reading (EBADF): one line, exit 2", () => {
    const file = join(dir, "read-only.txt");
    writeFileSync(file, "");
    const run = withFd(file, "r", (fd) => runWithStdout(fd, ["check", "--input", failing]));
    expect(run.stderr).toBe(
      "ses-guard: cannot write to standard output: bad file descriptor (EBADF); the output is incomplete\n",
    );
    expect(run.code).toBe(2);
  });

  it("other commands too (rules, validate, --help)", () => {
    for (const args of [["rules"], ["validate"], ["--help"]]) {
      const run = withFd("/dev/full", "w", (fd) => runWithStdout(fd, args));
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(/^ses-guard: cannot write to standard output: .*\n$/);
    }
  });

  it("closed: Node gives the process /dev/null, and the verdict's exit code stands", () => {
    // The shell closes descriptor 1 (`>&-`) before starting the CLI.
    const run = spawnSync(
      "sh",
      ["-c", 'exec "$0" "$@" >&-', process.execPath, cliPath, "check", "--input", failing],
      {
        cwd: repoRoot,
        env: cliEnv(),
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
  });
});

describe("exitCodeAfterOutput", () => {
  it("is 2 whenever standard output failed, else the run's own code", () => {
    expect([0, 1, 2, 3].map((code) => exitCodeAfterOutput(code, true))).toEqual([2, 2, 2, 2]);
    expect([0, 1, 2, 3].map((code) => exitCodeAfterOutput(code, false))).toEqual([0, 1, 2, 3]);
  });
});
