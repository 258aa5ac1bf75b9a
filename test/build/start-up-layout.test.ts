/**
 * The layout scripts/build.mjs gives dist/ for a fast start: CommonJS throughout, the bin
 * (dist/cli.js) a small loader of the code cache, the CLI's whole start-up code in
 * dist/cli-main.js, and lazy parts that share the entry's modules rather than copies
 * of them. Timing is the benchmark's business (npm run bench); these tests hold the structure the
 * timing depends on, so a change that splits the start-up again fails here.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { accountsDir, cliEnv, cliPath, repoRoot } from "../helpers/cli.js";

const dist = join(repoRoot, "dist");
const dir = mkdtempSync(join(tmpdir(), "ses-guard-layout-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with the benchmark's load trace; returns what it loaded from dist/ and its output. */
function tracedRun(args: string[]) {
  const trace = join(dir, `trace-${Math.random().toString(16).slice(2)}.txt`);
  const run = spawnSync(
    process.execPath,
    ["--require", join(repoRoot, "bench", "trace-loads.cjs"), cliPath, ...args],
    {
      cwd: repoRoot,
      env: cliEnv({ SES_GUARD_BENCH_TRACE_FILE: trace }),
      encoding: "utf8",
    },
  );
  const loaded = readFileSync(trace, "utf8")
    .split("\n")
    .filter((file) => file.startsWith(`${dist}/`))
    .map((file) => relative(dist, file))
    .sort();
  return { ...run, loaded };
}

describe("dist/ start-up layout", () => {
  it("is CommonJS: dist/package.json says so", () => {
    expect(JSON.parse(readFileSync(join(dist, "package.json"), "utf8"))).toEqual({ type: "commonjs" });
  });

  it("runs an offline check with the built-in pack from dist/cli.js and dist/cli-main.js alone", () => {
    const run = tracedRun(["check", "--input", join(accountsDir, "production-healthy.json")]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.loaded).toEqual(["cli-main.js", "cli.js"]);
  });

  it("keeps the bin small: it loads nothing but Node's own modules and cli-main.js", () => {
    const bin = readFileSync(join(dist, "cli.js"), "utf8");
    expect(bin.length).toBeLessThan(6 * 1024);
    const required = [...bin.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(required.every((id) => id?.startsWith("node:"))).toBe(true);
    expect(bin).toContain('"cli-main.js"');
  });

  it("loads a CI format and the YAML reader lazily, sharing the entry's modules", () => {
    // A policy file with a mistake: the YAML reader (a lazy chunk) throws the error class the
    // entry's error handling knows, so it is reported as a usage error, not an internal one.
    const policy = join(dir, "broken.yaml");
    writeFileSync(
      policy,
      "version: 1\nrules:\n  - id: x\n    severity: fatal\n    check: { path: SendingEnabled, equals: true }\n",
    );
    const broken = tracedRun([
      "check",
      "--policy",
      policy,
      "--input",
      join(accountsDir, "production-healthy.json"),
    ]);
    expect(broken.stderr).toMatch(/broken\.yaml:4:\d+/);
    expect(broken.stderr).not.toMatch(/internal error/);
    expect(broken.status).toBe(2);
    expect(broken.loaded.length).toBeGreaterThan(1);
    expect(broken.loaded.filter((file) => !file.startsWith("chunks/"))).toEqual(["cli-main.js", "cli.js"]);

    const sarif = tracedRun([
      "check",
      "--input",
      join(accountsDir, "production-healthy.json"),
      "--format",
      "sarif",
    ]);
    expect(sarif.status, sarif.stderr).toBe(0);
    expect(JSON.parse(sarif.stdout).version).toBe("2.1.0");
    expect(sarif.loaded).toContain("cli-main.js");
    expect(sarif.loaded.some((file) => /^chunks\/sarif-[A-Z0-9]+\.js$/.test(file))).toBe(true);
  });

  it("holds the AWS SDK once, in a chunk the CLI and the Action share", () => {
    const files = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith(".js"));
    const withSdk = files.filter((file) => readFileSync(join(dist, file), "utf8").includes('"GetAccount"'));
    expect(withSdk).toHaveLength(1);
    expect(withSdk[0]).toMatch(/^chunks\/live-[A-Z0-9]+\.js$/);
  });
});
