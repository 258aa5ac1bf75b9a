/**
 * Errors that stop a run. They carry a code, a message for people and, where known, a place in a
 * file, and are caught only by the entrypoints (cli.ts, action.ts), which print them without a
 * stack trace. Findings about accounts are never errors: they are results.
 */

/** One problem in a user's file, with its place when known. */
export interface Diagnostic {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** The documented exit codes (README.md, "Exit codes"). */
export const ExitCode = {
  ok: 0,
  failures: 1,
  usage: 2,
  unreadableTarget: 3,
} as const;

/** A run-stopping error: one or more diagnostics and the exit code to end with. */
export class SesGuardError extends Error {
  /** Machine-readable code of the first problem, e.g. `policy/unknown-path`. */
  readonly code: string;
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;

  constructor(diagnostics: Diagnostic[], exitCode: number = ExitCode.usage) {
    const first = diagnostics[0] ?? { code: "internal", message: "unknown error" };
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "SesGuardError";
    this.code = first.code;
    this.diagnostics = diagnostics;
    this.exitCode = exitCode;
  }
}

/** Builds a usage error (exit 2) from one message. */
export function usageError(code: string, message: string, where?: Omit<Diagnostic, "code" | "message">) {
  return new SesGuardError([{ code, message, ...where }], ExitCode.usage);
}

/** `file:line:column: message` — the form editors and terminals make clickable. */
export function formatDiagnostic(d: Diagnostic): string {
  if (!d.file) return d.message;
  const place = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  return `${place}: ${d.message}`;
}
