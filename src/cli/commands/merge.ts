import type { CommandIo } from "../../authoring/command-io.js";
import { ExitCode } from "../../errors.js";
import { terminalSafe } from "../../report/terminal-text.js";
import type { FormatRequest } from "../../run.js";
import { runMerge } from "../../run-merge.js";
import type { MergeArguments } from "../merge-args.js";

/**
 * `ses-guard merge REPORT.json... [--expect N] [--fail-on L] [--format ...]...`: one report, in any
 * format, from the JSON reports of shards or matrix jobs; the exit code is the merged report's.
 */
export async function runMergeCommand(
  merge: MergeArguments,
  formats: FormatRequest[],
  quiet: boolean,
  io: CommandIo,
): Promise<number> {
  const outcome = await runMerge(
    { ...merge, formats, ...(quiet ? { quiet: true } : {}) },
    { cwd: io.cwd, now: io.now, color: io.color },
  );
  for (const output of outcome.outputs) if (!output.file) io.stdout(output.text);
  for (const problem of outcome.writeErrors) io.stderr(`ses-guard: ${terminalSafe(problem)}\n`);
  return outcome.writeErrors.length > 0 ? ExitCode.usage : outcome.exitCode;
}
