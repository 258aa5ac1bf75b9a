import { usageError } from "../errors.js";
import type { RunOptions } from "../run.js";
import type { FailOn } from "../types.js";

/** What `merge` takes besides formats: the report files, `--expect` and an explicit `--fail-on`. */
export interface MergeArguments {
  reports: string[];
  expect?: number;
  /** Set only when `--fail-on` was given: otherwise the reports' own threshold applies. */
  failOn?: FailOn;
}

/** `merge`'s report files, `--expect N` and, only when given, `--fail-on`; throws usage errors (exit 2). */
export function parseMergeArguments(
  reports: string[],
  expect: string | undefined,
  failOn: string | undefined,
  options: RunOptions,
): MergeArguments {
  if (reports.length === 0)
    throw usageError(
      "cli/missing-reports",
      "merge needs the JSON reports to combine: ses-guard merge REPORT.json...",
    );
  const merge: MergeArguments = { reports };
  if (expect !== undefined) {
    const count = Number(expect);
    if (!/^\d+$/.test(expect) || count < 1 || count > 100_000)
      throw usageError(
        "cli/invalid-expect",
        `--expect "${expect}" must be the number of reports expected (1 or more)`,
      );
    merge.expect = count;
  }
  if (failOn !== undefined) merge.failOn = options.failOn;
  return merge;
}
