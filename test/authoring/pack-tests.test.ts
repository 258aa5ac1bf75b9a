/**
 * The built-in packs ship their own tests (policies/*.test.yaml): every rule of every pack has at
 * least one case where it passes and one where it fails, and every expectation holds, run through
 * the same command users run (`ses-guard test policies/`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseTestFile, type TestFile } from "../../src/authoring/test-file.js";
import { runTestCommand } from "../../src/cli/commands/test.js";
import { packNames } from "../../src/policy/resolve.js";
import { repoRoot as repo } from "../helpers/cli.js";
import { loadFrom } from "./helpers.js";

const policies = join(repo, "policies");

function packTestFiles(): TestFile[] {
  return readdirSync(policies)
    .filter((name) => name.endsWith(".test.yaml"))
    .map((name) => {
      const parsed = parseTestFile(`policies/${name}`, readFileSync(join(policies, name), "utf8"));
      if (!parsed.ok) throw new Error(`policies/${name} is invalid: ${parsed.diagnostics[0]?.message}`);
      return parsed.testFile;
    });
}

/** The rule ids of a pack as its YAML defines them, plus those it extends. */
function packRuleIds(pack: string): string[] {
  const doc = parse(readFileSync(join(policies, `${pack}.yaml`), "utf8")) as {
    extends?: string[];
    rules?: { id: string }[];
  };
  return [...(doc.extends ?? []).flatMap(packRuleIds), ...(doc.rules ?? []).map((r) => r.id)];
}

describe("the built-in packs' own tests", () => {
  const files = packTestFiles();

  it("exist for every pack", () => {
    expect(packNames.length).toBeGreaterThan(0);
    for (const pack of packNames) {
      expect(
        files.some((f) => f.policies.length === 1 && f.policies[0] === pack),
        `no policies/*.test.yaml tests the ${pack} pack`,
      ).toBe(true);
    }
  });

  it.each(packNames)("cover every rule of %s with a passing and a failing case", async (pack) => {
    const ids = packRuleIds(pack);
    // The YAML and the loaded pack agree on the rule set, so no rule escapes this check.
    expect((await loadFrom([pack])).rules.map((r) => r.id).sort()).toEqual([...ids].sort());
    const seen = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
    for (const file of files.filter((f) => f.policies.length === 1 && f.policies[0] === pack)) {
      for (const testCase of file.cases) {
        for (const expectation of testCase.expectations)
          seen.get(expectation.ruleId)?.add(expectation.status);
      }
    }
    const missing = [...seen]
      .filter(([, statuses]) => !statuses.has("pass") || !statuses.has("fail"))
      .map(([id, statuses]) => `${id} (has ${[...statuses].join(", ") || "no case"})`);
    expect(missing, "rules without both a passing and a failing case").toEqual([]);
  });

  it("all hold when run with `ses-guard test policies/`", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runTestCommand(["policies"], [{ name: "text" }], {
      cwd: repo,
      now: () => new Date("2026-05-01T12:00:00Z"),
      color: false,
      unicode: false,
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
    });
    const text = out.join("");
    expect(err.join("")).toBe("");
    expect(text).not.toContain("FAIL");
    expect(text).toMatch(/^3 files, \d+ cases: \d+ passed, 0 failed; \d+ expectations, 0 failed$/m);
    expect(code).toBe(0);
  });
});
