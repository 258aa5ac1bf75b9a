import type { FormatContext, Report } from "../types.js";

/** The JSON report (DESIGN.md section 5): the report itself, with its keys in contract order. */
export function formatJson(report: Report, _context: FormatContext): string {
  const { version, tool, summary, failOn, targets, results } = report;
  return `${JSON.stringify({ version, tool, summary, failOn, targets, results }, null, 2)}\n`;
}
