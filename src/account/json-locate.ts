/**
 * Where a value sits in JSON text, as a line and column, for messages about input that parsed
 * but cannot be trusted ("snapshot target 3 is listed twice"). JSON is YAML 1.2, so the YAML
 * reader finds the place; this module is loaded only on that error path (see file.ts).
 */

import { LineCounter, parseDocument } from "yaml";

/** A place in a file, 1-based. */
export interface JsonPosition {
  line: number;
  column: number;
}

/**
 * The position of the value at `path` (keys and list indexes from the top) in `text`, or of its
 * nearest enclosing value that exists; undefined when the text cannot be read that way.
 */
export function locateJson(text: string, path: readonly (string | number)[]): JsonPosition | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, version: "1.2" });
  if (doc.errors.length > 0) return undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return undefined;
}
