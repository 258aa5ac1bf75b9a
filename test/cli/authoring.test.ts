/**
 * The authoring commands end to end through the built bundle, in temporary directories: init
 * (and refusing to overwrite), test (passing, failing, invalid files, unknown rules, JUnit),
 * schema (the published file exactly) and rules (overrides and waivers), with their exit codes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bundle, copyBundle, repoRoot, tempDir } from "../authoring/cli-bundle.js";
import { packSourceShown } from "../authoring/helpers.js";
import { hasStackTrace } from "../helpers/cli.js";
import { junitSchemaErrors, parseJunit } from "../report/junit-validators.js";

let bundle: Bundle;
const dirs: string[] = [];

beforeAll(() => {
  bundle = copyBundle();
});

afterAll(() => {
  bundle.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory holding `files`. */
function workspace(files: Record<string, string> = {}): string {
  const dir = tempDir();
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function noStackTrace(stderr: string): void {
  expect(hasStackTrace(stderr), stderr).toBe(false);
  expect(stderr).not.toContain("internal error");
}

const starterFiles = [".ses-guard.yaml", ".ses-guard.test.yaml", ".github/workflows/ses-guard.yml"];

describe("ses-guard init", () => {
  it("writes the starter files, which validate, list and pass their own tests", async () => {
    const dir = workspace();
    const init = await bundle.run(["init"], dir);
    expect(init.code).toBe(0);
    expect(init.stdout.split("\n").slice(0, 3)).toEqual(starterFiles.map((f) => `wrote ${f}`));
    for (const file of starterFiles) expect(existsSync(join(dir, file))).toBe(true);
    expect(readFileSync(join(dir, ".ses-guard.yaml"), "utf8")).toMatch(
      /^# yaml-language-server: \$schema=\.\/node_modules\/ses-guard\/policies\/policy\.schema\.json\n/,
    );

    const validate = await bundle.run(["validate"], dir);
    expect(validate.stdout).toBe(
      ".ses-guard.yaml, policies/recommended.yaml: valid, 6 rules enabled (6 in all), 0 waivers\n",
    );
    const test = await bundle.run(["test"], dir);
    expect(test.stdout).toContain("PASS  a healthy production account passes every rule (6 rules)");
    expect(test.stdout).toMatch(/^1 file, 3 cases: 3 passed, 0 failed; 14 expectations, 0 failed$/m);
    expect(test.code).toBe(0);
  });

  it("refuses to overwrite without --force, naming the files and writing none of them", async () => {
    const dir = workspace({ ".ses-guard.yaml": "version: 1\nextends: [strict]\n" });
    const result = await bundle.run(["init"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "ses-guard: .ses-guard.yaml already exists; nothing was written (use --force to overwrite)\n",
    );
    expect(result.stdout).toBe("");
    expect(readFileSync(join(dir, ".ses-guard.yaml"), "utf8")).toBe("version: 1\nextends: [strict]\n");
    expect(existsSync(join(dir, ".ses-guard.test.yaml"))).toBe(false);
    expect(existsSync(join(dir, ".github"))).toBe(false);
  });

  it("refuses a second run, then overwrites every file with --force", async () => {
    const dir = workspace();
    expect((await bundle.run(["init"], dir)).code).toBe(0);
    writeFileSync(join(dir, ".ses-guard.test.yaml"), "edited\n");
    const again = await bundle.run(["init"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${starterFiles.join(", ")} already exist; nothing was written`);
    expect(readFileSync(join(dir, ".ses-guard.test.yaml"), "utf8")).toBe("edited\n");

    const forced = await bundle.run(["init", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout.split("\n").slice(0, 3)).toEqual(
      starterFiles.map((f) => `wrote ${f} (overwritten)`),
    );
    expect(readFileSync(join(dir, ".ses-guard.test.yaml"), "utf8")).toMatch(/^# Tests for \.ses-guard\.yaml/);
    noStackTrace(forced.stderr);
  });

  it("writes nothing beside a .ses-guard.yml, even with --force: there would be two default policies", async () => {
    const dir = workspace({ ".ses-guard.yml": "version: 1\nextends: [strict]\n" });
    for (const args of [["init"], ["init", "--force"]]) {
      const run = await bundle.run(args, dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        "ses-guard: .ses-guard.yml is already the policy here, and .ses-guard.yaml beside it would be a second default policy; nothing was written (rename or remove .ses-guard.yml first)\n",
      );
    }
    expect(readdirSync(dir)).toEqual([".ses-guard.yml"]);
  });
});

const policy = `version: 1
extends: [recommended]
overrides:
  vdm-enabled: { severity: notice }
  quota-headroom: { enabled: false }
waivers:
  - rule: vdm-enabled
    regions: [ap-south-1]
    reason: rollout next quarter
    expires: 2099-12-31
  - rule: production-access
    reason: an old exception
    expires: 2020-01-01
`;

const passingTests = `version: 1
policy: ../policy.yaml
cases:
  - name: healthy
    region: us-east-1
    accountFile: fixtures/healthy.json
    expect:
      sending-enabled: pass
      quota-headroom: skipped
  - name: vdm waived in Mumbai
    region: ap-south-1
    account: { VdmAttributes: { VdmEnabled: DISABLED } }
    expect:
      vdm-enabled: { status: waived, severity: notice }
`;

const healthy = readFileSync(join(repoRoot, "policies", "fixtures", "production-healthy.json"), "utf8");

describe("ses-guard test", () => {
  it("finds test files under the working directory, skipping node_modules and dot-directories", async () => {
    const dir = workspace({
      "policy.yaml": policy,
      "tests/accounts.test.yaml": passingTests,
      "tests/fixtures/healthy.json": healthy,
      "node_modules/dep/broken.test.yaml": "not: [a test",
      ".cache/broken.test.yaml": "not: [a test",
    });
    const result = await bundle.run(["test"], dir);
    expect(result.stdout).toBe(
      [
        "tests/accounts.test.yaml",
        "  PASS  healthy (2 rules)",
        "  PASS  vdm waived in Mumbai (1 rule)",
        "",
        "1 file, 2 cases: 2 passed, 0 failed; 3 expectations, 0 failed",
        "",
      ].join("\n"),
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("exits 1 on a failing expectation, naming file, case, rule, expected, actual and the rule's message", async () => {
    const dir = workspace({
      "policy.yaml": policy,
      "t.test.yaml": `version: 1
policy: ./policy.yaml
cases:
  - name: sandbox
    account: { ProductionAccessEnabled: false, SendingEnabled: true }
    expect:
      sending-enabled: pass
      production-access: waived
`,
    });
    const result = await bundle.run(["test", "t.test.yaml"], dir);
    expect(result.stdout.split("\n")).toEqual([
      "t.test.yaml",
      "  FAIL  sandbox (2 rules)",
      "        t.test.yaml:8:7: production-access: expected waived, got fail",
      "          message: ProductionAccessEnabled is false; must equal true (a waiver expired on 2020-01-01: an old exception)",
      "",
      "1 file, 1 case: 0 passed, 1 failed; 2 expectations, 1 failed",
      "",
    ]);
    expect(result.code).toBe(1);
  });

  it("exits 2 on an invalid test file, at its file:line:column, and still runs the other files", async () => {
    const dir = workspace({
      "policy.yaml": policy,
      "a/good.test.yaml":
        "version: 1\npolicy: recommended\ncases:\n  - { name: ok, account: {}, expect: { sending-enabled: fail } }\n",
      "b/bad.test.yaml":
        "version: 1\npolicy: recommended\ncases:\n  - name: x\n    account: {}\n    expect:\n      sending-enabled: passes\n",
    });
    const result = await bundle.run(["test", "--format", "text"], dir);
    expect(result.stdout).toContain("a/good.test.yaml\n  PASS  ok (1 rule)\n");
    expect(result.stdout).toContain(
      'b/bad.test.yaml\n  ERROR b/bad.test.yaml:7:24: expected result "passes" is not one of pass, fail, waived, skipped (did you mean "pass"?)\n',
    );
    expect(result.stdout).toContain("; 1 test file could not run\n");
    expect(result.code).toBe(2);
    noStackTrace(result.stderr);
  });

  it("exits 2 on an expectation for a rule the policy does not have, with a suggestion", async () => {
    const dir = workspace({
      "t.test.yaml":
        "version: 1\npolicy: strict\ncases:\n  - name: typo\n    account: {}\n    expect:\n      dedicated-ip-autowarmup: fail\n",
    });
    const result = await bundle.run(["test"], dir);
    expect(result.stdout).toContain(
      '  ERROR typo\n        t.test.yaml:7:7: case "typo" expects a result of rule "dedicated-ip-autowarmup", which the policy does not have (did you mean "dedicated-ip-auto-warmup"?)\n',
    );
    expect(result.code).toBe(2);
  });

  it("exits 2 on a missing account file and on a policy that does not load", async () => {
    const dir = workspace({
      "missing.test.yaml":
        "version: 1\npolicy: recommended\ncases:\n  - name: gone\n    accountFile: nope.json\n    expect: { sending-enabled: pass }\n",
      "policy.yaml": "version: 1\nextends: [recomended]\n",
      "policy.test.yaml":
        "version: 1\npolicy: ./policy.yaml\ncases:\n  - { name: a, account: {}, expect: { sending-enabled: fail } }\n",
    });
    const result = await bundle.run(["test"], dir);
    expect(result.stdout).toContain(
      '  ERROR gone\n        missing.test.yaml:5:18: case "gone": cannot read account file nope.json: no such file\n',
    );
    expect(result.stdout).toContain(
      'policy.test.yaml\n  ERROR policy.yaml:2:11: unknown pack "recomended" (did you mean "recommended"?)',
    );
    expect(result.stdout).toContain(
      "  ERROR policy.test.yaml:2:9: the policy of this test file does not load (1 problem); no case was run\n",
    );
    expect(result.code).toBe(2);
  });

  it("reads no policy or account file outside the repository, and shows nothing of them", async () => {
    const outer = workspace({
      "secret.json": "TOP-SECRET-CONTENT not json",
      "secret.yaml": "TOP-SECRET: [unclosed",
      "repo/t.test.yaml": `version: 1
policy: recommended
cases:
  - name: reaches out
    accountFile: ../secret.json
    expect: { sending-enabled: pass }
`,
      "repo/p.test.yaml":
        "version: 1\npolicy: ../secret.yaml\ncases:\n  - { name: a, account: {}, expect: { x: pass } }\n",
    });
    const result = await bundle.run(["test"], join(outer, "repo"));
    expect(result.stdout).toContain(
      `p.test.yaml\n  ERROR p.test.yaml:2:9: policy ${join(outer, "secret.yaml")} is outside the repository; a test file may name built-in packs and policies inside it only\n`,
    );
    expect(result.stdout).toContain(
      `t.test.yaml:5:18: case "reaches out": account file ${join(outer, "secret.json")} is outside the repository; a test file may read account files inside it only\n`,
    );
    expect(result.stdout + result.stderr).not.toContain("TOP-SECRET");
    expect(result.code).toBe(2);
    // Named on the command line, the outer directory is a root the user chose: then it is read.
    const named = await bundle.run(["test", ".", ".."], join(outer, "repo"));
    expect(named.stdout).toContain("secret.json");
    expect(named.stdout).not.toContain("outside the repository");
  });

  it("inside a git repository, a test file in a sub-folder may reach the rest of the repository", async () => {
    const outer = workspace({
      "repo/policies/team.yaml": "version: 1\nextends: [recommended]\n",
      "repo/accounts/healthy.json": JSON.stringify({ SendingEnabled: false }),
      "repo/tests/t.test.yaml": `version: 1
policy: ../policies/team.yaml
cases:
  - name: from the repository
    accountFile: ../accounts/healthy.json
    expect: { sending-enabled: fail }
`,
      "outside.yaml": "version: 1\n",
      "repo/tests/o.test.yaml":
        "version: 1\npolicy: ../../outside.yaml\ncases:\n  - { name: a, account: {}, expect: { x: pass } }\n",
    });
    mkdirSync(join(outer, "repo", ".git"));
    const result = await bundle.run(["test", "t.test.yaml"], join(outer, "repo", "tests"));
    noStackTrace(result.stderr);
    expect(result.stdout).not.toContain("outside the repository");
    expect(result.stdout).toContain("PASS  from the repository");
    expect(result.code).toBe(0);
    const outside = await bundle.run(["test", "o.test.yaml"], join(outer, "repo", "tests"));
    expect(outside.stdout).toContain(`policy ${join(outer, "outside.yaml")} is outside the repository`);
    expect(outside.code).toBe(2);
  });

  it("writes JUnit to a file while the text report goes to the terminal", async () => {
    const dir = workspace({
      "t.test.yaml":
        "version: 1\npolicy: recommended\ncases:\n  - name: empty\n    account: {}\n    expect: { sending-enabled: pass, vdm-enabled: fail }\n",
    });
    const result = await bundle.run(["test", "--format", "text", "--format", "junit=out/tests.xml"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("  FAIL  empty (2 rules)");
    const xml = readFileSync(join(dir, "out", "tests.xml"), "utf8");
    expect(await junitSchemaErrors(xml)).toEqual([]);
    const doc = parseJunit(xml);
    expect(doc.testsuites).toMatchObject({ "@tests": "2", "@failures": "1", "@errors": "0" });
    expect(doc.testsuites.testsuite).toHaveLength(1);
    expect(doc.testsuites.testsuite[0]?.testcase[0]?.failure?.["@message"]).toBe("expected pass, got fail");
  });

  it("prints JUnit on stdout and then the problems on stderr, since no text report shows them", async () => {
    const dir = workspace({ "t.test.yaml": "version: 1\npolicy: recommended\ncases: {}\n" });
    const result = await bundle.run(["test", "--format", "junit"], dir);
    expect(result.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ses-guard test" tests="1" failures="0" errors="1">/,
    );
    expect(result.stderr).toBe("ses-guard: t.test.yaml:3:8: cases must be a non-empty list of test cases\n");
    expect(result.code).toBe(2);
  });

  it("runs the built-in packs' own tests", async () => {
    const result = await bundle.run(["test", "policies/"], repoRoot);
    expect(result.stdout).toMatch(/^policies\/recommended\.test\.yaml$/m);
    expect(result.stdout).toMatch(/^policies\/strict\.test\.yaml$/m);
    expect(result.stdout).toMatch(/^3 files, \d+ cases: \d+ passed, 0 failed; \d+ expectations, 0 failed$/m);
    expect(result.code).toBe(0);
  });

  it.each([
    [
      ["test"],
      "ses-guard: no *.test.yaml files under .; write one (see `ses-guard init`) or name the files to run\n",
    ],
    [["test", "nowhere"], "ses-guard: cannot read nowhere: no such file\n"],
    [["test", "--format", "sarif"], 'ses-guard: unknown format "sarif"; formats are text, junit\n'],
    [
      ["test", "--policy", "x.yaml"],
      "ses-guard: --policy does not apply to `ses-guard test` (see ses-guard test --help)\n",
    ],
  ])("exits 2 on %j", async (args, stderr) => {
    const result = await bundle.run(args, workspace());
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(2);
  });
});

describe("ses-guard schema", () => {
  it("prints policies/policy.schema.json exactly", async () => {
    const result = await bundle.run(["schema"], workspace());
    expect(result.stdout).toBe(readFileSync(join(repoRoot, "policies", "policy.schema.json"), "utf8"));
    expect(result.code).toBe(0);
  });

  it("takes no arguments", async () => {
    const result = await bundle.run(["schema", "--force"], workspace());
    expect(result.stderr).toBe(
      "ses-guard: --force does not apply to `ses-guard schema` (see ses-guard schema --help)\n",
    );
    expect(result.code).toBe(2);
  });
});

describe("ses-guard rules", () => {
  it("lists the resolved rules with overrides and waivers, live and expired", async () => {
    const dir = workspace({ ".ses-guard.yaml": policy });
    const result = await bundle.run(["rules"], dir);
    const row = (id: string, severity: string, enabled: string, waiver = "-") =>
      `${id.padEnd(28)}  ${severity.padEnd(8)}  ${enabled.padEnd(7)}  ${packSourceShown("recommended", id).padEnd(30)}  ${waiver}`;
    expect(result.stdout.split("\n")).toEqual([
      `${"RULE".padEnd(28)}  SEVERITY  ENABLED  ${"SOURCE".padEnd(30)}  WAIVER`,
      row("sending-enabled", "error", "yes"),
      row("production-access", "error", "yes", "EXPIRED 2020-01-01 (.ses-guard.yaml:11)"),
      row("enforcement-healthy", "error", "yes"),
      row("suppression-bounce-complaint", "error", "yes"),
      row("quota-headroom", "warning", "no"),
      row("vdm-enabled", "notice", "yes", "until 2099-12-31 for ap-south-1 (.ses-guard.yaml:7)"),
      "",
      "6 rules (5 enabled) from .ses-guard.yaml, policies/recommended.yaml; 2 waivers (1 expired: the rule is checked again)",
      "",
    ]);
    expect(result.code).toBe(0);
  });

  it("writes JSON for scripts, from --policy", async () => {
    const dir = workspace({ "p/custom.yaml": policy });
    const result = await bundle.run(["rules", "--policy", "p/custom.yaml", "--format", "json"], dir);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.files).toEqual(["p/custom.yaml", "policies/recommended.yaml"]);
    expect(json.rules.find((r: { id: string }) => r.id === "vdm-enabled")).toMatchObject({
      severity: "notice",
      enabled: true,
      pack: "recommended",
      via: { file: "p/custom.yaml", line: 2 },
      waivers: [
        { expires: "2099-12-31", expired: false, regions: ["ap-south-1"], file: "p/custom.yaml", line: 7 },
      ],
    });
  });

  it("exits 2 with the policy's problems when it does not load", async () => {
    const dir = workspace({
      ".ses-guard.yaml":
        "version: 1\nextends: [recommended]\noverrides:\n  vdm-enable: { severity: notice }\n",
    });
    const result = await bundle.run(["rules"], dir);
    expect(result.stderr).toBe(
      'ses-guard: .ses-guard.yaml:4:3: override names rule "vdm-enable", which does not exist here (did you mean "vdm-enabled"?)\n',
    );
    expect(result.stdout).toBe("");
    expect(result.code).toBe(2);
  });
});
