/**
 * The SARIF `automationDetails.id`, which GitHub code scanning takes as the analysis category (the
 * part before the last `/`). Uploads of one category for one commit replace each other, and
 * GitHub rejects several runs of one category in one upload, so the id names what the run
 * covered: its shard, its one account, or the whole fleet.
 */

import type { Report } from "../types.js";

/** Keeps an id segment to letters, digits, `.`, `_` and `-`, so it cannot add a `/` of its own. */
export function categorySegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return cleaned === "" ? "unnamed" : cleaned;
}

/** What the run covered: `shard-2-of-8`, `account-111111111111`, or `fleet`. */
export function reportScope(report: Report): string {
  if (report.shard) return `shard-${report.shard.index}-of-${report.shard.count}`;
  const accounts = new Set(report.targets.map((t) => t.accountId));
  const [only] = accounts;
  if (accounts.size === 1 && typeof only === "string") return `account-${categorySegment(only)}`;
  return "fleet";
}

/**
 * `ses-guard/<scope>/`, or `<prefix>/<scope>/` (the Action prefixes its workflow and job, so two
 * workflows checking the same accounts keep separate categories).
 */
export function sarifAutomationId(report: Report, prefix = "ses-guard"): string {
  return `${prefix}/${reportScope(report)}/`;
}
