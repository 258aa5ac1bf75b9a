/**
 * Renders a report in every requested format, then writes the files: what `check` and `merge`
 * both end with. Every format is rendered before any file is written: loading a formatter
 * awaits, and a signal handled there must find no report written yet (the CLI then says "nothing
 * was written").
 */
import { usageError } from "../errors.js";
import { deliverFormatOutputs } from "../io/format-outputs.js";
import type { FormatContext, Report } from "../types.js";
import { loadFormatter } from "./index.js";

/** One requested format: `--format NAME` (standard output) or `--format NAME=FILE`. */
export interface OutputRequest {
  name: string;
  file?: string;
}

/** A rendered format: written to `file`, or left for the caller to print. */
export interface RenderedOutput {
  format: string;
  file?: string;
  text: string;
}

/** Renders `report` in each format and writes the file outputs; a file that fails is reported, not thrown. */
export async function renderAndDeliver(
  report: Report,
  formats: readonly OutputRequest[],
  context: FormatContext,
  cwd: string,
): Promise<{ outputs: RenderedOutput[]; writeErrors: string[] }> {
  const rendered: RenderedOutput[] = [];
  for (const request of formats) {
    const formatter = await loadFormatter(request.name);
    if (!formatter) throw usageError("cli/unknown-format", `unknown format "${request.name}"`);
    // Files never get colour; standard output gets what the terminal asked for.
    const text = formatter(report, { ...context, color: request.file ? false : context.color });
    rendered.push(
      request.file ? { format: request.name, file: request.file, text } : { format: request.name, text },
    );
  }
  const writeErrors: string[] = [];
  const outputs = deliverFormatOutputs(rendered, cwd, {
    noun: "report",
    failed: (message) => writeErrors.push(message),
  });
  return { outputs, writeErrors };
}
