/** Puts the problems found while loading a policy in the order an author fixes them, once each. */
import type { Diagnostic } from "../errors.js";
import type { Waiver } from "../types.js";

/**
 * Problems file by file (in the order the files were first named), each file top to bottom, the
 * way an author fixes them; problems without a place keep their turn at the front.
 */
export function inReadingOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  const fileOrder = new Map<string, number>();
  for (const d of diagnostics) if (d.file && !fileOrder.has(d.file)) fileOrder.set(d.file, fileOrder.size);
  const fileRank = (d: Diagnostic) => (d.file ? (fileOrder.get(d.file) ?? 0) + 1 : 0);
  // Array.prototype.sort is stable, so problems at one place keep the order they were found in.
  return [...diagnostics].sort(
    (a, b) => fileRank(a) - fileRank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

export function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One waiver per place in a file: a file extended twice brings its waivers twice. The place
 * includes the column, since flow-style waivers (`[{...}, {...}]`) share a line.
 */
export function dedupeWaivers(waivers: Waiver[]): Waiver[] {
  const seen = new Set<string>();
  return waivers.filter((w) => {
    const key = `${w.source.file}:${w.source.line}:${w.source.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
