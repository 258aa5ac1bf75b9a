/**
 * Where reports go, through the built CLI and the Action's inputs: two outputs that resolve to one
 * file are refused before anything is read, and a report path that is a device or a named pipe is
 * written into, never replaced.
 */
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseActionInputs } from "../../src/action/inputs.js";
import { SesGuardError } from "../../src/errors.js";
import { accountsDir, hasStackTrace, runCli, tempDir } from "../helpers/cli.js";

const { dir, cleanup } = tempDir("ses-guard-output-files-");
afterAll(cleanup);
const account = join(accountsDir, "production-healthy.json");

describe("two outputs into one file", () => {
  it("is a usage error before the input is even read", async () => {
    const run = await runCli(
      ["check", "--input", "missing.json", "--format", "json=r.out", "--format", "sarif=./r.out"],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ses-guard: --format json ("r.out") and --format sarif ("./r.out") name the same file; give each output a file of its own\n',
    );
    expect(run.stdout).toBe("");
    expect(existsSync(join(dir, "r.out"))).toBe(false);
  });

  it("is refused by rules too", async () => {
    const run = await runCli(
      ["rules", "--format", "json=list.json", "--format", `text=${join(dir, "list.json")}`],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/name the same file/);
    expect(existsSync(join(dir, "list.json"))).toBe(false);
  });

  it("is refused by test too", async () => {
    const run = await runCli(["test", "--format", "junit=t.xml", "--format", "text=./t.xml"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/name the same file/);
    expect(existsSync(join(dir, "t.xml"))).toBe(false);
  });

  it("is refused in the Action's report-file and sarif-file, however the path is spelt", () => {
    const inputs: Record<string, string> = { "report-file": "out.json", "sarif-file": "./out.json" };
    let error: unknown;
    try {
      parseActionInputs((name) => inputs[name] ?? "");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SesGuardError);
    expect((error as SesGuardError).message).toBe("inputs sarif-file and report-file name the same file");
  });
});

describe("a report path that is not a regular file", () => {
  it("a named pipe gets the report and stays a pipe", async () => {
    const pipe = join(dir, "report.pipe");
    expect(spawnSync("mkfifo", [pipe]).status).toBe(0);
    const reader = spawn("cat", [pipe]);
    let received = "";
    reader.stdout.on("data", (chunk: Buffer) => {
      received += chunk.toString("utf8");
    });
    const closed = once(reader, "close");
    const run = await runCli(["check", "--input", account, "--format", `json=${pipe}`], { cwd: dir });
    // `cat` may not have opened the pipe before ses-guard wrote: then the write is refused.
    if (run.code === 2) {
      expect(run.stderr).toMatch(/it is a named pipe that no process is reading/);
      reader.kill();
      await closed;
    } else {
      await closed;
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(received).summary.exitCode).toBe(0);
    }
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it("a named pipe nobody reads is refused at once, with the other outputs still written", async () => {
    const pipe = join(dir, "nobody.pipe");
    expect(spawnSync("mkfifo", [pipe]).status).toBe(0);
    const run = await runCli(
      ["check", "--input", account, "--format", `json=${pipe}`, "--format", "sarif=r.sarif"],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `ses-guard: cannot write json report to ${pipe}: it is a named pipe that no process is reading\n`,
    );
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(existsSync(join(dir, "r.sarif"))).toBe(true);
  });

  it("a character device is written into and stays a device", async (context) => {
    const device = join(dir, "null");
    // A node like /dev/null (major 1, minor 3), made here so no test can touch the real one.
    if (spawnSync("mknod", [device, "c", "1", "3"]).status !== 0) context.skip();
    const run = await runCli(["check", "--input", account, "--format", `json=${device}`], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
