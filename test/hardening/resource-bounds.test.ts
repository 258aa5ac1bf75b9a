/**
 * Resource bounds: what a hostile or careless file can cost. Files over the size limits are
 * refused with a clear message (exit 2) before they are parsed; YAML alias bombs, deep nesting
 * and masses of keys are refused or read in bounded time; input data nested too deep to report is
 * refused rather than crashing the run; regular expressions run in linear time. Times are coarse
 * upper bounds for a noisy 2-core machine, far below what the unbounded cases took.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../../src/account/file.js";
import { operators } from "../../src/engine/operators/index.js";
import { loadRegexEngine } from "../../src/engine/regex.js";
import { parseYaml } from "../../src/policy/yaml-document.js";
import { yamlLimits } from "../../src/policy/yaml-limits.js";
import { cliEnv, cliPath, hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { DEFAULT_ACCOUNT, startFaultServer } from "../helpers/fault-server.js";

const { dir, cleanup } = tempDir("ses-guard-bounds-");
afterAll(cleanup);

function file(name: string, text: string | Buffer): string {
  writeFileSync(join(dir, name), text);
  return name;
}

/** Runs `check` in the temporary directory and expects exit 2 with one message naming `name`. */
async function expectRefused(args: string[], name: string, message: RegExp, stdin?: string) {
  const run = await runCli(["check", ...args], { cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
  expect(run.code, run.stderr).toBe(2);
  expect(hasStackTrace(run.stderr)).toBe(false);
  expect(run.stderr).not.toContain("internal error");
  expect(run.stderr).toContain(name);
  expect(run.stderr).toMatch(message);
  expect(run.stdout).toBe("");
  return run;
}

/** Parses YAML the way the policy loader does and returns the outcome and the milliseconds taken. */
function timedParse(text: string) {
  const started = performance.now();
  const result = parseYaml("p.yaml", text);
  return { result, ms: performance.now() - started };
}

const ACCOUNT = '{"SendingEnabled": true, "EnforcementStatus": "HEALTHY"}';

describe("size limits", () => {
  it("refuses a policy file over the limit, naming it and the limit", async () => {
    const name = file("huge.yaml", `version: 1\n#${"x".repeat(yamlLimits.maxBytes)}\n`);
    file("account.json", ACCOUNT);
    await expectRefused(
      ["--policy", name, "--input", "account.json"],
      "huge.yaml",
      /cannot read policy huge\.yaml: it is 1025 KiB; policy files are limited to 1024 KiB/,
    );
  });

  it("refuses a get-account input file over the limit, naming it and the limit", async () => {
    const name = file("huge.json", `{"SendingEnabled": true, "x": "${"a".repeat(MAX_INPUT_BYTES)}"}`);
    await expectRefused(["--input", name], "huge.json", /input is larger than 4 MiB; a GetAccount response/);
  });

  it("refuses standard input over the limit", async () => {
    const big = `{"SendingEnabled": true, "x": "${"a".repeat(MAX_INPUT_BYTES)}"}`;
    await expectRefused(["--input", "-"], "<stdin>", /input is larger than 4 MiB/, big);
  });
});

describe("standard input that never ends", () => {
  it("is refused once it passes the limit, without waiting for its end", async () => {
    const child = spawn(process.execPath, [cliPath, "check", "--input", "-"], {
      cwd: dir,
      env: cliEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.stdin.on("error", () => undefined);
    // A producer that would go on for ever (like `yes` or /dev/zero piped in).
    const chunk = Buffer.from(`{"SendingEnabled": true, "x": "${"a".repeat(64 * 1024)}`);
    const feed = setInterval(() => {
      if (!child.stdin.destroyed) child.stdin.write(chunk);
    }, 1);
    const started = performance.now();
    const [code] = (await Promise.race([
      once(child, "exit"),
      new Promise((resolve) => setTimeout(() => resolve(["still running"]), 15_000)),
    ])) as [number | string];
    clearInterval(feed);
    child.kill("SIGKILL");
    expect(code, stderr).toBe(2);
    expect(stderr).toBe(
      "ses-guard: <stdin>: input is larger than 64 MiB; the limit for a snapshot (1,000 accounts × 17 Regions take about 13 MiB)\n",
    );
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("YAML that would exhaust time or memory", () => {
  it("refuses an alias bomb fast", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      levels.push(`l${i}: &l${i} [${`*${i === 1 ? "a" : `l${i - 1}`}, `.repeat(10)}x]`);
    const { result, ms } = timedParse(`version: 1\n${levels.join("\n")}\n`);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.diagnostics.map((d) => d.code)).toEqual(["yaml/too-many-nodes"]);
    expect(ms).toBeLessThan(1_000);
  });

  it.each([
    ["flow sequences", (n: number) => `version: 1\nx: ${"[".repeat(n)}${"]".repeat(n)}\n`],
    ["flow maps", (n: number) => `version: 1\nx: ${"{a: ".repeat(n)}1${"}".repeat(n)}\n`],
    [
      "block maps",
      (n: number) =>
        `version: 1\n${Array.from({ length: n }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} 1\n`,
    ],
  ])("refuses %s nested as deep as the size limit allows, fast", (_, nested) => {
    // As many levels as fit in the size limit (block maps: as many as fit in their indentation).
    let depth = 64;
    while (Buffer.byteLength(nested(depth * 2)) < yamlLimits.maxBytes && depth < 400_000) depth *= 2;
    const { result, ms } = timedParse(nested(depth));
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.diagnostics[0]).toMatchObject({
      code: "yaml/too-deep",
      message: "file nests deeper than 64 levels; refusing it",
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(ms).toBeLessThan(1_000);
  });

  it("still reads brackets in quoted strings, comments and plain regexes as text", () => {
    const brackets = "[".repeat(100);
    const { result } = timedParse(
      `version: 1\n# ${brackets}\na: "${brackets}"\nb: '${brackets}''s'\nc: ^[a-z]+$\nd: [1, [2, {e: [3]}]]\n`,
    );
    expect(result.ok && result.document.value).toEqual({
      version: 1,
      a: brackets,
      b: `${brackets}'s`,
      c: "^[a-z]+$",
      d: [1, [2, { e: [3] }]],
    });
  });

  it("reads a map with tens of thousands of keys in linear time, not quadratic", () => {
    // The YAML library's own duplicate-key check compares every key with every other one: 80 000
    // keys took over a minute. ses-guard checks duplicates itself, in one pass.
    const keys = Array.from({ length: 80_000 }, (_, i) => `k${i}: 1`).join("\n");
    const { result, ms } = timedParse(`version: 1\n${keys}\n`);
    expect(result.ok ? [] : result.diagnostics.map((d) => d.code)).toEqual(["yaml/too-many-nodes"]);
    expect(ms).toBeLessThan(5_000);
  });

  it("still reports a key given twice, at the second one", () => {
    const { result } = timedParse("version: 1\nrules: []\nversion: 1\n");
    expect(result.ok ? [] : result.diagnostics).toEqual([
      {
        code: "yaml/syntax",
        message: 'invalid YAML: Map keys must be unique ("version" is given twice)',
        file: "p.yaml",
        line: 3,
        column: 1,
      },
    ]);
  });

  it("refuses a deeply nested policy through the CLI with exit 2, naming the place", async () => {
    const name = file("deep.yaml", `version: 1\nrules: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n`);
    const run = await expectRefused(
      ["--policy", name, "--input", file("a.json", ACCOUNT)],
      "deep.yaml",
      /^ses-guard: deep\.yaml:2:\d+: file nests deeper than 64 levels; refusing it\n$/,
    );
    expect(run.elapsedMs).toBeLessThan(5_000);
  });
});

describe("account data nested too deep to report", () => {
  const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

  it("is refused in a get-account file with exit 2 instead of crashing the report", async () => {
    const name = file("deep.json", `{"SendingEnabled": ${deep(200_000)}, "EnforcementStatus": "HEALTHY"}`);
    await expectRefused(
      ["--input", name, "--format", "json"],
      "deep.json",
      /input nests deeper than 67 levels/,
    );
  });

  it("is refused in a snapshot", async () => {
    const snapshot = `{"kind": "ses-guard/snapshot", "version": 1, "targets": [{"region": "us-east-1", "status": "ok", "account": {"SuppressionAttributes": {"SuppressedReasons": ${deep(100_000)}}}}]}`;
    await expectRefused(
      ["--input", file("deep-snapshot.json", snapshot)],
      "deep-snapshot.json",
      /nests deeper/,
    );
  });

  it("is an unreadable target, not a crash, when SES answers with it (exit 3)", async () => {
    const faults = await startFaultServer();
    try {
      const nested = JSON.parse(deep(1_000)) as unknown;
      faults.on("us-east-1", {
        kind: "ok",
        account: { ...DEFAULT_ACCOUNT, SuppressionAttributes: { SuppressedReasons: nested } },
      });
      const run = await runCli(["check", "--region", "us-east-1", "--format", "json"], {
        cwd: dir,
        env: { AWS_ENDPOINT_URL: faults.url },
      });
      expect(run.code, run.stderr).toBe(3);
      expect(hasStackTrace(run.stderr)).toBe(false);
      const report = JSON.parse(run.stdout) as {
        targets: Array<{ error?: { code: string; message: string } }>;
      };
      expect(report.targets[0]?.error).toMatchObject({
        code: "aws/malformed-response",
        message: expect.stringContaining("nests deeper than 64 levels"),
      });
    } finally {
      await faults.close();
    }
  });

  it("is still read when it nests as a real response does", async () => {
    const run = await runCli(
      [
        "check",
        "--input",
        file(
          "ok.json",
          `{"SendingEnabled": true, "Details": {"ReviewDetails": {"CaseId": "1"}}, "SuppressionAttributes": {"SuppressedReasons": ${deep(20)}}}`,
        ),
        "--format",
        "json",
      ],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(1);
  });
});

describe("regular expressions", () => {
  beforeAll(loadRegexEngine);
  const subject = `${"a".repeat(100_000)}!`;

  it.each(["(a+)+$", "(a|aa)*b", "^(a|a?)+$", "(\\w+\\s?)*$", "(.*a){12}", "(x+x+)+y"])(
    "matches %s against 100 KB in linear time",
    (pattern) => {
      const matches = operators.matches;
      expect(matches.validateExpected(pattern, { type: "string" })).toBeUndefined();
      const started = performance.now();
      matches.test(subject, pattern);
      // A backtracking engine takes longer than the age of the universe on some of these.
      expect(performance.now() - started).toBeLessThan(2_000);
    },
  );

  it("refuses what only backtracking engines can do (lookaround, backreferences) when the policy loads", () => {
    for (const pattern of ["(?=a)", "(a)\\1", "(?<!a)b"]) {
      expect(operators.matches.validateExpected(pattern, { type: "string" })).toMatch(
        /invalid regular expression/,
      );
    }
  });
});
