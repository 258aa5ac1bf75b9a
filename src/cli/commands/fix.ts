/**
 * `ses-guard fix`: prints the plan; with `--apply`, asks (or takes `--yes`), applies, reads the
 * changed targets again and prints what each call did. An interrupt while applying stops new
 * calls from starting; the calls already made are reported before the process exits.
 */
import { ExitCode, usageError } from "../../errors.js";
import type { FixDocument } from "../../fix/fix-document.js";
import type { RunHost, RunOptions } from "../../run.js";
import { applyFix, callCount, planDocument, prepareFix, renderFix } from "../../run-fix.js";
import { deliverFormats } from "./deliver-formats.js";

/** What the fix command needs from the CLI around it. */
export interface FixCommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether standard input is a terminal (a person can answer the question). */
  stdinIsTerminal: boolean;
  /** Asks a yes/no question on the terminal; true for yes. */
  confirm(question: string): Promise<boolean>;
  /**
   * Takes over SIGINT/SIGTERM while calls are being made: the handler is called instead of
   * exiting at once. Passing undefined gives them back.
   */
  takeInterrupts(handler: ((signal: NodeJS.Signals) => void) | undefined): void;
}

/** Runs `fix`; returns the exit code. */
export async function runFixCommand(
  options: RunOptions,
  flags: { apply: boolean; yes: boolean },
  host: RunHost,
  io: FixCommandIo,
): Promise<number> {
  if (flags.yes && !flags.apply) throw usageError("cli/yes-without-apply", "--yes only confirms --apply");
  if (flags.apply && options.inputs.length > 0) {
    throw usageError(
      "cli/apply-with-input",
      "--apply changes the live account; it cannot be used with --input (saved data can only be planned)",
    );
  }
  // Refused before anything is read: a pipeline without --yes must not get half-way.
  if (flags.apply && !flags.yes && !io.stdinIsTerminal) {
    throw usageError(
      "cli/apply-needs-yes",
      "--apply asks for confirmation, and standard input is not a terminal; add --yes to apply without asking",
    );
  }
  const prepared = await prepareFix(options, host);
  let document: FixDocument = planDocument(prepared);
  const calls = callCount(prepared.plan);
  if (flags.apply && calls > 0) {
    let confirmed = flags.yes;
    if (!confirmed) {
      io.stderr(renderFix(document, "text"));
      const targets = prepared.plan.targets.filter((t) => t.calls.length > 0).length;
      confirmed = await io.confirm(
        `Make ${calls} SES v2 ${calls === 1 ? "call" : "calls"} in ${targets} ${targets === 1 ? "target" : "targets"}? [y/N] `,
      );
    }
    if (!confirmed) {
      io.stderr("ses-guard: nothing was changed\n");
    } else {
      const stop = new AbortController();
      io.takeInterrupts((signal) => {
        if (!stop.signal.aborted) {
          io.stderr(
            `ses-guard: interrupted by ${signal}; no new call is started, waiting for the calls in flight\n`,
          );
          stop.abort(signal);
        }
      });
      try {
        document = await applyFix(prepared, options, host, stop.signal);
      } finally {
        io.takeInterrupts(undefined);
      }
    }
  }
  const delivered = deliverFormats(options.formats, (request) => renderFix(document, request.name), "plan", {
    ...io,
    cwd: host.cwd,
  });
  // After --apply the account has changed: the exit code says how it stands, whatever the files.
  return !delivered && document.mode === "plan" ? ExitCode.usage : document.summary.exitCode;
}
