/**
 * The GitHub Action (action.yml): inputs to the same `runCheck` the CLI uses, results to
 * annotations, the job summary and step outputs. The one file that touches `@actions/core`.
 */

import * as core from "@actions/core";
import { ExitCode, formatDiagnostic, SesGuardError } from "../errors.js";
import { exitAfterFlush } from "../io/exit-after-flush.js";
import { blockingFailures, countsLine } from "../report/common.js";
import { escapeMarkdown } from "../report/escape.js";
import { type Annotation, createGithubFormatter, renderAnnotation } from "../report/github.js";
import { repositoryPath } from "../report/location.js";
import { createMarkdownFormatter } from "../report/markdown.js";
import { type CheckOutcome, DEFAULT_TIMEOUT_SECONDS, type FormatRequest, runCheck } from "../run.js";
import type { FormatContext } from "../types.js";
import { readAccountsOrMerge, sarifCategoryPrefix } from "./fleet-run.js";
import { type ActionInputs, parseActionInputs, workflowFile } from "./inputs.js";

// GitHub shows 10 annotations of a level per step; setFailed adds one error annotation.
const MAX_PROBLEM_ANNOTATIONS = 9;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function where(inputs: ActionInputs): { moreAt: string; fullReport: string } {
  const report = inputs.reportFile ? `${inputs.reportFile} (the report-file output of this step)` : undefined;
  const summary = inputs.summary ? "the job summary" : undefined;
  return {
    moreAt:
      [summary, report].filter(Boolean).join(" or ") || "the ses-guard report (set the report-file input)",
    fullReport: report ?? "the complete report (set the report-file input of the ses-guard step)",
  };
}

async function writeSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it; say so plainly.
    core.info(`ses-guard: job summary not written: ${(error as Error).message}`);
  }
}

function failureMessage(outcome: CheckOutcome, exitCode: number): string {
  const report = outcome.report;
  const parts: string[] = [];
  const unreadable = report.targets.filter((t) => t.status === "error").length;
  if (unreadable > 0) parts.push(`${plural(unreadable, "target")} could not be read`);
  const failures = blockingFailures(report);
  if (failures > 0) parts.push(`${plural(failures, "failed rule")} at or above ${report.failOn}`);
  for (const problem of outcome.writeErrors) parts.push(problem);
  if (parts.length === 0) parts.push(`exit code ${exitCode}`);
  return `ses-guard: ${parts.join("; ")}. See the annotations and the job summary.`;
}

function setOutputs(values: {
  passed: boolean;
  failures: number;
  errors: number;
  report: string;
  sarif: string;
}) {
  core.setOutput("passed", values.passed ? "true" : "false");
  core.setOutput("failures", String(values.failures));
  core.setOutput("errors", String(values.errors));
  core.setOutput("report-file", values.report);
  core.setOutput("sarif-file", values.sarif);
}

async function check(inputs: ActionInputs, workspace: string): Promise<number> {
  const now = new Date();
  const fallbackFile = workflowFile(process.env);
  const formats: FormatRequest[] = [];
  if (inputs.reportFile) formats.push({ name: "json", file: inputs.reportFile });
  if (inputs.sarifFile) formats.push({ name: "sarif", file: inputs.sarifFile });
  const outcome = await readAccountsOrMerge(
    inputs,
    {
      policies: inputs.policies,
      inputs: [],
      regions: inputs.regions,
      formats,
      failOn: inputs.failOn,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      ...(inputs.shard ? { shard: inputs.shard } : {}),
      sarifCategoryPrefix: sarifCategoryPrefix(process.env),
    },
    {
      cwd: process.cwd(),
      env: process.env,
      now: () => now,
      readStdin: async () => "",
      color: false,
      workspace,
      ...(fallbackFile ? { fallbackFile } : {}),
    },
    runCheck,
  );
  const exitCode = outcome.writeErrors.length > 0 ? ExitCode.usage : outcome.exitCode;
  const report = outcome.report;
  const context: FormatContext = {
    color: false,
    today: now.toISOString().slice(0, 10),
    workspace,
    rules: outcome.policy.rules,
    ...(fallbackFile ? { fallbackFile } : {}),
    sarifCategoryPrefix: sarifCategoryPrefix(process.env),
  };
  const { moreAt, fullReport } = where(inputs);

  if (inputs.annotations) {
    const github = createGithubFormatter({ moreAt, reserve: exitCode === 0 ? {} : { error: 1 } });
    process.stdout.write(github(report, context));
  } else {
    core.info(
      `ses-guard ${exitCode === 0 ? "passed" : "failed"}: ${countsLine(report)} (exit code ${exitCode})`,
    );
  }
  if (inputs.summary) await writeSummary(createMarkdownFormatter({ fullReport })(report, context));

  const written = new Set(outcome.outputs.filter((o) => o.file).map((o) => o.file));
  setOutputs({
    passed: exitCode === 0,
    failures: blockingFailures(report),
    errors: report.summary.error,
    report: inputs.reportFile && written.has(inputs.reportFile) ? inputs.reportFile : "",
    sarif: inputs.sarifFile && written.has(inputs.sarifFile) ? inputs.sarifFile : "",
  });
  if (exitCode !== 0) core.setFailed(failureMessage(outcome, exitCode));
  return exitCode;
}

