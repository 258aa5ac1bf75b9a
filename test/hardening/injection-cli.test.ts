/**
 * Injection through the real entrypoints: the built CLI reads a hostile account from the fault
 * server (SES rest-json on loopback, with a hostile AccessDenied message in a second Region) under
 * a hostile policy whose file name is hostile too, and writes every format; the bundled Action runs
 * the same. Every output is read the way its consumer reads it: the runner's two command syntaxes
 * on every line that could reach a CI log (stdout, stderr, any report printed instead of written),
 * a terminal's control sequences, an HTML renderer's tags, an XML parser with the JUnit XSD, the
 * SARIF schema, and the report schema with the hostile values round-tripping unchanged.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { NODES, runAction } from "../action/run-action.js";
import { type CliResult, hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { junitSchemaErrors, wellFormed } from "../report/junit-validators.js";
import { sarifSchemaValidator } from "../report/sarif-validators.js";
import { BARE_COMMAND, HOSTILE, HOSTILE_ACCOUNT, hostilePolicy, hostileSnapshot } from "./hostile-inputs.js";
import { ACTIVE_CONTROL, htmlProblems, terminalProblems, workflowCommandProblems } from "./log-safety.js";
import { reportSchemaErrors } from "./report-schema.js";

const TODAY = new Date().toISOString().slice(0, 10);
/** A policy file name no one should have, but a pull request can add. */
const POLICY_NAME = "team ::error::forged-file %0A ##[error]forged-file-v1 \u001b[31m.yaml";
const FILES = ["report.json", "report.sarif", "report.xml", "report.md", "report.txt"] as const;

let faults: FaultServer;
const { dir, cleanup } = tempDir("ses-guard-injection-");

beforeAll(async () => {
  faults = await startFaultServer();
  faults.on("us-east-1", { kind: "ok", account: HOSTILE_ACCOUNT });
  faults.on("eu-west-1", { kind: "error", status: 403, type: "AccessDeniedException", message: HOSTILE });
  writeFileSync(join(dir, POLICY_NAME), hostilePolicy(TODAY));
});

afterAll(async () => {
  await faults.close();
  cleanup();
});

function check(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runCli(args, {
    cwd: dir,
    env: { AWS_ENDPOINT_URL: faults.url, AWS_MAX_ATTEMPTS: "1", ...env },
  });
}

const everyFileFormat = [
  "--format",
  "json=out/report.json",
  "--format",
  "sarif=out/report.sarif",
  "--format",
  "junit=out/report.xml",
  "--format",
  "markdown=out/report.md",
  "--format",
  "github=out/report.txt",
];

function read(name: string): string {
  return readFileSync(join(dir, "out", name), "utf8");
}

/** Checks that hold for every format written by a run, as a file and as if printed to a CI log. */
async function expectSafeFiles(): Promise<Report> {
  for (const name of FILES) {
    // Any format may be printed to standard output instead, where the runner reads it.
    expect(workflowCommandProblems(read(name), { annotations: name === "report.txt" }), name).toEqual([]);
  }
  const json = JSON.parse(read("report.json")) as Report;
  expect(reportSchemaErrors(json)).toEqual([]);

  const sarif = read("report.sarif");
  expect(sarifSchemaValidator()(JSON.parse(sarif))).toEqual([]);
  expect(sarif).not.toMatch(ACTIVE_CONTROL);

  const junit = read("report.xml");
  expect(wellFormed(junit)).toBe(true);
  expect(await junitSchemaErrors(junit)).toEqual([]);
  expect(junit).not.toMatch(ACTIVE_CONTROL);

  const markdown = read("report.md");
  expect(htmlProblems(markdown)).toEqual([]);
  expect(markdown).not.toMatch(ACTIVE_CONTROL);

  const github = read("report.txt");
  expect(github).not.toMatch(ACTIVE_CONTROL);
  expect(github.endsWith("\n")).toBe(true);
  return json;
}

