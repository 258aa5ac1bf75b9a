/**
 * "Inside the repository" for `extends`: the git root above the working directory (or the root
 * the Action names, GITHUB_WORKSPACE), not the working directory. On a real disk, through
 * loadPolicies as check, validate and rules call it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SesGuardError } from "../../src/errors.js";
import { findRepositoryRoot } from "../../src/io/repository-root.js";
import { loadPolicies } from "../../src/run.js";

const temp = mkdtempSync(join(tmpdir(), "ses-guard-root-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const base = `version: 1
rules:
  - id: quota-set
    check: { path: SendQuota.Max24HourSend, exists: true }
`;

/** A checkout: `repo/` with a `.git` (a directory, or a file as in a worktree), and files in it. */
function checkout(name: string, git: "dir" | "file" | "none"): string {
  const repo = join(temp, name, "repo");
  mkdirSync(join(repo, "team", "mail"), { recursive: true });
  mkdirSync(join(repo, "shared"), { recursive: true });
  if (git === "dir") mkdirSync(join(repo, ".git"));
  if (git === "file") writeFileSync(join(repo, ".git"), "gitdir: /elsewhere/.git/worktrees/repo\n");
  writeFileSync(join(repo, "shared", "base.yaml"), base);
  writeFileSync(
    join(repo, "team", "mail", ".ses-guard.yaml"),
    "version: 1\nextends: [../../shared/base.yaml]\n",
  );
  writeFileSync(join(repo, "team", "escape.yaml"), "version: 1\nextends: [../../outside.yaml]\n");
  writeFileSync(join(temp, name, "outside.yaml"), base);
  return repo;
}

async function problems(run: Promise<unknown>): Promise<string[]> {
  try {
    await run;
  } catch (error) {
    if (error instanceof SesGuardError) return error.diagnostics.map((d) => `${d.code}: ${d.message}`);
    throw error;
  }
  throw new Error("the policy loaded, but problems were expected");
}

describe("extends stays inside the repository, which is the git root", () => {
  it.each(["dir", "file"] as const)(
    "from a sub-folder, ../shared/base.yaml loads (.git as a %s)",
    async (git) => {
      const repo = checkout(`ok-${git}`, git);
      const cwd = join(repo, "team", "mail");
      expect(findRepositoryRoot(cwd)).toBe(repo);
      const policy = await loadPolicies([], cwd);
      expect(policy.rules.map((r) => r.id)).toEqual(["quota-set"]);
      expect(policy.files).toEqual([".ses-guard.yaml", "../../shared/base.yaml"]);
    },
  );

  it("a file outside the repository is still refused", async () => {
    const repo = checkout("escape", "dir");
    expect(await problems(loadPolicies(["escape.yaml"], join(repo, "team")))).toEqual([
      `policy/extends-outside: extends "../../outside.yaml" reaches outside the repository (${join(temp, "escape", "outside.yaml")}); policies may extend built-in packs and files inside the repository only`,
    ]);
  });

  it("outside any repository the working directory is the root, as before", async () => {
    const repo = checkout("no-git", "none");
    expect(findRepositoryRoot(join(repo, "team", "mail"))).toBeUndefined();
    const found = await problems(loadPolicies([], join(repo, "team", "mail")));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^policy\/extends-outside: /);
  });

  it("the root the Action names (GITHUB_WORKSPACE) is the repository, .git or not", async () => {
    const repo = checkout("workspace", "none");
    const policy = await loadPolicies(["team/mail/.ses-guard.yaml"], repo, repo);
    expect(policy.rules.map((r) => r.id)).toEqual(["quota-set"]);
    expect(policy.files).toEqual(["team/mail/.ses-guard.yaml", "shared/base.yaml"]);
    expect(await problems(loadPolicies(["team/escape.yaml"], repo, repo))).toHaveLength(1);
  });
});

describe("the default policy file", () => {
  it(".ses-guard.yml is found as well as .ses-guard.yaml", async () => {
    const cwd = join(temp, "yml");
    mkdirSync(cwd);
    writeFileSync(join(cwd, ".ses-guard.yml"), base);
    const policy = await loadPolicies([], cwd);
    expect(policy.files).toEqual([".ses-guard.yml"]);
  });

  it("both at once is a policy error naming both", async () => {
    const cwd = join(temp, "both");
    mkdirSync(cwd);
    writeFileSync(join(cwd, ".ses-guard.yml"), base);
    writeFileSync(join(cwd, ".ses-guard.yaml"), base);
    expect(await problems(loadPolicies([], cwd))).toEqual([
      `policy/default-ambiguous: both .ses-guard.yaml and .ses-guard.yml are in ${cwd}; ses-guard reads one default policy: remove or rename one, or name the policy to use (--policy, or the Action's policy input)`,
    ]);
    // A policy named explicitly is not ambiguous.
    expect((await loadPolicies([".ses-guard.yml"], cwd)).files).toEqual([".ses-guard.yml"]);
  });
});
