import type { CommandIo } from "../../authoring/command-io.js";
import { deliverFormatOutputs } from "../../io/format-outputs.js";
import { terminalSafe } from "../../report/terminal-text.js";
import type { FormatRequest } from "../../run.js";

/**
 * What every command's `--format NAME[=FILE]` does with what it rendered: prints each output that
 * names no file and writes the others, saying on stderr (terminal-safe) each file that could not
 * be written; the rest are still written. Returns false when a file could not be written.
 */
export function deliverFormats(
  formats: readonly FormatRequest[],
  render: (request: FormatRequest) => string,
  noun: string,
  io: Pick<CommandIo, "cwd" | "stdout" | "stderr">,
): boolean {
  let delivered = true;
  const outputs = formats.map((request) => ({
    format: request.name,
    ...(request.file ? { file: request.file } : {}),
    text: render(request),
  }));
  deliverFormatOutputs(outputs, io.cwd, {
    noun,
    print: (text) => io.stdout(text),
    failed: (message) => {
      delivered = false;
      io.stderr(`ses-guard: ${terminalSafe(message)}\n`);
    },
    showFile: terminalSafe,
  });
  return delivered;
}
