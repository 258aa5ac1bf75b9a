import { ExitCode } from "../errors.js";
import { standardOutputFailure, standardStreamsBuilt } from "./stdio.js";

/**
 * Ends the process once standard output and error are flushed, rather than when nothing is left
 * to do: an abandoned AWS request, or a credential process that never ends (one waiting for an
 * MFA code in CI), must not keep a finished run alive. Output written with src/io/stdio.ts is
 * already out; only streams that something built can still hold queued bytes. When standard
 * output failed (see stdio.ts), the run ends with exit 2 whatever it found.
 */
export async function exitAfterFlush(code: number): Promise<never> {
  process.exitCode = code;
  if (standardStreamsBuilt()) {
    for (const stream of [process.stdout, process.stderr]) {
      await new Promise<void>((resolve) => stream.write("", () => resolve()));
    }
  }
  process.exit(exitCodeAfterOutput(code, standardOutputFailure() !== undefined));
}

/**
 * The exit code once the output is known to have been delivered or not: a report that standard
 * output did not take is like a report file that could not be written (exit 2), so a failed
 * verdict can never end as 0 because no one could read it.
 */
export function exitCodeAfterOutput(code: number, outputFailed: boolean): number {
  return outputFailed ? ExitCode.usage : code;
}
