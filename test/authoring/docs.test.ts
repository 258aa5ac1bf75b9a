/**
 * docs/writing-policies.md stays true: its example policy loads and passes the schema, its example
 * tests all hold against it, and the `rules` and `test` output it shows is what ses-guard prints.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatRulesText, listRules } from "../../src/authoring/rules-listing.js";
import { formatTestText } from "../../src/authoring/test-report.js";
import { runTestFile } from "../../src/authoring/test-runner.js";
import { repoRoot as repo } from "../helpers/cli.js";
import { loadFrom, testFile } from "./helpers.js";

const guide = readFileSync(join(repo, "docs", "writing-policies.md"), "utf8");
// The guide's test file judges waivers on this date; the listing is shown as of the same day.
const today = "2027-01-15";

/** The YAML blocks marked `<!-- file: NAME -->`, by name. */
function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const match of guide.matchAll(/<!-- file: (\S+) -->\n```yaml\n([\s\S]*?)```/g)) {
    files[match[1] ?? ""] = match[2] ?? "";
  }
  return files;
}

/** The output lines of the console block that shows `$ npx ses-guard <command>`. */
function shownOutput(command: string): string {
  const block = new RegExp(`\`\`\`console\\n\\$ npx ses-guard ${command}\\n([\\s\\S]*?)\`\`\``).exec(guide);
  if (!block) throw new Error(`the guide shows no output of ses-guard ${command}`);
  return block[1] ?? "";
}

describe("the writing-policies guide", () => {
  const files = exampleFiles();

  it("has an example policy and an example test file", () => {
    expect(Object.keys(files).sort()).toEqual([".ses-guard.test.yaml", ".ses-guard.yaml"]);
  });

  it("shows a policy that the schema accepts and that loads", async () => {
    const schema = JSON.parse(readFileSync(join(repo, "policies", "policy.schema.json"), "utf8"));
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
    expect(validate(parse(files[".ses-guard.yaml"] ?? "")), JSON.stringify(validate.errors)).toBe(true);
    const policy = await loadFrom([".ses-guard.yaml"], files);
    expect(policy.rules).toHaveLength(9);
  });

  it("shows the rules listing ses-guard prints for that policy", async () => {
    const policy = await loadFrom([".ses-guard.yaml"], files);
    expect(formatRulesText(listRules(policy, today), policy.files)).toBe(shownOutput("rules"));
  });

  it("shows tests that hold, and the report ses-guard prints for them", async () => {
    const policy = await loadFrom([".ses-guard.yaml"], files);
    const parsed = testFile(files[".ses-guard.test.yaml"] ?? "", ".ses-guard.test.yaml");
    const outcome = runTestFile(parsed, { policy, today, readAccountFile: () => ({ targets: [] }) });
    expect(outcome.cases.flatMap((c) => c.diagnostics)).toEqual([]);
    expect(outcome.cases.flatMap((c) => c.expectations.filter((e) => !e.held))).toEqual([]);
    expect(formatTestText({ files: [outcome] }, { color: false, unicode: false })).toBe(shownOutput("test"));
  });
});