/** Problems that stopped the run (an invalid policy or input) as annotations at their place. */
function problemAnnotations(error: SesGuardError, workspace: string, summary: boolean): Annotation[] {
  const annotations = error.diagnostics.map((d): Annotation => {
    const annotation: Annotation = { level: "error", title: `ses-guard: ${d.code}`, message: d.message };
    const file = d.file === undefined ? undefined : repositoryPath(d.file, workspace);
    if (file !== undefined) {
      annotation.file = file;
      if (d.line !== undefined) annotation.line = d.line;
      if (d.line !== undefined && d.column !== undefined) annotation.column = d.column;
    }
    return annotation;
  });
  if (annotations.length <= MAX_PROBLEM_ANNOTATIONS) return annotations;
  const shown = annotations.slice(0, MAX_PROBLEM_ANNOTATIONS - 1);
  const hidden = annotations.length - shown.length;
  shown.push({
    level: "error",
    title: `ses-guard: ${hidden} more problems`,
    message: `${hidden} more problems are not shown as annotations; ${summary ? "the job summary lists them all" : "run ses-guard validate to see them all"}.`,
  });
  return shown;
}

function problemSummary(error: SesGuardError): string {
  const lines = ["## ⛔ ses-guard could not run", "", "Nothing was checked. Fix these and run again:", ""];
  for (const d of error.diagnostics.slice(0, 200)) {
    lines.push(`- ${escapeMarkdown(formatDiagnostic(d))} (${escapeMarkdown(d.code)})`);
  }
  if (error.diagnostics.length > 200) lines.push(`- and ${error.diagnostics.length - 200} more`);
  return `${lines.join("\n")}\n`;
}

/** Runs the Action and returns the exit code (0, 1, 2 or 3, as the CLI's). */
async function runAction(): Promise<number> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  let inputs: ActionInputs | undefined;
  try {
    inputs = parseActionInputs((name) => core.getInput(name));
    return await check(inputs, workspace);
  } catch (error) {
    setOutputs({ passed: false, failures: 0, errors: 0, report: "", sarif: "" });
    if (error instanceof SesGuardError) {
      if (inputs?.annotations !== false) {
        for (const annotation of problemAnnotations(error, workspace, inputs?.summary !== false)) {
          process.stdout.write(`${renderAnnotation(annotation)}\n`);
        }
      }
      if (inputs?.summary !== false) await writeSummary(problemSummary(error));
      const count = error.diagnostics.length;
      core.setFailed(`ses-guard: ${plural(count, "problem")} stopped the run; nothing was checked.`);
      return error.exitCode;
    }
    // Not a user mistake: a bug. Say so plainly, with what is needed to report it.
    core.setFailed(`ses-guard: internal error: ${(error as Error)?.stack ?? String(error)}`);
    return ExitCode.usage;
  }
}

// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
void runAction().then(exitAfterFlush);
