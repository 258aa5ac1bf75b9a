/**
 * Two small things a reader of annotations notices: a rule without a title is titled by its id
 * alone (not "vdm: vdm"), and a run that passed with failures below --fail-on says so in its
 * last line rather than "passed: 2 failed".
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import { buildAnnotations, formatGithub } from "../../src/report/github.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { passedWithFailures, verdictCountsLine } from "../../src/report/verdict.js";
import type { FailOn, TargetData } from "../../src/types.js";
import { load } from "../policy/memory-host.js";

const untitled = `version: 1
rules:
  - id: vdm
    severity: warning
    check: { path: VdmAttributes.VdmEnabled, equals: ENABLED }
  - id: sending
    title: Sending is enabled
    check: { path: SendingEnabled, equals: true }
`;

const target: TargetData = {
  region: "us-east-1",
  accountId: "123456789012",
  status: "ok",
  account: { SendingEnabled: true, VdmAttributes: { VdmEnabled: "DISABLED" } },
};

async function run(failOn: FailOn) {
  const policy = await load(["p.yaml"], { "p.yaml": untitled });
  const report = evaluatePolicy(policy, [target], { today: "2026-05-01", failOn, toolVersion: "0.1.0" });
  return { report, context: { color: false, today: "2026-05-01", workspace: "/repo", rules: policy.rules } };
}

describe("a rule without a title", () => {
  it("is annotated with its id once", async () => {
    const { report, context } = await run("warning");
    expect(buildAnnotations(report, context).map((a) => a.title)).toEqual(["vdm"]);
    expect(formatGithub(report, context)).toContain("::warning file=p.yaml,line=3,col=5,title=vdm::");
  });
});

describe("a pass with failures below the threshold", () => {
  it("names the failures and the threshold in the github format's last line", async () => {
    const { report, context } = await run("error");
    expect(report.summary.exitCode).toBe(0);
    expect(formatGithub(report, context).trimEnd().split("\n").at(-1)).toBe(
      "ses-guard passed (fail-on error): 1 warning below the threshold; 1 failed, 0 errors, 1 passed, 0 waived, 0 skipped (exit code 0)",
    );
  });

  it("under --fail-on none, says the failures do not fail the run", async () => {
    const { report } = await run("none");
    expect(passedWithFailures(report)).toBe("passed (fail-on none): 1 failed rule does not fail the run");
  });

  it("a failing run and a clean pass keep the plain form", async () => {
    const { report: failing } = await run("warning");
    expect(verdictCountsLine(failing)).toBe(
      "ses-guard failed: 1 failed, 0 errors, 1 passed, 0 waived, 0 skipped (exit code 1)",
    );
    expect(passedWithFailures(failing)).toBeUndefined();
  });
});

describe("a run that checked nothing", () => {
  it("says so in the job summary's heading and the github format's last line", async () => {
    const policy = await load(["p.yaml"], { "p.yaml": untitled });
    const skipped: TargetData = {
      region: "af-south-1",
      accountId: null,
      status: "skipped",
      notice: "opt-in",
    };
    const report = evaluatePolicy(policy, [skipped], {
      today: "2026-05-01",
      failOn: "none",
      toolVersion: "0.1.0",
    });
    const context = { color: false, today: "2026-05-01", workspace: "/repo", rules: policy.rules };
    expect(formatMarkdown(report, context).split("\n")[0]).toBe(
      "## ⛔ ses-guard failed: nothing was checked: the only target was skipped",
    );
    expect(formatGithub(report, context).trimEnd()).toBe(
      "ses-guard failed: nothing was checked: the only target was skipped; 0 failed, 0 errors, 0 passed, 0 waived, 2 skipped (exit code 3)",
    );
  });
});
