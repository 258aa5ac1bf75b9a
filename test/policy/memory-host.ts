/** An in-memory file system for the policy loader, so resolution tests need no disk. */
import { posix } from "node:path";
import { type Diagnostic, SesGuardError } from "../../src/errors.js";
import { loadPolicy, type PolicyHost } from "../../src/policy/resolve.js";
import type { Policy } from "../../src/types.js";

/** The working directory of the in-memory host. */
export const memoryRoot = "/repo";

/** A policy host over `files` (paths relative to /repo). */
export function memoryHost(files: Record<string, string>): PolicyHost {
  const absolute = new Map(Object.entries(files).map(([path, text]) => [posix.join(memoryRoot, path), text]));
  return {
    root: memoryRoot,
    readFile: (path) => {
      const text = absolute.get(path);
      return text === undefined ? { error: "no such file" } : { text };
    },
    resolve: (from, rel) => posix.resolve(from ? posix.dirname(from) : memoryRoot, rel),
    display: (path) => posix.relative(memoryRoot, path),
    mayExtend: (path, roots) => roots.some((root) => path.startsWith(`${root}/`)),
    dirname: posix.dirname,
  };
}

/** Loads `specs` from in-memory files. */
export function load(specs: string[], files: Record<string, string> = {}): Promise<Policy> {
  return loadPolicy(specs, memoryHost(files));
}

/** Loads and expects failure: returns the diagnostics. */
export async function loadErrors(specs: string[], files: Record<string, string>): Promise<Diagnostic[]> {
  try {
    await load(specs, files);
  } catch (error) {
    if (error instanceof SesGuardError) {
      expect2(error.exitCode);
      return error.diagnostics;
    }
    throw error;
  }
  throw new Error("the policy loaded, but problems were expected");
}

function expect2(code: number): void {
  if (code !== 2) throw new Error(`policy errors must exit 2, got ${code}`);
}

/** `file:line:column: message` of each diagnostic, as the CLI prints them. */
export function lines(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);
}
