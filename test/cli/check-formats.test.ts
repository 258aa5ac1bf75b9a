/**
 * Output formats end to end: `--format NAME=FILE` writes atomically while standard output still
 * gets the text report, a file that cannot be written loses nothing else, and colour follows
 * FORCE_COLOR, NO_COLOR and --color/--no-color.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const account = ["--input", "examples/accounts/probation-bounce-only.json", "--region", "us-east-1"];
const ansi = /\u001b\[\d+m/;

describe("--format NAME=FILE", () => {
  it.concurrent("writes JSON to the file and the text report to standard output", async () => {
    const out = join(dir, "written", "report.json");
    const run = await runCli(["check", ...account, "--format", `json=${out}`, "--format", "text"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")[0]).toBe("us-east-1 · account unknown");
    const toStdout = await runCli(["check", ...account, "--format", "json"]);
    // The same report but for when it was made.
    const timeless = (report: string) => report.replace(/\n {2}"createdAt": "[^"]*",/, "");
    expect(timeless(readFileSync(out, "utf8"))).toBe(timeless(toStdout.stdout));
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ version: 1, summary: { exitCode: 1 } });
  });

  it.concurrent("with every requested format going to files, the text report still goes to standard output", async () => {
    const out = join(dir, "only.json");
    const run = await runCli(["check", ...account, "--format", `json=${out}`]);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")[0]).toBe("us-east-1 · account unknown");
    expect(run.stdout).toContain("FAIL   error   suppression-bounce-complaint");
    expect(JSON.parse(readFileSync(out, "utf8")).results).toHaveLength(6);
  });

  it.concurrent("a format on standard output takes the text report's place", async () => {
    const out = join(dir, "text-to-file.txt");
    const run = await runCli(["check", ...account, "--format", `text=${out}`, "--format", "json"]);
    expect(JSON.parse(run.stdout).version).toBe(1);
    expect(readFileSync(out, "utf8").split("\n")[0]).toBe("us-east-1 · account unknown");
  });

  it.concurrent("replaces an existing file by renaming a complete new one over it, leaving no temporary file", async () => {
    const folder = join(dir, "atomic");
    mkdirSync(folder);
    const out = join(folder, "report.json");
    writeFileSync(out, "old content that is longer than nothing".repeat(1000));
    const before = statSync(out).ino;
    const run = await runCli(["check", ...account, "--format", `json=${out}`]);
    expect(run.code).toBe(1);
    // A rename gives the path a new inode; writing in place would keep the old one.
    expect(statSync(out).ino).not.toBe(before);
    expect(JSON.parse(readFileSync(out, "utf8")).version).toBe(1);
    expect(readdirSync(folder)).toEqual(["report.json"]);
  });

  it.concurrent("a file that cannot be written is reported (exit 2), and standard output still gets its report", async () => {
    const folder = join(dir, "taken");
    mkdirSync(join(folder, "report.json"), { recursive: true });
    const run = await runCli([
      "check",
      ...account,
      "--format",
      `json=${join(folder, "report.json")}`,
      "--format",
      "text",
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("FAIL   error   suppression-bounce-complaint");
    expect(run.stderr).toBe(
      `ses-guard: cannot write json report to ${join(folder, "report.json")}: it is a directory, not a file\n`,
    );
    expect(readdirSync(folder)).toEqual(["report.json"]);
  });

  it.concurrent("a file report never has colour, even when colour is forced", async () => {
    const out = join(dir, "report.txt");
    const run = await runCli(["check", ...account, "--format", `text=${out}`, "--format", "json"], {
      env: { NO_COLOR: undefined, FORCE_COLOR: "1" },
    });
    expect(run.code).toBe(1);
    expect(readFileSync(out, "utf8")).not.toMatch(ansi);
    expect(readFileSync(out, "utf8")).toContain("FAIL   error   suppression-bounce-complaint");
  });
});

describe("colour", () => {
  it.concurrent("FORCE_COLOR=1 colours the text report", async () => {
    const run = await runCli(["check", ...account], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(run.stdout).toMatch(ansi);
    expect(run.stdout).toContain("\u001b[31mFAIL  \u001b[0m");
    expect(run.stdout).toContain("\u001b[32mPASS  \u001b[0m");
  });

  it.concurrent("NO_COLOR keeps it plain", async () => {
    const run = await runCli(["check", ...account], { env: { NO_COLOR: "1" } });
    expect(run.stdout).not.toMatch(ansi);
    expect(run.stdout).toContain("  FAIL   error   suppression-bounce-complaint");
  });

  it.concurrent("not a terminal and no setting: plain", async () => {
    const run = await runCli(["check", ...account], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(ansi);
    expect(run.stdout).toContain("  FAIL   error   suppression-bounce-complaint");
  });

  it.concurrent("--no-color beats FORCE_COLOR, --color beats NO_COLOR", async () => {
    const off = await runCli(["check", ...account, "--no-color"], {
      env: { NO_COLOR: undefined, FORCE_COLOR: "1" },
    });
    expect(off.stdout).not.toMatch(ansi);
    const on = await runCli(["check", ...account, "--color"], { env: { NO_COLOR: "1" } });
    expect(on.stdout).toMatch(ansi);
  });

  it.concurrent("JSON on standard output never has colour", async () => {
    const run = await runCli(["check", ...account, "--format", "json"], {
      env: { NO_COLOR: undefined, FORCE_COLOR: "1" },
    });
    expect(run.stdout).not.toMatch(ansi);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});
