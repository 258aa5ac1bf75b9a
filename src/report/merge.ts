/**
 * `ses-guard merge`: combines JSON reports (the shards of one run, or one job per account) into one
 * report with its exit code recomputed. Pure: the caller reads the files and passes the time.
 *
 * It refuses (exit 2) what cannot be one verdict: reports of different policies, different
 * `failOn`, the same target twice, a shard twice. It fails closed (exit 3) on what is missing: a
 * shard of 1..N without a report, or fewer reports than `--expect N`; each is an `error` target in
 * the merged report, so no format can show the run as a pass.
 */

import { summarize } from "../engine/evaluate.js";
import { SesGuardError, usageError } from "../errors.js";
import type { FailOn, Report, TargetSummary } from "../types.js";
import { targetKey } from "./common.js";
import { parseReportJson } from "./merge-input.js";

/** One report to merge and the name it is shown by (its file). */
export interface NamedReport {
  name: string;
  report: Report;
}

/** What a merge needs from outside. */
export interface MergeOptions {
  /** `--expect N`: how many reports must arrive. */
  expect?: number;
  /** `--fail-on`: recompute the exit code with this threshold instead of the reports' own. */
  failOn?: FailOn;
  toolVersion: string;
  now: Date;
}

/** Parses each report's text (a bad one is a usage error at file:line:col) and merges them. */
export function mergeReportTexts(
  inputs: ReadonlyArray<{ name: string; text: string }>,
  options: MergeOptions,
): Report {
  const problems: SesGuardError[] = [];
  const reports: NamedReport[] = [];
  for (const input of inputs) {
    try {
      reports.push({ name: input.name, report: parseReportJson(input.name, input.text) });
    } catch (error) {
      if (!(error instanceof SesGuardError)) throw error;
      problems.push(error);
    }
  }
  // Every unreadable report is named at once, so one run shows everything to fix.
  if (problems.length > 0)
    throw new SesGuardError(
      problems.flatMap((p) => p.diagnostics),
      problems[0]?.exitCode,
    );
  return mergeReports(reports, options);
}

/** Merges parsed reports; see the module comment for what is refused and what fails closed. */
export function mergeReports(inputs: readonly NamedReport[], options: MergeOptions): Report {
  const first = inputs[0];
  if (!first) throw usageError("merge/no-reports", "merge needs at least one JSON report");
  const digest = samePolicy(inputs);
  const failOn = sameFailOn(inputs);
  const ordered = shardOrder(inputs);
  const missing = [...missingShards(ordered), ...missingReports(inputs.length, options.expect)];

  const targets: TargetSummary[] = [];
  const results: Report["results"] = [];
  const seen = new Map<string, string>();
  for (const { name, report } of ordered) {
    for (const target of report.targets) {
      const key = targetKey(target);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw usageError(
          "merge/duplicate-target",
          `${name} and ${earlier} both hold region ${target.region} of account ${target.accountId ?? "unknown"}; a target may be reported once (was a shard or job uploaded twice?)`,
        );
      }
      seen.set(key, name);
      targets.push(target);
    }
    for (const result of report.results) results.push(result);
  }
  targets.push(...missing);

  const threshold = options.failOn ?? failOn;
  const merged: Report = {
    version: 1,
    tool: { name: "ses-guard", version: options.toolVersion },
    summary: summarize(targets, results, threshold),
    failOn: threshold,
    targets,
    results,
    createdAt: options.now.toISOString(),
    policyDigest: digest,
  };
  if (first.report.policies) merged.policies = first.report.policies;
  return merged;
}

function samePolicy(inputs: readonly NamedReport[]): string {
  const [first] = inputs as [NamedReport];
  for (const { name, report } of inputs) {
    if (report.policyDigest === undefined) {
      throw usageError(
        "merge/no-policy-digest",
        `${name} has no policyDigest, so merge cannot tell which policy it was made with; make it again with this version of ses-guard`,
      );
    }
    if (report.policyDigest !== first.report.policyDigest) {
      throw usageError(
        "merge/different-policies",
        `${name} was made with another policy than ${first.name} (policyDigest ${report.policyDigest} and ${first.report.policyDigest}); merge only reports of one policy`,
      );
    }
  }
  return first.report.policyDigest as string;
}

function sameFailOn(inputs: readonly NamedReport[]): FailOn {
  const [first] = inputs as [NamedReport];
  for (const { name, report } of inputs) {
    if (report.failOn !== first.report.failOn) {
      throw usageError(
        "merge/different-fail-on",
        `${name} was made with --fail-on ${report.failOn} and ${first.name} with --fail-on ${first.report.failOn}; merge only reports of one threshold (or recompute with merge --fail-on)`,
      );
    }
  }
  return first.report.failOn;
}

/** Shard reports in shard order (checked to be one split, each shard once); others as given. */
function shardOrder(inputs: readonly NamedReport[]): NamedReport[] {
  const sharded = inputs.filter((input) => input.report.shard !== undefined);
  if (sharded.length === 0) return [...inputs];
  if (sharded.length !== inputs.length) {
    const other = inputs.find((input) => input.report.shard === undefined) as NamedReport;
    throw usageError(
      "merge/mixed-shards",
      `${other.name} is not a shard report but ${(sharded[0] as NamedReport).name} is; merge either the shards of one run or unsharded reports`,
    );
  }
  const count = (sharded[0] as NamedReport).report.shard?.count;
  const byIndex = new Map<number, string>();
  for (const { name, report } of sharded) {
    const shard = report.shard as NonNullable<Report["shard"]>;
    if (shard.count !== count) {
      throw usageError(
        "merge/different-shard-counts",
        `${name} is shard ${shard.index}/${shard.count} but ${(sharded[0] as NamedReport).name} is of ${count} shards; merge the shards of one split`,
      );
    }
    const earlier = byIndex.get(shard.index);
    if (earlier !== undefined) {
      throw usageError(
        "merge/duplicate-shard",
        `${name} and ${earlier} are both shard ${shard.index}/${shard.count}; each shard may be merged once`,
      );
    }
    byIndex.set(shard.index, name);
  }
  return [...sharded].sort((a, b) => (a.report.shard?.index ?? 0) - (b.report.shard?.index ?? 0));
}

function missingShards(ordered: readonly NamedReport[]): TargetSummary[] {
  const count = ordered[0]?.report.shard?.count;
  if (count === undefined) return [];
  const present = new Set(ordered.map((input) => input.report.shard?.index));
  const missing: TargetSummary[] = [];
  for (let index = 1; index <= count; index++) {
    if (present.has(index)) continue;
    missing.push(
      missingTarget(
        "merge/missing-shard",
        `shard ${index}/${count} is missing: no report of it arrived, so its accounts were not checked`,
        "Check that every shard job ran and uploaded its JSON report before the merge job.",
      ),
    );
  }
  return missing;
}

function missingReports(arrived: number, expect: number | undefined): TargetSummary[] {
  if (expect === undefined || arrived === expect) return [];
  if (arrived > expect) {
    throw usageError(
      "merge/more-than-expected",
      `--expect ${expect} names fewer reports than arrived (${arrived}); a report is counted twice or --expect is out of date`,
    );
  }
  return [
    missingTarget(
      "merge/missing-report",
      `${expect - arrived} of ${expect} expected reports did not arrive (--expect ${expect}), so their accounts were not checked`,
      "Check that every matrix job ran and uploaded its JSON report before the merge job.",
    ),
  ];
}

function missingTarget(code: string, message: string, hint: string): TargetSummary {
  return { region: "unknown", accountId: null, status: "error", error: { code, message, hint } };
}
