/** Builders for authoring tests: policies from in-memory files, and test files parsed or failed. */
import { posix } from "node:path";
import { parseTestFile, type TestFile } from "../../src/authoring/test-file.js";
import { type Diagnostic, SesGuardError } from "../../src/errors.js";
import { loadPolicy, type PolicyHost } from "../../src/policy/resolve.js";
import type { Policy } from "../../src/types.js";

const root = "/repo";

/** A policy loader host over in-memory files (paths relative to /repo). */
export function memoryHost(files: Record<string, string>): PolicyHost {
  const absolute = new Map(Object.entries(files).map(([path, text]) => [posix.join(root, path), text]));
  return {
    root,
    readFile: (path) => {
      const text = absolute.get(path);
      return text === undefined ? { error: "no such file" } : { text };
    },
    resolve: (from, rel) => posix.resolve(from ? posix.dirname(from) : root, rel),
    display: (path) => posix.relative(root, path),
    mayExtend: (path, roots) => roots.some((dir) => path.startsWith(`${dir}/`)),
    dirname: posix.dirname,
  };
}

/** Loads `specs` (pack names, or in-memory file names) into a policy. */
export function loadFrom(specs: string[], files: Record<string, string> = {}): Promise<Policy> {
  return loadPolicy(specs, memoryHost(files));
}

/** The diagnostics of a policy that must not load. */
export async function policyErrors(specs: string[], files: Record<string, string>): Promise<Diagnostic[]> {
  try {
    await loadFrom(specs, files);
  } catch (error) {
    if (error instanceof SesGuardError) return error.diagnostics;
    throw error;
  }
  throw new Error("the policy loaded, but it was expected to fail");
}

/** Parses a test file that must be valid. */
export function testFile(text: string, file = "t.test.yaml"): TestFile {
  const parsed = parseTestFile(file, text);
  if (!parsed.ok) {
    throw new Error(`test file is invalid:\n${parsed.diagnostics.map(where).join("\n")}`);
  }
  return parsed.testFile;
}

/** `file:line:column: message`, as the CLI prints a diagnostic. */
export function where(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

/** The diagnostics of a test file that must be invalid, as `file:line:column: message` lines. */
export function testFileErrors(text: string, file = "t.test.yaml"): string[] {
  const parsed = parseTestFile(file, text);
  if (parsed.ok) throw new Error("the test file parsed, but it was expected to be invalid");
  return parsed.diagnostics.map(where);
}
