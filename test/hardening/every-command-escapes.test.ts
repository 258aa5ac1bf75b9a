/**
 * Every command escapes what it prints, not only `check`'s text report: `rules` (table and JSON),
 * `validate`, and every `check` format, annotation messages included. The hostile policy and
 * account carry both workflow command syntaxes and the bidirectional controls U+202A–U+202E and
 * U+2066–U+2069 ("Trojan Source"); none may reach the output as themselves, while the JSON
 * outputs still read back the original text.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";
import { HOSTILE, HOSTILE_ACCOUNT, hostilePolicy } from "./hostile-inputs.js";
import { ACTIVE_CONTROL, terminalProblems, workflowCommandProblems } from "./log-safety.js";

const TODAY = new Date().toISOString().slice(0, 10);
/** The "Trojan Source" characters: embeddings and overrides, then isolates. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
const BIDI_TEXT = "pay \u202aa\u202b b\u202c \u202dc\u202e d \u2066e\u2067f\u2068g\u2069 end";

const { dir, cleanup } = tempDir("ses-guard-escapes-");
afterAll(cleanup);
writeFileSync(join(dir, "policy.yaml"), hostilePolicy(TODAY));
writeFileSync(join(dir, "account.json"), JSON.stringify(HOSTILE_ACCOUNT));
// Bidi controls from both sides: the policy's title and message, and the account's value.
writeFileSync(
  join(dir, "bidi.yaml"),
  [
    "version: 1",
    "rules:",
    "  - id: bidi-status",
    `    title: ${JSON.stringify(`Title ${BIDI_TEXT}`)}`,
    "    check: { path: EnforcementStatus, equals: HEALTHY }",
    `    message: ${JSON.stringify(`{actual} ${BIDI_TEXT}`)}`,
    `    remediation: ${JSON.stringify(`aws sesv2 fix ${BIDI_TEXT}`)}`,
  ].join("\n"),
);
writeFileSync(
  join(dir, "bidi-account.json"),
  JSON.stringify({ EnforcementStatus: `PROBATION ${BIDI_TEXT}` }),
);

function run(args: string[]) {
  return runCli(args, { cwd: dir });
}

describe("rules", () => {
  it("--format json keeps ##[ and bidi controls out of its text and reads back the original", async () => {
    const result = await run(["rules", "--policy", "policy.yaml", "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain("##[");
    expect(result.stdout).not.toMatch(ACTIVE_CONTROL);
    const listing = JSON.parse(result.stdout) as { rules: Array<{ id: string; title: string }> };
    expect(listing.rules.find((rule) => rule.id === "hostile-status")?.title).toBe(`Title ${HOSTILE}`);
  });

  it("--format text is safe for a terminal and a CI log", async () => {
    const result = await run(["rules", "--policy", "policy.yaml"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("hostile-status");
    expect(terminalProblems(result.stdout)).toEqual([]);
    expect(workflowCommandProblems(result.stdout)).toEqual([]);
  });
});

describe("check --format github", () => {
  it("lets no ##[ survive inside an annotation's title or message", async () => {
    const result = await run([
      "check",
      "--policy",
      "policy.yaml",
      "--input",
      "account.json",
      "--format",
      "github",
    ]);
    expect(result.code, result.stderr).toBe(1);
    const annotations = result.stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations.length).toBeGreaterThan(3);
    for (const line of annotations) expect(line).not.toContain("##[");
    expect(result.stdout).toContain("##\\x5berror]forged-v1");
    expect(workflowCommandProblems(result.stdout, { annotations: true })).toEqual([]);
  });
});

describe("bidirectional controls from a policy and from AWS", () => {
  it.each(["text", "markdown", "github", "junit", "sarif", "json"])(
    "are neutralised in %s",
    async (format) => {
      const result = await run([
        "check",
        "--policy",
        "bidi.yaml",
        "--input",
        "bidi-account.json",
        "--format",
        format,
      ]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain("bidi-status");
      expect(result.stdout).not.toMatch(BIDI);
    },
  );

  it("read back unchanged from the JSON report", async () => {
    const result = await run([
      "check",
      "--policy",
      "bidi.yaml",
      "--input",
      "bidi-account.json",
      "--format",
      "json",
    ]);
    const report = JSON.parse(result.stdout) as { results: Array<{ title: string; actual: unknown }> };
    expect(report.results[0]).toMatchObject({
      title: `Title ${BIDI_TEXT}`,
      actual: `PROBATION ${BIDI_TEXT}`,
    });
  });

  it.each([
    ["rules", ["rules", "--policy", "bidi.yaml"]],
    ["rules --format json", ["rules", "--policy", "bidi.yaml", "--format", "json"]],
    ["validate", ["validate", "--policy", "bidi.yaml"]],
  ])("are neutralised in %s", async (_, args) => {
    const result = await run(args);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(10);
    expect(result.stdout).not.toMatch(BIDI);
  });
});
