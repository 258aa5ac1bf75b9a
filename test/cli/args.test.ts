/**
 * The command line (README.md, "The command line"): parsing into an invocation, the usage errors it raises,
 * and --help / --version through the built bundle.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCommandLine, parseFormats } from "../../src/cli/args.js";
import { useColor } from "../../src/cli/main.js";
import { SesGuardError } from "../../src/errors.js";
import { toolVersion } from "../../src/version.js";
import { accountsDir, repoRoot, runCli } from "../helpers/cli.js";

const packageVersion = (
  JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }
).version;

function usage(argv: string[]): { code: string; message: string; exitCode: number } {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(SesGuardError);
    const e = error as SesGuardError;
    return { code: e.code, message: e.message, exitCode: e.exitCode };
  }
  throw new Error(`${argv.join(" ")} parsed, but a usage error was expected`);
}

describe("parseCommandLine", () => {
  it("check is the default command, with the documented defaults", () => {
    expect(parseCommandLine([])).toEqual({
      kind: "run",
      command: "check",
      options: {
        policies: [],
        inputs: [],
        regions: [],
        formats: [{ name: "text" }],
        failOn: "error",
        timeoutSeconds: 10,
      },
    });
  });

  it("takes every check option", () => {
    const invocation = parseCommandLine([
      "check",
      "--policy",
      "strict",
      "--policy",
      "team.yaml",
      "--input",
      "a.json",
      "--input",
      "-",
      "--region",
      "eu-west-1",
      "--account-id",
      "012345678901",
      "--format",
      "json=out/report.json",
      "--fail-on",
      "notice",
      "--no-color",
    ]);
    expect(invocation).toEqual({
      kind: "run",
      command: "check",
      color: false,
      options: {
        policies: ["strict", "team.yaml"],
        inputs: ["a.json", "-"],
        regions: ["eu-west-1"],
        accountId: "012345678901",
        formats: [{ name: "json", file: "out/report.json" }, { name: "text" }],
        failOn: "notice",
        timeoutSeconds: 10,
      },
    });
    expect(
      parseCommandLine(["--profile", "audit", "--endpoint-url", "http://127.0.0.1:1", "--timeout", "2.5"]),
    ).toMatchObject({
      options: { profile: "audit", endpointUrl: "http://127.0.0.1:1", timeoutSeconds: 2.5 },
    });
    expect(parseCommandLine(["--timeout", "0.1"])).toMatchObject({ options: { timeoutSeconds: 0.1 } });
    expect(parseCommandLine(["--timeout", "3600"])).toMatchObject({ options: { timeoutSeconds: 3600 } });
  });

  it("--region takes comma-separated lists and repeats, without duplicates; --all-regions is its own value", () => {
    const run = parseCommandLine(["--region", "us-east-1, eu-west-1", "--region", "us-east-1,ap-south-1"]);
    expect(run.kind === "run" && run.options.regions).toEqual(["us-east-1", "eu-west-1", "ap-south-1"]);
    const all = parseCommandLine(["--all-regions"]);
    expect(all.kind === "run" && all.options.regions).toBe("all");
    expect(usage(["--all-regions", "--region", "us-east-1"]).message).toBe(
      "use either --region or --all-regions, not both",
    );
  });

  it("repeatable options keep every value; only single-valued ones given twice are refused", () => {
    const invocation = parseCommandLine([
      "--policy",
      "a.yaml",
      "--policy",
      "strict",
      "--input",
      "a.json",
      "--input",
      "b.json",
      "--format",
      "json=a.json",
      "--format",
      "sarif=b.sarif",
    ]);
    expect(invocation).toMatchObject({
      options: {
        policies: ["a.yaml", "strict"],
        inputs: ["a.json", "b.json"],
        formats: [{ name: "json", file: "a.json" }, { name: "sarif", file: "b.sarif" }, { name: "text" }],
      },
    });
    // A flag given twice says nothing new: accepted.
    expect(parseCommandLine(["init", "--force", "--force"])).toMatchObject({ force: true });
  });

  it("--region and --account-id still label a get-account --input", () => {
    expect(
      parseCommandLine(["--input", "a.json", "--region", "eu-west-1", "--account-id", "123456789012"]),
    ).toMatchObject({ options: { inputs: ["a.json"], regions: ["eu-west-1"], accountId: "123456789012" } });
  });

  it("--help and --version win over everything else", () => {
    expect(parseCommandLine(["check", "--help", "--fail-on", "whatever"])).toEqual({
      kind: "help",
      command: "check",
    });
    expect(parseCommandLine(["--fail-on", "a", "--fail-on", "b", "-h"])).toEqual({ kind: "help" });
    expect(parseCommandLine(["-h"])).toEqual({ kind: "help" });
    expect(parseCommandLine(["--help", "snapshot"])).toEqual({ kind: "help", command: "snapshot" });
    expect(parseCommandLine(["--version"])).toEqual({ kind: "version" });
    expect(parseCommandLine(["-v"])).toEqual({ kind: "version" });
  });

  it.each([
    [
      ["--polcy", "x"],
      "cli/unknown-option",
      'unknown option --polcy (did you mean "--policy"?) (see --help)',
    ],
    [
      ["--fail-on", "warnings"],
      "cli/invalid-fail-on",
      '--fail-on "warnings" is not valid (did you mean "warning"?); use one of error, warning, notice, none',
    ],
    [["--format", "sarf"], "cli/unknown-format", 'unknown format "sarf" (did you mean "sarif"?)'],
    [["--format", "json="], "cli/invalid-format", "--format json= needs a file name after ="],
    [["--input", ""], "cli/missing-value", "--input needs a value (see --help)"],
    [
      ["--input", "--format", "json"],
      "cli/missing-value",
      '--input needs a value, and "--format" looks like an option (see --help); a value that starts with a dash is written --input=--format',
    ],
    [["--color=yes"], "cli/unexpected-value", "--color takes no value (see --help)"],
    [["-x"], "cli/unknown-option", "unknown option -x (see --help)"],
    [["--policy", "strict", "--policy", ""], "cli/missing-value", "--policy needs a value (see --help)"],
    [
      ["--input", "-", "--input", "a.json", "--input", "-"],
      "cli/stdin-twice",
      "--input - reads standard input, which can be read only once",
    ],
    [["--region", ""], "cli/invalid-region", "--region needs a region name, e.g. us-east-1"],
    [
      ["--region", "US-EAST-1"],
      "cli/invalid-region",
      '"US-EAST-1" is not an AWS region name; did you mean "us-east-1"?',
    ],
    [
      ["--region", "us-east1"],
      "cli/invalid-region",
      '"us-east1" is not an AWS region name; did you mean "us-east-1"?',
    ],
    [
      ["--region", "eu-west-1,eu-wset1"],
      "cli/invalid-region",
      '"eu-wset1" is not an AWS region name; did you mean "eu-west-1"?',
    ],
    [
      ["--region", "mars"],
      "cli/invalid-region",
      '"mars" is not an AWS region name (e.g. us-east-1, eu-west-2)',
    ],
    [
      ["--account-id", "12345678901"],
      "cli/invalid-account-id",
      '--account-id "12345678901" is not a 12-digit AWS account id',
    ],
    [["--timeout", "0"], "cli/invalid-timeout", '--timeout "0" must be a number of seconds from 0.1 to 3600'],
    [
      ["--timeout", "0.0004"],
      "cli/invalid-timeout",
      '--timeout "0.0004" must be a number of seconds from 0.1',
    ],
    [
      ["--timeout", "3600.5"],
      "cli/invalid-timeout",
      '--timeout "3600.5" must be a number of seconds from 0.1',
    ],
    [["--timeout="], "cli/invalid-timeout", '--timeout "" must be a number of seconds from 0.1 to 3600'],
    [["--timeout", "NaN"], "cli/invalid-timeout", '--timeout "NaN" must be a number of seconds from 0.1'],
    [
      ["--fail-on", "warning", "--fail-on", "none"],
      "cli/repeated-option",
      "--fail-on is given more than once; it takes one value, so give it once (see --help)",
    ],
    [["--timeout", "5", "--timeout=30"], "cli/repeated-option", "--timeout is given more than once"],
    [
      ["--account-id", "123456789012", "--account-id", "123456789012"],
      "cli/repeated-option",
      "--account-id is given",
    ],
    [
      ["--endpoint-url", "http://a", "--endpoint-url", "http://b"],
      "cli/repeated-option",
      "--endpoint-url is given",
    ],
    [
      ["snapshot", "--out", "a.json", "--out", "b.json"],
      "cli/repeated-option",
      "--out is given more than once",
    ],
    [["--color", "--no-color"], "cli/options-conflict", "use either --color or --no-color, not both"],
    ...["--profile=p", "--endpoint-url=http://127.0.0.1:1", "--timeout=5", "--all-regions"].map(
      (option): [string[], string, string] => [
        ["--input", "a.json", option],
        "cli/input-with-live-option",
        `${option.split("=")[0]} applies to reading the live account; it cannot be used with --input (saved data)`,
      ],
    ),
    [["--endpoint-url", "ftp://x"], "cli/invalid-endpoint", '--endpoint-url "ftp://x" is not an http(s) URL'],
    [["check", "extra"], "cli/unexpected-argument", 'unexpected argument "extra"; options start with --'],
    [["snapshot"], "cli/missing-out", "snapshot needs --out FILE: where to write the snapshot"],
    [
      ["validate", "--fail-on", "error"],
      "cli/option-not-for-command",
      "--fail-on does not apply to `ses-guard validate` (see ses-guard validate --help)",
    ],
  ])("%j is a usage error (%s)", (argv, code, message) => {
    const error = usage(argv);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(2);
    expect(error.message.startsWith(message)).toBe(true);
  });
});

describe("parseFormats", () => {
  it("text on standard output by default, and beside formats written to files", () => {
    expect(parseFormats([])).toEqual([{ name: "text" }]);
    expect(parseFormats(["json=a.json", "text=b.txt"])).toEqual([
      { name: "json", file: "a.json" },
      { name: "text", file: "b.txt" },
      { name: "text" },
    ]);
    expect(parseFormats(["json"])).toEqual([{ name: "json" }]);
    expect(parseFormats(["text=r.txt", "json"])).toEqual([{ name: "text", file: "r.txt" }, { name: "json" }]);
  });

  it("a file name may contain = (only the first one separates)", () => {
    expect(parseFormats(["json=dir/a=b.json"])).toEqual([
      { name: "json", file: "dir/a=b.json" },
      { name: "text" },
    ]);
  });

  it("two formats on standard output are refused", () => {
    expect(() => parseFormats(["json", "text"])).toThrow(
      "only one format can go to standard output (got json, text); write the others to files with --format NAME=FILE",
    );
  });
});

describe("useColor", () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: "dumb" }, true, false],
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "" }, true, true],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ FORCE_COLOR: "1", NO_COLOR: "1" }, false, true],
  ])("env %j on a terminal %s: colour %s", (env, isTTY, expected) => {
    expect(useColor(env, isTTY)).toBe(expected);
  });
});

describe("--help and --version through the bundle", () => {
  it.concurrent("--version prints the package.json version", async () => {
    const run = await runCli(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `${packageVersion}\n`, stderr: "" });
  });

  it("src/version.ts equals package.json's version", () => {
    expect(toolVersion).toBe(packageVersion);
  });

  it.concurrent("--help lists the commands, the check options and the exit codes", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    for (const text of [
      "ses-guard check",
      "ses-guard validate",
      "ses-guard snapshot",
      "--policy FILE|PACK",
      "--input FILE|-",
      "--format NAME[=FILE]",
      "--fail-on",
      "0  no failing rule at or above --fail-on",
      "1  failing rules",
      "2  invalid invocation or policy (nothing was checked)",
      "3  some target could not be read (its rules are reported as errors)",
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  it("says which Node it needs when process.getBuiltinModule is missing (Node before 20.16)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ses-guard-old-node-"));
    try {
      const preload = join(dir, "old-node.cjs");
      writeFileSync(preload, "process.getBuiltinModule = undefined;\n");
      const run = await runCli(["check", "--input", join(accountsDir, "production-healthy.json")], {
        env: { NODE_OPTIONS: `--require ${preload}` },
      });
      expect(run.stderr).toBe(
        `ses-guard: needs Node.js 20.16 or later; this is Node.js ${process.version}\n`,
      );
      expect(run.stdout).toBe("");
      expect(run.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
