/**
 * Splits one JSON report into the reports `check --shard K/N` would have written: each account's
 * targets and results go to the shard `shardOf` gives it (the CLI's own function), with `shard`
 * set and the summary counted again. Used by the merge benchmark to make 256 shard reports of a
 * real fleet read without 256 more processes. Pure.
 */
import { shardOf } from "../src/targets/shard.js";
import type { Report, Result, Summary } from "../src/types.js";

/** The `count` shard reports of `report`, shard 1 first. */
export function splitIntoShards(report: Report, count: number): Report[] {
  const shards = Array.from({ length: count }, (_, k) => ({
    ...report,
    shard: { index: k + 1, count },
    targets: [] as Report["targets"],
    results: [] as Result[],
  }));
  for (const target of report.targets) shards[shardOf(target.accountId, count) - 1]?.targets.push(target);
  for (const result of report.results) shards[shardOf(result.accountId, count) - 1]?.results.push(result);
  return shards.map((shard) => ({ ...shard, summary: recount(shard.results) }));
}

function recount(results: readonly Result[]): Summary {
  const summary: Summary = { pass: 0, fail: 0, error: 0, waived: 0, skipped: 0, exitCode: 0 };
  for (const result of results) summary[result.status] += 1;
  // merge recomputes the exit code from the results and `failOn`; it never reads the shards' own.
  summary.exitCode = summary.error > 0 ? 3 : summary.fail > 0 ? 1 : 0;
  return summary;
}
