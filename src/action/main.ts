/**
 * The GitHub Action (action.yml): inputs to the same `runCheck` the CLI uses, results to
 * annotations, the job summary and step outputs. The one file that touches `@actions/core`.
 */

import * as core from "@actions/core";
import { ExitCode, formatDiagnostic, SesGuardError } from "../errors.js";
import { exitAfterFlush } from "../io/exit-after-flush.js";
import { boundMarkdown, clipWithNote } from "../report/bounded-text.js";
import { blockingFailures, plural } from "../report/common.js";
import { escapeMarkdown } from "../report/escape.js";
import { type Annotation, createGithubFormatter, renderAnnotation } from "../report/github.js";
import { repositoryPath } from "../report/location.js";
import { createMarkdownFormatter, DEFAULT_SUMMARY_BYTES } from "../report/markdown.js";
import { terminalSafe } from "../report/terminal-text.js";
import { nothingChecked, verdictCountsLine } from "../report/verdict.js";
import { type CheckOutcome, DEFAULT_TIMEOUT_SECONDS, type FormatRequest, runCheck } from "../run.js";
import type { FormatContext } from "../types.js";
import { inActionWords } from "./action-wording.js";
import { FIX_SUMMARY_BYTES, fixPlanSummary } from "./fix-summary.js";
import { readAccountsOrMerge, sarifCategoryPrefix } from "./fleet-run.js";
import { type ActionInputs, parseActionInputs, workflowFile } from "./inputs.js";

// GitHub shows 10 annotations of a level per step; setFailed adds one error annotation.
const MAX_PROBLEM_ANNOTATIONS = 9;

function where(inputs: ActionInputs): { moreAt: string; fullReport: string } {
  const report = inputs.reportFile ? `${inputs.reportFile} (the report-file output of this step)` : undefined;
  const summary = inputs.summary ? "the job summary" : undefined;
  return {
    moreAt:
      [summary, report].filter(Boolean).join(" or ") || "the ses-guard report (set the report-file input)",
    fullReport: report ?? "the complete report (set the report-file input of the ses-guard step)",
  };
}

/**
 * Writes the job summary; returns what went wrong when the runner's summary file could not take
 * it. Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it: that is said plainly
 * and is no failure.
 */
async function writeSummary(markdown: string): Promise<string | undefined> {
  try {
    await core.summary.addRaw(boundSummary(markdown)).write();
    return undefined;
  } catch (error) {
    const reason = oneLineReason(error);
    if (!process.env.GITHUB_STEP_SUMMARY) {
      core.info(`ses-guard: job summary not written: ${reason}`);
      return undefined;
    }
    return `cannot write the job summary to GITHUB_STEP_SUMMARY: ${reason}`;
  }
}

/** Keeps a job summary under GitHub's 1 MiB limit; a cut summary ends by saying so. */
function boundSummary(markdown: string): string {
  return boundMarkdown(
    markdown,
    "**✂️ ses-guard cut this summary here:** GitHub takes at most 1 MiB of job summary per step. The annotations, the step's log and the report-file input's JSON report have everything.",
  );
}

/** An error's message on one line, without a stack (the bundle is minified: a stack says nothing). */
function oneLineReason(error: unknown): string {
  return terminalSafe(error instanceof Error ? error.message : String(error));
}

function failureMessage(outcome: CheckOutcome, exitCode: number, stepFileProblems: string[] = []): string {
  const report = outcome.report;
  const parts: string[] = [];
  const unreadable = report.targets.filter((t) => t.status === "error").length;
  if (unreadable > 0) parts.push(`${plural(unreadable, "target")} could not be read`);
  const failures = blockingFailures(report);
  if (failures > 0) parts.push(`${plural(failures, "failed rule")} at or above ${report.failOn}`);
  const unchecked = nothingChecked(report);
  if (unchecked) parts.push(unchecked);
  for (const problem of [...outcome.writeErrors, ...stepFileProblems]) parts.push(terminalSafe(problem));
  if (parts.length === 0) parts.push(`exit code ${exitCode}`);
  // File names and reasons can be long: the failure annotation stays one bounded line.
  return `ses-guard: ${clipWithNote(parts.join("; "), 4000)}. See the annotations and the job summary.`;
}

/** Sets the step outputs; returns what went wrong when the GITHUB_OUTPUT file could not take them. */
function setOutputs(values: {
  passed: boolean;
  failures: number;
  errors: number;
  report: string;
  sarif: string;
}): string | undefined {
  try {
    core.setOutput("passed", values.passed ? "true" : "false");
    core.setOutput("failures", String(values.failures));
    core.setOutput("errors", String(values.errors));
    core.setOutput("report-file", values.report);
    core.setOutput("sarif-file", values.sarif);
    return undefined;
  } catch (error) {
    return `cannot write the step outputs to GITHUB_OUTPUT: ${oneLineReason(error)}`;
  }
}

