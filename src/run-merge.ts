/**
 * `merge` as a run: read the JSON reports, merge them (src/report/merge.ts), render and write every
 * format. Shared by the CLI's `ses-guard merge` and the Action's `merge` input, like runCheck.
 */

import { resolve } from "node:path";
import { usageError } from "./errors.js";
import { readBoundedText } from "./io/bounded-read.js";
import { assertDistinctFormatFiles } from "./io/format-outputs.js";
import { mergeReportTexts } from "./report/merge.js";
import { renderAndDeliver } from "./report/render-outputs.js";
import type { CheckOutcome, FormatRequest, RunHost } from "./run.js";
import type { FailOn, FormatContext } from "./types.js";
import { toolVersion } from "./version.js";

/**
 * The largest JSON report merge reads: a shard's report of 1,000 accounts × 17 Regions is about
 * 60 MB, and one report must stay well below what a JavaScript string can hold.
 */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** What `merge` was asked to do. */
export interface MergeRunOptions {
  /** The JSON report files, relative to the host's `cwd`. */
  reports: string[];
  expect?: number;
  failOn?: FailOn;
  formats: FormatRequest[];
  quiet?: boolean;
  /** What SARIF `automationDetails.id` starts with (the Action names its workflow and job). */
  sarifCategoryPrefix?: string;
}

/** Reads, merges, renders and writes; throws a SesGuardError (exit 2) for reports it refuses. */
export async function runMerge(
  options: MergeRunOptions,
  host: Pick<RunHost, "cwd" | "now" | "color" | "workspace" | "fallbackFile">,
): Promise<CheckOutcome> {
  // Two outputs into one file would lose one of them: refused before anything is read.
  assertDistinctFormatFiles(options.formats, host.cwd);
  const inputs = options.reports.map((file) => ({
    name: file,
    text: readReport(resolve(host.cwd, file), file),
  }));
  const now = host.now();
  const report = mergeReportTexts(inputs, {
    toolVersion,
    now,
    ...(options.expect === undefined ? {} : { expect: options.expect }),
    ...(options.failOn === undefined ? {} : { failOn: options.failOn }),
  });
  const context: FormatContext = {
    color: host.color,
    today: now.toISOString().slice(0, 10),
    workspace: host.workspace ?? host.cwd,
    // Rule metadata travels in the results; formats fall back to it.
    rules: [],
    ...(host.fallbackFile ? { fallbackFile: host.fallbackFile } : {}),
    ...(options.quiet ? { quiet: true } : {}),
    ...(options.sarifCategoryPrefix ? { sarifCategoryPrefix: options.sarifCategoryPrefix } : {}),
  };
  const { outputs, writeErrors } = await renderAndDeliver(report, options.formats, context, host.cwd);
  return {
    exitCode: report.summary.exitCode,
    report,
    policy: { rules: [], waivers: [], files: (report.policies ?? []).map((p) => p.file) },
    outputs,
    writeErrors,
    // A merge has reports, not account data: there is nothing to plan a fix from.
    targets: [],
  };
}

function readReport(path: string, shown: string): string {
  const read = readBoundedText(path, MAX_REPORT_BYTES);
  if ("text" in read) return read.text;
  if ("tooLarge" in read) {
    throw usageError(
      "merge/report-too-large",
      `report ${shown} is ${Math.ceil(read.size / 1024 / 1024)} MiB; the limit is ${MAX_REPORT_BYTES / 1024 / 1024} MiB (split the run into more shards)`,
    );
  }
  throw usageError("merge/unreadable-report", `cannot read report ${shown}: ${read.error}`);
}
