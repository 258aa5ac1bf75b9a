/** Builders for authoring tests: policies from in-memory files, and test files parsed or failed. */
import { parseTestFile, type TestFile } from "../../src/authoring/test-file.js";
import type { Diagnostic } from "../../src/errors.js";

/**
 * Loads `specs` (pack names, or in-memory file names relative to /repo) into a policy, over the
 * policy tests' in-memory host: authoring tests load policies exactly the way those tests do.
 */
export { load as loadFrom } from "../policy/memory-host.js";

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
