import { ExitCode, formatDiagnostic, SesGuardError } from "../errors.js";
import { readBoundedStream } from "../io/bounded-read.js";
import { isTerminal, writeStderr, writeStdout } from "../io/stdio.js";
import { terminalSafe } from "../report/terminal-text.js";
import { nothingChecked } from "../report/verdict.js";
import { loadPolicies, type RunHost, runCheck, runSnapshot } from "../run.js";
import { toolVersion } from "../version.js";
import { parseCommandLine } from "./args.js";

/** Runs the command line and returns the exit code; every error a user can cause ends here. */
export async function main(argv: readonly string[]): Promise<number> {
  // Built-in modules loaded on demand come from process.getBuiltinModule (Node 20.16 and later);
  // on an older Node, say so at once rather than fail half-way through a run.
  if (typeof process.getBuiltinModule !== "function") {
    writeStderr(`ses-guard: needs Node.js 20.16 or later; this is Node.js ${process.version}\n`);
    return ExitCode.usage;
  }
  // Made when a live read asks for it: an offline check has nothing to abort.
  let abort: AbortController | undefined;
  // A command making changes (fix --apply) takes signals over, to stop cleanly and report.
  let interruptHandler: ((signal: NodeJS.Signals) => void) | undefined;
  // "nothing was written" holds: every command writes its files synchronously at its very end
  // (runCheck renders every format first), and nothing awaits between the first write and the
  // removal of these handlers below, so a signal is handled before any file is written or not at all.
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptHandler) return interruptHandler(signal);
    abort?.abort(new Error(`interrupted by ${signal}`));
    writeStderr(`ses-guard: interrupted by ${signal}; nothing was written\n`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const invocation = parseCommandLine(argv);
    if (invocation.kind === "help") {
      // The help text is loaded only when asked for: it is a tenth of the start-up file.
      const [{ commandHelp }, { helpText }] = await Promise.all([
        import("./command-help.js"),
        import("./help.js"),
      ]);
      writeStdout(invocation.command ? commandHelp(invocation.command) : helpText);
      return ExitCode.ok;
    }
    if (invocation.kind === "version") {
      writeStdout(`${toolVersion}\n`);
      return ExitCode.ok;
    }
    const stdoutIsTerminal = isTerminal(1);
    const color = invocation.color ?? useColor(process.env, stdoutIsTerminal);
    const host: RunHost = {
      cwd: process.cwd(),
      env: process.env,
      now: () => new Date(),
      readStdin,
      color,
      get signal() {
        abort ??= new AbortController();
        return abort.signal;
      },
      onProgress: progressLine(),
    };
    // The authoring commands are loaded only when used, so `check` starts as fast as before.
    const io = {
      cwd: host.cwd,
      now: host.now,
      color,
      unicode: stdoutIsTerminal && process.env.TERM !== "dumb",
      stdout: writeStdout,
      stderr: writeStderr,
    };
    switch (invocation.command) {
      case "test": {
        const { runTestCommand } = await import("./commands/test.js");
        return await runTestCommand(invocation.paths ?? [], invocation.options.formats, io);
      }
      case "init": {
        const { runInitCommand } = await import("./commands/init.js");
        return runInitCommand(invocation.force === true, io);
      }
      case "schema": {
        const { runSchemaCommand } = await import("./commands/schema.js");
        return runSchemaCommand(io);
      }
      case "rules": {
        const { runRulesCommand } = await import("./commands/rules.js");
        return await runRulesCommand(invocation.options.policies, invocation.options.formats, io);
      }
      case "accounts": {
        const { runAccountsCommand } = await import("./commands/accounts.js");
        return await runAccountsCommand(invocation.options, host, io);
      }
      case "merge": {
        const { runMergeCommand } = await import("./commands/merge.js");
        const merge = invocation.merge ?? { reports: [] };
        return await runMergeCommand(
          merge,
          invocation.options.formats,
          invocation.options.quiet === true,
          io,
        );
      }
      case "validate": {
        const policy = await loadPolicies(invocation.options.policies, host.cwd);
        const enabled = policy.rules.filter((r) => r.enabled).length;
        writeStdout(
          `${policy.files.map(terminalSafe).join(", ")}: valid, ${enabled} ${enabled === 1 ? "rule" : "rules"} enabled (${policy.rules.length} in all), ${policy.waivers.length} ${policy.waivers.length === 1 ? "waiver" : "waivers"}\n`,
        );
        return ExitCode.ok;
      }
      case "snapshot": {
        const outcome = await runSnapshot(invocation.options, invocation.out ?? "", host);
        if (outcome.stdout !== undefined) writeStdout(outcome.stdout);
        const failed = outcome.targets.filter((t) => t.status === "error");
        for (const target of failed) {
          writeStderr(
            `ses-guard: ${terminalSafe(target.region)}: ${terminalSafe(target.error?.message ?? "could not be read")}\n`,
          );
        }
        writeStderr(
          `ses-guard: wrote ${terminalSafe(outcome.file)} with ${outcome.targets.length} ${outcome.targets.length === 1 ? "target" : "targets"}${failed.length ? ` (${failed.length} could not be read)` : ""}\n`,
        );
        return outcome.exitCode;
      }
      case "fix": {
        const { runFixCommand } = await import("./commands/fix.js");
        const { confirmOnTerminal } = await import("./confirm.js");
        return await runFixCommand(
          invocation.options,
          { apply: invocation.apply === true, yes: invocation.yes === true },
          host,
          {
            stdout: writeStdout,
            stderr: writeStderr,
            stdinIsTerminal: isTerminal(0),
            confirm: (question) => confirmOnTerminal(question, process.stdin, writeStderr),
            takeInterrupts: (handler) => {
              interruptHandler = handler;
            },
          },
        );
      }
      case "check": {
        const outcome = await runCheck(invocation.options, host);
        for (const output of outcome.outputs) if (!output.file) writeStdout(output.text);
        for (const problem of outcome.writeErrors) writeStderr(`ses-guard: ${terminalSafe(problem)}\n`);
        const unchecked = nothingChecked(outcome.report);
        if (unchecked) writeStderr(`ses-guard: ${unchecked}\n`);
        return outcome.writeErrors.length > 0 ? ExitCode.usage : outcome.exitCode;
      }
    }
  } catch (error) {
    if (error instanceof SesGuardError) {
      for (const diagnostic of error.diagnostics) {
        writeStderr(`ses-guard: ${terminalSafe(formatDiagnostic(diagnostic))}\n`);
      }
      if (error.diagnostics.length > 1)
        writeStderr(`ses-guard: ${error.diagnostics.length} problems found\n`);
      return error.exitCode;
    }
    // Not a user mistake: a bug. Say so plainly, with the details needed to report it.
    writeStderr(`ses-guard: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    writeStderr("ses-guard: this is a bug in ses-guard; please report it with the command you ran\n");
    return ExitCode.usage;
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

/** Colour on a terminal unless NO_COLOR is set; FORCE_COLOR overrides both ways. */
export function useColor(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY && env.TERM !== "dumb";
}

function readStdin(maxBytes: number): Promise<string | undefined> {
  return readBoundedStream(process.stdin, maxBytes);
}

/**
 * The progress line of a live read, shown only when standard error is a terminal. That is asked
 * on the first report of more than one Region, so other commands never pay for the check.
 */
function progressLine(): (done: number, total: number) => void {
  let onTerminal: boolean | undefined;
  return (done, total) => {
    if (total < 2) return;
    onTerminal ??= isTerminal(2);
    if (!onTerminal) return;
    writeStderr(done < total ? `\rreading ${total} regions: ${done} done` : "\r\u001b[K");
  };
}
