/**
 * Builders for authoring tests: policies from in-memory files, test files parsed or failed, and
 * where a built-in rule is defined.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseTestFile, type TestFile } from "../../src/authoring/test-file.js";
import type { Diagnostic } from "../../src/errors.js";
import { repoRoot } from "../helpers/cli.js";

/**
 * `policies/<pack>.yaml:<line>` of a built-in rule, read from the pack, so edits to a pack do not
 * break the tests that print it; throws when the pack has no such rule.
 */
export function packSource(pack: string, id: string): string {
  const lines = readFileSync(join(repoRoot, "policies", `${pack}.yaml`), "utf8").split("\n");
  const index = lines.findIndex((line) => line.trim() === `- id: ${id}`);
  if (index === -1) throw new Error(`${id} is not in ${pack}`);
  return `policies/${pack}.yaml:${index + 1}`;
}

/** How the rules listing shows that place: `recommended (built-in) line 5`, not as a repository file. */
export function packSourceShown(pack: string, id: string): string {
  const line = packSource(pack, id).split(":").at(-1);
  return `${pack} (built-in) line ${line}`;
}

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