describe("a hostile account and a hostile policy through the CLI", () => {
  it("cannot inject into the coloured terminal report or any written format", async () => {
    mkdirSync(join(dir, "out"), { recursive: true });
    const run = await check(
      ["check", "--region", "us-east-1,eu-west-1", "--policy", POLICY_NAME, ...everyFileFormat],
      { NO_COLOR: undefined, FORCE_COLOR: "1" },
    );
    expect(run.code, run.stderr).toBe(3);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stdout).toContain("\u001b[31m");
    expect(terminalProblems(run.stdout, { color: true })).toEqual([]);
    expect(terminalProblems(run.stderr)).toEqual([]);
    expect(workflowCommandProblems(run.stdout)).toEqual([]);
    expect(workflowCommandProblems(run.stderr)).toEqual([]);

    const report = await expectSafeFiles();
    // The data itself survives: the JSON report carries what AWS and the policy said, unchanged.
    const status = report.results.find((r) => r.ruleId === "hostile-status" && r.region === "us-east-1");
    expect(status?.actual).toBe(HOSTILE);
    expect(status?.title).toBe(`Title ${HOSTILE}`);
    expect(report.results.find((r) => r.ruleId === "hostile-website")?.actual).toBe(BARE_COMMAND);
    expect(report.results.find((r) => r.ruleId === "hostile-case" && r.region === "us-east-1")).toMatchObject(
      {
        status: "waived",
        waiver: { reason: `Reason ${HOSTILE}`, file: POLICY_NAME },
      },
    );
    expect(report.targets[1]?.error?.code).toBe("aws/access-denied");
  });

  it("cannot inject into the plain terminal report, where a line starting with :: would be a command", async () => {
    const run = await check(["check", "--region", "us-east-1,eu-west-1", "--policy", POLICY_NAME]);
    expect(run.code, run.stderr).toBe(3);
    expect(terminalProblems(run.stdout)).toEqual([]);
    expect(workflowCommandProblems(run.stdout)).toEqual([]);
    // Every report line is ses-guard's: headings, result rows, fix/docs/waiver lines, the summary.
    expect(run.stdout).toContain("hostile-status");
  });

  it("cannot inject through a snapshot's region names, error texts and notices", async () => {
    writeFileSync(join(dir, "snapshot.json"), hostileSnapshot());
    const run = await check([
      "check",
      "--input",
      "snapshot.json",
      "--policy",
      POLICY_NAME,
      ...everyFileFormat,
    ]);
    expect(run.code, run.stderr).toBe(3);
    expect(terminalProblems(run.stdout)).toEqual([]);
    expect(workflowCommandProblems(run.stdout)).toEqual([]);
    const report = await expectSafeFiles();
    expect(report.targets.map((t) => t.region)).toEqual(
      JSON.parse(hostileSnapshot()).targets.map((t: { region: string }) => t.region),
    );
  });

  it("cannot inject through the problems of an invalid policy (exit 2)", async () => {
    writeFileSync(
      join(dir, "broken.yaml"),
      [
        "version: 1",
        `extends: [${JSON.stringify(`nope\n::error::forged-pack ##[error]forged-pack-v1 \u001b]8;;https://e/\u0007x`)}]`,
        "rules:",
        "  - id: bad-path",
        `    check: { path: ${JSON.stringify(`Sending\r\n::error::forged-path ##[stop-commands]t \u202e`)}, equals: true }`,
      ].join("\n"),
    );
    const run = await check(["check", "--input", "snapshot.json", "--policy", "broken.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("broken.yaml:");
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(terminalProblems(run.stderr)).toEqual([]);
    expect(workflowCommandProblems(run.stderr)).toEqual([]);
  });
});

describe("a hostile account and a hostile policy through the Action", () => {
  const node = NODES.find(([name]) => name === "Node 24")?.[1] ?? "node";

  it("writes only its own annotations and a summary without foreign HTML", async () => {
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      inputs: { regions: "us-east-1,eu-west-1", "report-file": "report.json", "sarif-file": "report.sarif" },
      files: { ".ses-guard.yaml": hostilePolicy(TODAY) },
    });
    try {
      expect(run.code, run.stderr).toBe(3);
      expect(workflowCommandProblems(run.stdout, { annotations: true })).toEqual([]);
      expect(workflowCommandProblems(run.stderr)).toEqual([]);
      expect(run.stdout).not.toMatch(ACTIVE_CONTROL);
      expect(run.stdout.split("\n").filter((line) => line.startsWith("::error")).length).toBeGreaterThan(1);
      expect(htmlProblems(run.summary)).toEqual([]);
      expect(run.summary).not.toMatch(ACTIVE_CONTROL);
      expect(workflowCommandProblems(run.summary)).toEqual([]);
      const report = JSON.parse(readFileSync(join(run.workspace, "report.json"), "utf8")) as Report;
      expect(reportSchemaErrors(report)).toEqual([]);
      expect(run.outputs.passed).toBe("false");
    } finally {
      run.cleanup();
    }
  });

  it("annotates the problems of an invalid hostile policy without letting them inject", async () => {
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: {
        ".ses-guard.yaml": `version: 1\nrules:\n  - id: bad\n    check: { path: ${JSON.stringify(`X\n::error::forged-path ##[error]v1 <script>x</script> \u001b[2J`)}, equals: 1 }\n`,
      },
    });
    try {
      expect(run.code).toBe(2);
      expect(workflowCommandProblems(run.stdout, { annotations: true })).toEqual([]);
      expect(run.stdout).not.toMatch(ACTIVE_CONTROL);
      expect(htmlProblems(run.summary)).toEqual([]);
      expect(run.summary).not.toMatch(ACTIVE_CONTROL);
    } finally {
      run.cleanup();
    }
  });
});
