/**
 * Fitting the job summary under a byte cap. The summary is a list of blocks, each with a priority
 * (lower is kept first) and, when it may be dropped, a kind whose noun the closing line uses; the
 * closing line then says exactly what was left out, so no section disappears without a word.
 */

import { escapeMarkdown } from "./escape.js";

/** A piece of the summary. */
export interface Block {
  text: string;
  /** 0 is always kept; 1 and up are kept in order while they fit. */
  priority: number;
  /** What the block is, for the closing line (`account rows`); absent for headings. */
  kind?: string;
  /** A heading or table header the block is shown under: without it, the block is not shown. */
  under?: Block;
  /** A table row: joined to the block before it by one newline instead of a blank line. */
  row?: boolean;
}

/** The summary text of the kept blocks and, when some were dropped, a closing line. */
export function fitBlocks(
  blocks: readonly Block[],
  options: { maxBytes: number; limitName: string; fullReport: string; footer: string },
): string {
  const totals = new Map<string, number>();
  for (const block of blocks) if (block.kind) totals.set(block.kind, (totals.get(block.kind) ?? 0) + 1);
  // Room for the longest closing line this summary could need (every kind cut), and the footer.
  const reserve =
    bytes(closingLine(totals, totals, options.limitName, options.fullReport)) + bytes(options.footer) + 16;
  const keep = new Set<Block>();
  let used = 0;
  const stopped = new Set<string>();
  const priorities = [...new Set(blocks.map((b) => b.priority))].sort((a, b) => a - b);
  for (const priority of priorities) {
    for (const block of blocks) {
      // Headings are not a list: one that does not fit stops nothing else.
      const lane = block.kind === undefined ? undefined : `${block.priority}:${block.kind}`;
      if (block.priority !== priority || (lane !== undefined && stopped.has(lane))) continue;
      if (block.under && !keep.has(block.under)) continue;
      const size = bytes(block.text) + 2;
      // After the first block of a lane that does not fit, the rest of that lane is left out
      // too: what is shown of a list is a prefix of it, in order.
      if (priority > 0 && used + size + reserve > options.maxBytes) {
        if (lane !== undefined) stopped.add(lane);
        continue;
      }
      keep.add(block);
      used += size;
    }
  }
  const omitted = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind && !keep.has(block)) omitted.set(block.kind, (omitted.get(block.kind) ?? 0) + 1);
  }
  let out = "";
  for (const block of blocks) {
    if (!keep.has(block)) continue;
    out += out === "" ? block.text : `${block.row ? "\n" : "\n\n"}${block.text}`;
  }
  if (omitted.size > 0)
    out += `\n\n---\n\n${closingLine(omitted, totals, options.limitName, options.fullReport)}`;
  return `${out}\n\n${options.footer}\n`;
}

function closingLine(
  omitted: ReadonlyMap<string, number>,
  totals: ReadonlyMap<string, number>,
  limitName: string,
  fullReport: string,
): string {
  const parts = [...omitted].map(([kind, count]) => `${count} of ${totals.get(kind) ?? count} ${kind}`);
  return (
    `**This summary was cut to stay under ${limitName}:** ${parts.join(", ")} ` +
    `are not shown. Every result is in ${escapeMarkdown(fullReport)}.`
  );
}

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