async function check(inputs: ActionInputs, workspace: string): Promise<number> {
  const now = new Date();
  const fallbackFile = workflowFile(process.env);
  const categoryPrefix = sarifCategoryPrefix(process.env);
  const formats: FormatRequest[] = [];
  if (inputs.reportFile) formats.push({ name: "json", file: inputs.reportFile });
  if (inputs.sarifFile) formats.push({ name: "sarif", file: inputs.sarifFile });
  const outcome = await readAccountsOrMerge(
    inputs,
    {
      policies: inputs.policies,
      inputs: inputs.inputs,
      regions: inputs.regions,
      formats,
      failOn: inputs.failOn,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      ...(inputs.shard ? { shard: inputs.shard } : {}),
      ...(inputs.fleet ? { fleet: inputs.fleet } : {}),
      sarifCategoryPrefix: categoryPrefix,
    },
    {
      // Every relative path (the default policy, policy, input, report-file, sarif-file) is the
      // workspace's, wherever the runner started the process.
      cwd: workspace,
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
    sarifCategoryPrefix: categoryPrefix,
  };
  const { moreAt, fullReport } = where(inputs);

  if (inputs.annotations) {
    const github = createGithubFormatter({ moreAt, reserve: exitCode === 0 ? {} : { error: 1 } });
    process.stdout.write(github(report, context));
  } else {
    core.info(verdictCountsLine(report, exitCode));
  }
  const stepFileProblems: string[] = [];
  if (inputs.summary) {
    // With the fix plan, the check's section leaves room for it under the 1 MiB cap.
    const maxBytes = inputs.fix ? DEFAULT_SUMMARY_BYTES - FIX_SUMMARY_BYTES : undefined;
    const markdown = createMarkdownFormatter({ fullReport, ...(maxBytes ? { maxBytes } : {}) })(
      report,
      context,
    );
    const problem = await writeSummary(inputs.fix ? `${markdown}\n${fixPlanSummary(outcome)}` : markdown);
    if (problem) stepFileProblems.push(problem);
  }

  const written = new Set(outcome.outputs.filter((o) => o.file).map((o) => o.file));
  const outputsProblem = setOutputs({
    // A step whose summary could not be written has failed, and says so to the steps after it.
    passed: exitCode === 0 && stepFileProblems.length === 0,
    failures: blockingFailures(report),
    errors: report.summary.error,
    report: inputs.reportFile && written.has(inputs.reportFile) ? inputs.reportFile : "",
    sarif: inputs.sarifFile && written.has(inputs.sarifFile) ? inputs.sarifFile : "",
  });
  if (outputsProblem) stepFileProblems.push(outputsProblem);
  // A later step reads the outputs and the summary to decide: the step fails when they are missing.
  const finalCode = stepFileProblems.length > 0 ? ExitCode.usage : exitCode;
  if (finalCode !== 0) core.setFailed(failureMessage(outcome, finalCode, stepFileProblems));
  return finalCode;
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

/** The longest problem the "could not run" summary shows, in characters before escaping. */
const MAX_SUMMARY_PROBLEM = 2000;

function problemSummary(error: SesGuardError): string {
  const lines = ["## ⛔ ses-guard could not run", "", "Nothing was checked. Fix these and run again:", ""];
  for (const d of error.diagnostics.slice(0, 200)) {
    // A problem can quote the policy (a 1 MiB line of it): each is cut, saying so.
    const text = clipWithNote(formatDiagnostic(d), MAX_SUMMARY_PROBLEM);
    lines.push(`- ${escapeMarkdown(text)} (${escapeMarkdown(clipWithNote(d.code, 200))})`);
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
  } catch (thrown) {
    const outputsProblem = setOutputs({ passed: false, failures: 0, errors: 0, report: "", sarif: "" });
    const error = thrown instanceof SesGuardError ? inActionWords(thrown) : thrown;
    if (error instanceof SesGuardError) {
      if (inputs?.annotations !== false) {
        for (const annotation of problemAnnotations(error, workspace, inputs?.summary !== false)) {
          process.stdout.write(`${renderAnnotation(annotation)}\n`);
        }
      }
      const summaryProblem =
        inputs?.summary !== false ? await writeSummary(problemSummary(error)) : undefined;
      const count = error.diagnostics.length;
      const unwritten = [summaryProblem, outputsProblem].filter(Boolean).map((p) => ` ${p}.`);
      core.setFailed(
        `ses-guard: ${plural(count, "problem")} stopped the run; nothing was checked.${unwritten.join("")}`,
      );
      return error.exitCode;
    }
    // Not a user mistake: a bug. Say so plainly, with what is needed to report it.
    core.setFailed(`ses-guard: internal error: ${(error as Error)?.stack ?? String(error)}`);
    return ExitCode.usage;
  }
}

// No top-level await: the bundle is CommonJS (see scripts/build.mjs). Whatever escapes runAction
// still ends as one clean error line, never a dump of the minified bundle.
void runAction()
  .catch((error: unknown) => {
    core.setFailed(`ses-guard: internal error: ${oneLineReason(error)}`);
    return ExitCode.usage;
  })
  .then(exitAfterFlush);
