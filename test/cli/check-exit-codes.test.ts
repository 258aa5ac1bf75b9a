/**
 * `ses-guard check` end to end through the built bundle: the documented exit codes 0/1/2/3,
 * --fail-on, --input - (stdin), the default policy, and labels of a raw get-account input.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PACK_RULES } from "../helpers/arbitraries.js";
import { accountsDir, hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { snapshotWithUnreadableTarget } from "./check-snapshot-fixture.js";

const input = (name: string) => ["--input", `examples/accounts/${name}.json`];
const { dir, cleanup } = tempDir();
afterAll(cleanup);
const snapshotFile = join(dir, "snapshot.json");
writeFileSync(snapshotFile, snapshotWithUnreadableTarget());

function lastLine(text: string): string {
  return text.trimEnd().split("\n").at(-1) ?? "";
}

describe("check exit codes", () => {
  it.concurrent("0: no failing rule at or above --fail-on", async () => {
    const run = await runCli(["check", ...input("production-healthy")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(lastLine(run.stdout)).toBe(
      "6 rules on 1 target: 6 passed, 0 failed, 0 errors, 0 waived, 0 skipped. OK",
    );
  });

  it.concurrent("1: failing rules", async () => {
    const run = await runCli(["check", ...input("probation-bounce-only")]);
    expect(run.code).toBe(1);
    expect(lastLine(run.stdout)).toBe(
      "6 rules on 1 target: 2 passed, 4 failed, 0 errors, 0 waived, 0 skipped. FAILED (exit 1: failures at or above --fail-on error)",
    );
  });

  it.concurrent("2: an invalid policy; nothing is checked and nothing is printed on stdout", async () => {
    const run = await runCli([
      "check",
      "--policy",
      "test/fixtures/policies/bad/unknown-path.yaml",
      ...input("production-healthy"),
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
  });

  it.concurrent("3: a target that could not be read; its rules are errors and the other targets are still evaluated", async () => {
    const run = await runCli(["check", "--input", snapshotFile, "--format", "json"]);
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as {
      summary: Record<string, number>;
      targets: { region: string; status: string; error?: unknown }[];
      results: { region: string; status: string; message: string }[];
    };
    expect(report.summary).toEqual({ pass: 6, fail: 0, error: 6, waived: 0, skipped: 6, exitCode: 3 });
    expect(report.targets.map((t) => [t.region, t.status])).toEqual([
      ["us-east-1", "ok"],
      ["eu-west-1", "error"],
      ["ap-east-1", "skipped"],
    ]);
    expect(report.targets[1]?.error).toEqual({
      code: "aws/access-denied",
      message: "AccessDeniedException: User is not authorized to perform ses:GetAccount",
      hint: "Allow ses:GetAccount on the role that runs ses-guard",
    });
    const byRegion = (region: string) =>
      report.results.filter((r) => r.region === region).map((r) => r.status);
    expect(byRegion("us-east-1")).toEqual(Array(6).fill("pass"));
    expect(byRegion("eu-west-1")).toEqual(Array(6).fill("error"));
    expect(byRegion("ap-east-1")).toEqual(Array(6).fill("skipped"));
    expect(report.results.find((r) => r.region === "eu-west-1")?.message).toBe(
      "not evaluated: eu-west-1 could not be read: AccessDeniedException: User is not authorized to perform ses:GetAccount",
    );
  });

  it.concurrent("3 beats 1, and --fail-on none still exits 3 for an unreadable target", async () => {
    const failing = JSON.parse(snapshotWithUnreadableTarget()) as {
      targets: { account?: Record<string, unknown> }[];
    };
    const first = failing.targets[0];
    if (first) first.account = { ...first.account, SendingEnabled: false };
    const file = join(dir, "snapshot-failing.json");
    writeFileSync(file, JSON.stringify(failing));
    for (const failOn of [[], ["--fail-on", "none"]]) {
      const run = await runCli(["check", "--input", file, "--format", "json", ...failOn]);
      expect(run.code).toBe(3);
      // The edit really made a rule fail, so exit 3 is chosen over 1, not merely the only code.
      const report = JSON.parse(run.stdout) as {
        summary: { fail: number };
        results: { ruleId: string; region: string; status: string }[];
      };
      expect(report.summary.fail).toBe(1);
      expect(report.results.filter((r) => r.status === "fail").map((r) => [r.ruleId, r.region])).toEqual([
        ["sending-enabled", "us-east-1"],
      ]);
    }
  });

  it.concurrent("2 beats everything: a bad policy with an unreadable target exits 2", async () => {
    const run = await runCli([
      "check",
      "--policy",
      "test/fixtures/policies/bad/empty.yaml",
      "--input",
      snapshotFile,
    ]);
    expect(run.code).toBe(2);
  });
});

describe("--fail-on", () => {
  // probation-bounce-only fails error and warning rules; with strict, a notice rule passes.
  // sandbox-new with strict fails dedicated-ip-auto-warmup, a notice.
  it.concurrent.each([
    ["probation-bounce-only", "recommended", "error", 1],
    ["probation-bounce-only", "recommended", "none", 0],
    ["unlimited-quota", "strict", "error", 1],
    ["unlimited-quota", "strict", "none", 0],
    ["production-healthy", "strict", "notice", 0],
  ] as const)("%s with %s and --fail-on %s exits %d", async (account, policy, failOn, code) => {
    const run = await runCli(["check", "--policy", policy, ...input(account), "--fail-on", failOn]);
    expect(run.code).toBe(code);
  });

  it.concurrent("a warning fails the run at --fail-on warning and notice, not at error", async () => {
    const { dir: cwd, cleanup: done } = tempDir();
    try {
      writeFileSync(
        join(cwd, "account.json"),
        JSON.stringify({
          ...JSON.parse(readFileSync(join(accountsDir, "production-healthy.json"), "utf8")),
          VdmAttributes: { VdmEnabled: "DISABLED" },
        }),
      );
      const codes = [];
      for (const failOn of ["error", "warning", "notice", "none"]) {
        codes.push((await runCli(["check", "--input", "account.json", "--fail-on", failOn], { cwd })).code);
      }
      expect(codes).toEqual([0, 1, 1, 0]);
    } finally {
      done();
    }
  });
});

describe("inputs and the default policy", () => {
  it.concurrent("--input - reads the account from standard input", async () => {
    const stdin = readFileSync(join(accountsDir, "sandbox-new.json"), "utf8");
    const run = await runCli(
      ["check", "--input", "-", "--region", "eu-west-2", "--account-id", "012345678901"],
      { stdin },
    );
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")[0]).toBe("eu-west-2 · account 012345678901");
    expect(run.stdout).toContain("FAIL   error   production-access");
  });

  it.concurrent("without --region and --account-id, a raw input is labelled unknown", async () => {
    const run = await runCli(["check", ...input("production-healthy"), "--format", "json"]);
    const report = JSON.parse(run.stdout) as { targets: unknown[] };
    expect(report.targets).toEqual([{ region: "unknown", accountId: null, status: "ok" }]);
  });

  it.concurrent("check is the default command", async () => {
    const run = await runCli(input("production-healthy"));
    expect(run.code).toBe(0);
    expect(lastLine(run.stdout)).toBe(
      "6 rules on 1 target: 6 passed, 0 failed, 0 errors, 0 waived, 0 skipped. OK",
    );
  });

  it.concurrent("uses .ses-guard.yaml in the working directory when present", async () => {
    const { dir: cwd, cleanup: done } = tempDir();
    try {
      writeFileSync(
        join(cwd, ".ses-guard.yaml"),
        readFileSync("test/fixtures/policies/good/one-rule.yaml", "utf8"),
      );
      writeFileSync(join(cwd, "account.json"), readFileSync(join(accountsDir, "probation-bounce-only.json")));
      const run = await runCli(["check", "--input", "account.json"], { cwd });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        "unknown · account unknown\n  PASS   error   sending-enabled  SendingEnabled is true\n\nPolicy: .ses-guard.yaml\n1 rule on 1 target: 1 passed, 0 failed, 0 errors, 0 waived, 0 skipped. OK\n",
      );
    } finally {
      done();
    }
  });

  it.concurrent("falls back to the recommended pack when the working directory has no .ses-guard.yaml", async () => {
    const { dir: cwd, cleanup: done } = tempDir();
    try {
      writeFileSync(join(cwd, "account.json"), readFileSync(join(accountsDir, "probation-bounce-only.json")));
      const run = await runCli(["check", "--input", "account.json", "--format", "json"], { cwd });
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { results: { ruleId: string; policy: { file: string } }[] };
      expect(report.results.map((r) => r.ruleId)).toEqual(PACK_RULES.recommended);
      expect(new Set(report.results.map((r) => r.policy.file))).toEqual(
        new Set(["policies/recommended.yaml"]),
      );
    } finally {
      done();
    }
  });

  it.concurrent("an explicit --policy wins over .ses-guard.yaml; several --policy combine", async () => {
    const { dir: cwd, cleanup: done } = tempDir();
    try {
      writeFileSync(join(cwd, ".ses-guard.yaml"), "version: 1\nrules: [\n"); // broken, must not be read
      writeFileSync(join(cwd, "account.json"), readFileSync(join(accountsDir, "production-healthy.json")));
      const run = await runCli(
        ["check", "--input", "account.json", "--policy", "strict", "--policy", "recommended"],
        { cwd },
      );
      expect(run.code).toBe(0);
      expect(lastLine(run.stdout)).toBe(
        "9 rules on 1 target: 9 passed, 0 failed, 0 errors, 0 waived, 0 skipped. OK",
      );
    } finally {
      done();
    }
  });

  it.concurrent("a user mistake never prints a stack trace, even with a broken default policy", async () => {
    const { dir: cwd, cleanup: done } = tempDir();
    try {
      writeFileSync(join(cwd, ".ses-guard.yaml"), "version: 1\nrules: [\n");
      const run = await runCli(["check", "--input", join(accountsDir, "production-healthy.json")], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ses-guard: \.ses-guard\.yaml:3:1: invalid YAML: /);
      expect(hasStackTrace(run.stderr)).toBe(false);
    } finally {
      done();
    }
  });
});
