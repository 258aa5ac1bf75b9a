/**
 * The Action's fleet inputs: `merge` (combine the JSON reports of shards or matrix jobs instead
 * of reading accounts) and the SARIF category prefix that keeps uploads of different workflows
 * and jobs apart. Kept out of main.ts so that file stays the thin layer over @actions/core.
 */

import { usageError } from "../errors.js";
import { findReports } from "../io/find-reports.js";
import { categorySegment } from "../report/sarif-category.js";
import type { CheckOutcome, RunHost, RunOptions } from "../run.js";
import { runMerge } from "../run-merge.js";
import type { ActionInputs } from "./inputs.js";
import { workflowFile } from "./inputs.js";

/**
 * `ses-guard/<workflow>/<job>`: the start of the SARIF `automationDetails.id`. The report's scope
 * (shard, account, fleet) follows, so shards and matrix jobs of one workflow differ too.
 */
export function sarifCategoryPrefix(env: Record<string, string | undefined>): string {
  const workflow = workflowFile(env)
    ?.split("/")
    .at(-1)
    ?.replace(/\.ya?ml$/, "");
  const parts = ["ses-guard"];
  if (workflow) parts.push(categorySegment(workflow));
  if (env.GITHUB_JOB) parts.push(categorySegment(env.GITHUB_JOB));
  return parts.join("/");
}

/** Merges the reports the `merge` input finds, or runs the check as usual. */
export async function readAccountsOrMerge(
  inputs: ActionInputs,
  options: RunOptions,
  host: RunHost,
  check: (options: RunOptions, host: RunHost) => Promise<CheckOutcome>,
): Promise<CheckOutcome> {
  if (!inputs.merge) return check(options, host);
  const workspace = host.workspace ?? host.cwd;
  const reports = findReports(workspace, inputs.merge);
  if (reports.length === 0) {
    throw usageError(
      "action/no-reports",
      `input merge (${inputs.merge.join(", ")}) matches no file in the workspace; did the jobs that write the reports run and upload them?`,
    );
  }
  return runMerge(
    {
      reports,
      formats: options.formats,
      // The merge step's fail-on is the gate: the exit code is recomputed with it.
      failOn: options.failOn,
      ...(inputs.expect === undefined ? {} : { expect: inputs.expect }),
      ...(options.sarifCategoryPrefix ? { sarifCategoryPrefix: options.sarifCategoryPrefix } : {}),
    },
    { ...host, cwd: workspace },
  );
}
