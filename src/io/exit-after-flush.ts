import { standardStreamsBuilt } from "./stdio.js";

/**
 * Ends the process once standard output and error are flushed, rather than when nothing is left
 * to do: an abandoned AWS request, or a credential process that never ends (one waiting for an
 * MFA code in CI), must not keep a finished run alive. Output written with src/io/stdio.ts is
 * already out; only streams that something built can still hold queued bytes.
 */
export async function exitAfterFlush(code: number): Promise<never> {
  process.exitCode = code;
  if (standardStreamsBuilt()) {
    for (const stream of [process.stdout, process.stderr]) {
      await new Promise<void>((resolve) => stream.write("", () => resolve()));
    }
  }
  process.exit(code);
}
