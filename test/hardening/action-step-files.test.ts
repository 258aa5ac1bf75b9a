/**
 * The bundled Action when the runner's step files fail it, and when a policy is huge: an
 * unwritable GITHUB_OUTPUT or GITHUB_STEP_SUMMARY ends the step with one clean `::error` line and
 * a non-zero exit (never a dump of the minified bundle), and the "could not run" summary and
 * annotations of a 1 MiB policy stay bounded, saying where they were cut.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAction } from "../action/run-action.js";
import { hasStackTrace } from "../helpers/cli.js";
import { useFaultServer } from "../helpers/use-fault-server.js";

const live = useFaultServer();
const node = process.execPath;

function endpoints() {
  return { sesEndpoint: live.server.url, stsEndpoint: live.server.url };
}

/** No minified source: no stack frames, no line of the bundle echoed back. */
function expectNoDump(text: string): void {
  expect(hasStackTrace(text), text).toBe(false);
  expect(text).not.toMatch(/dist\/action\.js:\d+/);
  for (const line of text.split("\n")) expect(line.length, line.slice(0, 200)).toBeLessThan(2000);
}

describe("step files the Action cannot write", () => {
  it("an unwritable GITHUB_OUTPUT: a clean ::error and exit 2, after the summary was written", async () => {
    const run = await runAction({
      node,
      ...endpoints(),
      inputs: { regions: "us-east-1" },
      env: { GITHUB_OUTPUT: join("/nonexistent-ses-guard-dir", "output") },
    });
    try {
      expect(run.code, run.stdout).toBe(2);
      expect(run.stdout).toMatch(
        /^::error::ses-guard: cannot write the step outputs to GITHUB_OUTPUT: Missing file at path: \/nonexistent-ses-guard-dir\/output\. See the annotations and the job summary\.$/m,
      );
      expectNoDump(`${run.stdout}\n${run.stderr}`);
      expect(run.stderr).toBe("");
      expect(run.summary).toMatch(/ses-guard/);
    } finally {
      run.cleanup();
    }
  });

  it("an unwritable GITHUB_STEP_SUMMARY: a clean ::error and exit 2, with the outputs set", async () => {
    const run = await runAction({
      node,
      ...endpoints(),
      inputs: { regions: "us-east-1" },
      // A directory: the runner's file is missing and nothing can be appended there.
      env: { GITHUB_STEP_SUMMARY: "/" },
    });
    try {
      expect(run.code, run.stdout).toBe(2);
      expect(run.stdout).toMatch(
        /^::error::ses-guard: cannot write the job summary to GITHUB_STEP_SUMMARY: .+$/m,
      );
      expectNoDump(`${run.stdout}\n${run.stderr}`);
      expect(run.outputs.passed).toBe("false");
    } finally {
      run.cleanup();
    }
  });

  it("an unwritable GITHUB_OUTPUT when the policy is invalid: the problems still annotated, exit 2", async () => {
    const run = await runAction({
      node,
      ...endpoints(),
      inputs: { regions: "us-east-1", policy: "bad.yaml" },
      files: { "bad.yaml": "version: 1\nrules:\n  - id: x\n    check: { path: Nope, equals: true }\n" },
      env: { GITHUB_OUTPUT: join("/nonexistent-ses-guard-dir", "output") },
    });
    try {
      expect(run.code).toBe(2);
      expect(run.stdout).toMatch(/^::error file=bad\.yaml,line=4/m);
      expect(run.stdout).toMatch(
        /^::error::ses-guard: 1 problem stopped the run; nothing was checked\. cannot write the step outputs/m,
      );
      expectNoDump(`${run.stdout}\n${run.stderr}`);
    } finally {
      run.cleanup();
    }
  });
});

describe("a policy of 1 MiB that is all problems", () => {
  it("gives a summary under 1 MiB and bounded annotation lines, each cut saying so", async () => {
    // 40 severities of 20 000 underscores: each problem quotes its value, and Markdown writes
    // every `_` as `&#95;`.
    const rules = Array.from(
      { length: 40 },
      (_, i) =>
        `  - id: r${i}\n    severity: e${"_".repeat(20_000)}\n    check: { path: SendingEnabled, equals: true }`,
    );
    const run = await runAction({
      node,
      ...endpoints(),
      inputs: { regions: "us-east-1", policy: "huge.yaml" },
      files: { "huge.yaml": `version: 1\nrules:\n${rules.join("\n")}\n` },
    });
    try {
      expect(run.code).toBe(2);
      expect(Buffer.byteLength(run.summary, "utf8")).toBeLessThan(1024 * 1024);
      expect(run.summary).toMatch(/^## ⛔ ses-guard could not run/);
      // Markdown spells the brackets as character references; a reader sees "[cut: …]".
      expect(run.summary).toMatch(/&#91;cut: \d+ more characters&#93;/);
      const annotations = run.stdout.split("\n").filter((line) => line.startsWith("::error"));
      expect(annotations.length).toBeGreaterThan(5);
      for (const line of annotations) expect(line.length).toBeLessThan(10_000);
      expect(annotations.some((line) => /\[cut: \d+ more characters\]/.test(line))).toBe(true);
    } finally {
      run.cleanup();
    }
  });
});
