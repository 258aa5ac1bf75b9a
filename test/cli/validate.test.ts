/** `ses-guard validate`: load and type-check policies without reading any account. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe("validate", () => {
  it.concurrent("a valid policy: the files read, the rules enabled and the waivers", async () => {
    const run = await runCli(["validate", "--policy", "test/fixtures/policies/good/team.yaml"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      "test/fixtures/policies/good/team.yaml, policies/recommended.yaml: valid, 7 rules enabled (8 in all), 2 waivers\n",
    );
  });

  it.concurrent("without --policy: the recommended pack when there is no .ses-guard.yaml", async () => {
    const run = await runCli(["validate"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("policies/recommended.yaml: valid, 6 rules enabled (6 in all), 0 waivers\n");
  });

  it.concurrent("without --policy: .ses-guard.yaml in the working directory", async () => {
    const { dir: cwd, cleanup: done } = tempDir();
    try {
      writeFileSync(join(cwd, ".ses-guard.yaml"), "version: 1\nextends: [strict]\n");
      const run = await runCli(["validate"], { cwd });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        ".ses-guard.yaml, policies/strict.yaml, policies/recommended.yaml: valid, 9 rules enabled (9 in all), 0 waivers\n",
      );
    } finally {
      done();
    }
  });

  it.concurrent("without --policy: .ses-guard.yml too, in validate, rules and check alike", async () => {
    const { dir: cwd, cleanup: done } = tempDir();
    try {
      writeFileSync(join(cwd, ".ses-guard.yml"), "version: 1\nextends: [strict]\n");
      const run = await runCli(["validate"], { cwd });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        ".ses-guard.yml, policies/strict.yaml, policies/recommended.yaml: valid, 9 rules enabled (9 in all), 0 waivers\n",
      );
      const rules = await runCli(["rules", "--format", "json"], { cwd });
      expect(rules.code).toBe(0);
      expect((JSON.parse(rules.stdout) as { files: string[] }).files[0]).toBe(".ses-guard.yml");
      // Both spellings at once: nothing runs, and the error names both.
      writeFileSync(join(cwd, ".ses-guard.yaml"), "version: 1\n");
      for (const args of [["validate"], ["rules"], ["check", "--input", "-"]]) {
        const both = await runCli(args, { cwd, stdin: "{}" });
        expect(both.code).toBe(2);
        expect(both.stdout).toBe("");
        expect(both.stderr).toBe(
          `ses-guard: both .ses-guard.yaml and .ses-guard.yml are in ${cwd}; ses-guard reads one default policy: remove or rename one, or name the policy to use (--policy, or the Action's policy input)\n`,
        );
      }
    } finally {
      done();
    }
  });

  it.concurrent("needs no account and never reads AWS", async () => {
    // The test environment points every AWS endpoint at a closed port: a read would fail loudly.
    const run = await runCli(["validate", "--policy", "strict"], { env: { AWS_ACCESS_KEY_ID: undefined } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "policies/strict.yaml, policies/recommended.yaml: valid, 9 rules enabled (9 in all), 0 waivers\n",
    );
  });

  it.concurrent("an invalid policy exits 2 with every problem and no stack trace", async () => {
    const run = await runCli(["validate", "--policy", "test/fixtures/policies/bad/several-problems.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(7);
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe("ses-guard: 6 problems found");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
