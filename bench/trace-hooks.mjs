// Module hooks for bench/trace-loads.mjs: they run on the loader thread and append each loaded
// file: URL to the trace file; resolution and loading are left to Node.
import { appendFileSync } from "node:fs";

let traceFile = "";

/** Receives the trace file from register(). */
export function initialize(data) {
  traceFile = data.file;
}

/** Records the module, then loads it as usual. */
export async function load(url, context, nextLoad) {
  if (traceFile && url.startsWith("file:")) appendFileSync(traceFile, `${url}\n`);
  return nextLoad(url, context);
}
