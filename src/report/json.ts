import type { FormatContext, Report } from "../types.js";
import { jsonWithoutLogCommands } from "./escape.js";

/**
 * The JSON report (README.md, "The JSON report"; policies/report.schema.json): the report itself, with its keys in contract order. A
 * `[` after `##` is written `\u005b`, so the report cannot hold a workflow command when printed
 * in a CI log; parsers read the same text.
 */
export function formatJson(report: Report, _context: FormatContext): string {
  const { version, tool, createdAt, policies, policyDigest, shard, summary, failOn, targets, results } =
    report;
  // Members that are absent stay absent (JSON.stringify drops undefined).
  const ordered = {
    version,
    tool,
    createdAt,
    policies,
    policyDigest,
    shard,
    summary,
    failOn,
    targets,
    results,
  };
  return `${jsonWithoutLogCommands(JSON.stringify(ordered, null, 2))}\n`;
}
