/**
 * The bundled Action end to end, as the runner starts it, under Node 20 and Node 24: the real
 * AWS SDK inside the bundle reads the SES v2 emulator (or the fault server) on loopback, and the
 * test checks the exact annotation lines, the step outputs, the job summary and the exit code.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { accountsDir } from "../helpers/cli.js";
import { hangingCredentialProcess } from "../helpers/credential-process.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { expectGolden } from "../helpers/golden.js";
import { type SesEmulator, startSesEmulator } from "../helpers/ses-emulator.js";
import { sarifSchemaValidator } from "../report/sarif-validators.js";
import { ANNOTATIONS_EU_WEST_1, FAILING_TAIL } from "./expected.js";
import { actionYaml, NODES, runAction } from "./run-action.js";

const account = (file: string) =>
  JSON.parse(readFileSync(join(accountsDir, file), "utf8")) as Record<string, unknown>;
const POLICY = { ".ses-guard.yaml": "version: 1\nextends: [recommended]\n" };

let probation: SesEmulator;
let healthy: SesEmulator;
let faults: FaultServer;

beforeAll(async () => {
  [probation, healthy, faults] = await Promise.all([
    startSesEmulator(account("probation-bounce-only.json")),
    startSesEmulator(account("production-healthy.json")),
    startFaultServer(),
  ]);
});

afterAll(async () => {
  await Promise.all([probation?.stop(), healthy?.stop(), faults?.close()]);
});

beforeEach(() => faults.reset());

describe("action.yml", () => {
  it("runs the committed bundle on node24 and declares the contract's inputs and outputs", () => {
    const yaml = actionYaml();
    expect(yaml.runs).toEqual({ using: "node24", main: "dist/action.js" });
    // The contract's inputs first, in order; the fleet inputs (DESIGN section 9) after them.
    expect(Object.keys(yaml.inputs).slice(0, 9)).toEqual([
      "policy",
      "regions",
      "input",
      "fail-on",
      "sarif-file",
      "report-file",
      "annotations",
      "summary",
      "fix",
    ]);
    expect(Object.keys(yaml.inputs)).toEqual(expect.arrayContaining(["shard", "merge", "expect"]));
    expect(Object.keys(yaml.outputs)).toEqual(["passed", "failures", "errors", "report-file", "sarif-file"]);
  });
});

it("runs under the Node versions it names", () => {
  expect(
    NODES.map(([name, node]) => [
      name,
      execFileSync(node, ["--version"], { encoding: "utf8" }).split(".")[0],
    ]),
  ).toEqual([
    ["Node 20", "v20"],
    ["Node 24", "v24"],
  ]);
});

describe.each(NODES)("the Action under %s", (_name, node) => {
  it("annotates failed rules at the extends line, fails the step and writes summary, reports and outputs", async () => {
    const run = await runAction({
      node,
      sesEndpoint: probation.url,
      stsEndpoint: faults.url,
      files: POLICY,
      inputs: {
        regions: "eu-west-1",
        "report-file": "ses-guard-report.json",
        "sarif-file": "ses-guard.sarif",
      },
    });
    try {
      expect(run.stderr).toBe("");
      expect(run.stdout.split("\n")).toEqual([...ANNOTATIONS_EU_WEST_1, ...FAILING_TAIL, ""]);
      expect(run.code).toBe(1);
      expect(run.outputs).toEqual({
        passed: "false",
        failures: "2",
        errors: "0",
        "report-file": "ses-guard-report.json",
        "sarif-file": "ses-guard.sarif",
      });
      expectGolden("action/failing-summary.md", run.summary);

      const report = JSON.parse(readFileSync(join(run.workspace, "ses-guard-report.json"), "utf8")) as Report;
      expect(report.summary).toMatchObject({ fail: 4, pass: 2, exitCode: 1 });
      const sarif = JSON.parse(readFileSync(join(run.workspace, "ses-guard.sarif"), "utf8")) as {
        runs: Array<{ results: Array<{ ruleId: string }> }>;
      };
      expect(sarifSchemaValidator()(sarif)).toEqual([]);
      expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual([
        "enforcement-healthy",
        "suppression-bounce-complaint",
        "quota-headroom",
        "vdm-enabled",
      ]);
    } finally {
      run.cleanup();
    }
  });

  it("passes quietly on a healthy account: no annotation, outputs say passed", async () => {
    const run = await runAction({
      node,
      sesEndpoint: healthy.url,
      stsEndpoint: faults.url,
      files: POLICY,
      inputs: { regions: "us-east-1" },
    });
    try {
      expect(run.stdout).toBe(
        "ses-guard passed: 0 failed, 0 errors, 6 passed, 0 waived, 0 skipped (exit code 0)\n",
      );
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({
        passed: "true",
        failures: "0",
        errors: "0",
        "report-file": "",
        "sarif-file": "",
      });
      expect(run.summary.split("\n").slice(0, 3)).toEqual([
        "## ✅ ses-guard passed",
        "",
        "No failed rule at or above error. 0 failed · 0 errors · 6 passed · 0 waived · 0 skipped on 1 target (fail-on error, exit code 0).",
      ]);
    } finally {
      run.cleanup();
    }
  });

  it("exits 3 when a Region cannot be read, annotating the cause first and still checking the others", async () => {
    faults.on("eu-west-1", { kind: "ok", account: account("probation-bounce-only.json") });
    faults.on("ap-south-1", {
      kind: "error",
      status: 403,
      type: "AccessDeniedException",
      message: "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ses:GetAccount",
    });
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: POLICY,
      inputs: { regions: "eu-west-1, ap-south-1" },
    });
    try {
      const lines = run.stdout.trimEnd().split("\n");
      // Not about a policy line: it is reported on the workflow that ran.
      expect(lines[0]).toMatch(
        /^::error file=\.github\/workflows\/deploy\.yml,title=ses-guard could not read ap-south-1 123456789012::aws\/access-denied: .*ses:GetAccount/,
      );
      expect(lines[0]).toContain("%0A6 rules were not evaluated for this target.");
      expect(lines.slice(1, 5)).toEqual(ANNOTATIONS_EU_WEST_1);
      expect(lines.slice(5)).toEqual([
        "ses-guard failed: 4 failed, 6 errors, 2 passed, 0 waived, 0 skipped (exit code 3)",
        "::error::ses-guard: 1 target could not be read; 2 failed rules at or above error. See the annotations and the job summary.",
      ]);
      expect(run.code).toBe(3);
      expect(run.outputs).toMatchObject({ passed: "false", failures: "2", errors: "6" });
      expect(run.summary).toMatch(/^## ⛔ ses-guard failed: 1 target could not be read\n/);
      expect(run.summary).toContain("### ⛔ ap-south-1 123456789012 could not be read");
    } finally {
      run.cleanup();
    }
  });

  it("makes one annotation per failing rule across Regions, its own failure message included", async () => {
    const regions = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2"];
    faults.on("*", { kind: "ok", account: account("shutdown-sending-paused.json") });
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: POLICY,
      inputs: { regions: regions.join(","), summary: "false" },
    });
    try {
      // Two error rules fail in each of six Regions: 12 failures, but one annotation per rule
      // (naming its six targets), then the step's own failure message.
      const errors = run.stdout.split("\n").filter((l) => l.startsWith("::error"));
      expect(errors).toHaveLength(3);
      for (const annotation of errors.slice(0, 2)) {
        expect(annotation).toContain("(6 targets)::Fails on 6 targets: us-east-1 ");
        expect(annotation).toContain(" and 1 more.");
      }
      expect(errors[2]).toMatch(/^::error::ses-guard: 12 failed rules at or above error\./);
      expect(run.summary).toBe("");
      expect(run.code).toBe(1);
    } finally {
      run.cleanup();
    }
  });

  it("turns annotations and the summary off on request", async () => {
    const run = await runAction({
      node,
      sesEndpoint: probation.url,
      stsEndpoint: faults.url,
      files: POLICY,
      inputs: { regions: "eu-west-1", annotations: "false", summary: "false", "fail-on": "none" },
    });
    try {
      expect(run.stdout).toBe(
        "ses-guard passed (fail-on none): 4 failed rules do not fail the run; 4 failed, 0 errors, 2 passed, 0 waived, 0 skipped (exit code 0)\n",
      );
      expect(run.code).toBe(0);
      expect(run.summary).toBe("");
      expect(run.outputs).toMatchObject({ passed: "true", failures: "0" });
    } finally {
      run.cleanup();
    }
  });

  it("stops with exit 2 on an invalid policy, annotated at the line, without reading AWS", async () => {
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: {
        "policies/ses.yaml":
          "version: 1\nrules:\n  - id: sending\n    title: Sending\n    check:\n      path: SendingEnabld\n      equals: true\n",
      },
      inputs: { policy: "policies/ses.yaml", regions: "eu-west-1" },
    });
    try {
      const lines = run.stdout.trimEnd().split("\n");
      expect(lines[0]).toMatch(
        /^::error file=policies\/ses\.yaml,line=6,col=\d+,title=ses-guard%3A [^:]+::.*SendingEnabled/,
      );
      expect(lines.at(-1)).toBe("::error::ses-guard: 1 problem stopped the run; nothing was checked.");
      expect(run.code).toBe(2);
      expect(run.outputs).toEqual({
        passed: "false",
        failures: "0",
        errors: "0",
        "report-file": "",
        "sarif-file": "",
      });
      expect(run.summary).toMatch(/^## ⛔ ses-guard could not run\n\nNothing was checked\./);
      expect(run.summary).toContain("policies/ses.yaml:6:");
      expect(faults.requests).toHaveLength(0);
    } finally {
      run.cleanup();
    }
  });

  it("keeps policy problems to 10 error annotations as well", async () => {
    const rules = Array.from(
      { length: 12 },
      (_, i) => `  - id: r${i}\n    title: t\n    check: { path: Nope${i}, equals: true }\n`,
    );
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: { ".ses-guard.yaml": `version: 1\nrules:\n${rules.join("")}` },
    });
    try {
      const lines = run.stdout.trimEnd().split("\n");
      expect(lines).toHaveLength(10);
      expect(lines[0]).toMatch(
        /^::error file=\.ses-guard\.yaml,line=5,col=20,title=ses-guard%3A policy\/unknown-path::/,
      );
      expect(lines[8]).toBe(
        "::error title=ses-guard%3A 4 more problems::4 more problems are not shown as annotations; the job summary lists them all.",
      );
      expect(lines[9]).toBe("::error::ses-guard: 12 problems stopped the run; nothing was checked.");
      expect(run.summary.match(/^- /gm)).toHaveLength(12);
      expect(run.code).toBe(2);
    } finally {
      run.cleanup();
    }
  });

  it("rejects a bad input value by name", async () => {
    const run = await runAction({
      node,
      sesEndpoint: faults.url,
      stsEndpoint: faults.url,
      files: POLICY,
      inputs: { "fail-on": "critical" },
    });
    try {
      expect(run.stdout.split("\n")[0]).toBe(
        '::error title=ses-guard%3A action/invalid-input::input fail-on must be one of error, warning, notice, none, not "critical"',
      );
      expect(run.code).toBe(2);
      expect(faults.requests).toHaveLength(0);
    } finally {
      run.cleanup();
    }
  });
});

it("ends when a credential source waits for ever (exit 3 after the request deadline, not a hung step)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ses-guard-action-mfa-"));
  const credentials = hangingCredentialProcess(dir);
  const node = NODES[NODES.length - 1]?.[1] ?? process.execPath;
  const started = Date.now();
  const run = await runAction({
    node,
    sesEndpoint: faults.url,
    stsEndpoint: faults.url,
    files: POLICY,
    env: {
      AWS_PROFILE: credentials.profile,
      AWS_CONFIG_FILE: credentials.config,
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
    },
  });
  try {
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout).toContain("Resolving AWS credentials took longer than 10 s");
    expect(run.outputs).toMatchObject({ passed: "false", errors: "6" });
    expect(faults.requests).toHaveLength(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  } finally {
    run.cleanup();
    credentials.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
