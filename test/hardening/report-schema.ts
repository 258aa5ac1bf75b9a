/**
 * The shipped JSON Schema of the report (policies/report.schema.json), compiled with ajv, and an
 * exit-code oracle written from README.md's "Exit codes" alone (not from the engine's code), so tests
 * can hold every report to both.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import type { FailOn, Report, Severity } from "../../src/types.js";
import { repoRoot } from "../helpers/cli.js";

/** The schema file as shipped. */
export const reportSchemaPath = join(repoRoot, "policies", "report.schema.json");

let compiled: ValidateFunction | undefined;

/** Schema errors of a report (parsed JSON); empty when it is valid. */
export function reportSchemaErrors(report: unknown): string[] {
  if (!compiled) {
    // ajv's default strict mode refuses unknown keywords and ambiguous types in the schema itself.
    const ajv = new Ajv({ allErrors: true });
    compiled = ajv.compile(JSON.parse(readFileSync(reportSchemaPath, "utf8")) as object);
  }
  if (compiled(report)) return [];
  return (compiled.errors ?? []).map(
    (e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
  );
}

const RANK: Record<Severity, number> = { notice: 0, warning: 1, error: 2 };

/**
 * The documented exit code of a report: 3 when a target could not be read (its rules are
 * errors) or when no rule was evaluated on any target, else 1 when a failed rule is at or above
 * --fail-on (never under `none`), else 0.
 */
export function documentedExitCode(report: Pick<Report, "targets" | "results">, failOn: FailOn): number {
  const unreadable =
    report.targets.some((target) => target.status === "error") ||
    report.results.some((result) => result.status === "error");
  if (unreadable) return 3;
  if (!report.results.some((result) => result.status !== "skipped")) return 3;
  if (failOn === "none") return 0;
  const threshold = RANK[failOn];
  return report.results.some((result) => result.status === "fail" && RANK[result.severity] >= threshold)
    ? 1
    : 0;
}

/** Checks the counts of a report's summary against its results; returns the problems found. */
export function summaryProblems(report: Report): string[] {
  const problems: string[] = [];
  for (const status of ["pass", "fail", "error", "waived", "skipped"] as const) {
    const counted = report.results.filter((result) => result.status === status).length;
    if (report.summary[status] !== counted) {
      problems.push(
        `summary.${status} is ${report.summary[status]}, but ${counted} results have that status`,
      );
    }
  }
  return problems;
}
