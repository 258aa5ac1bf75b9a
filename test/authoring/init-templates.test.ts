/**
 * The files `ses-guard init` writes: the starter policy loads as written and with its examples in
 * use, the starter tests pass against it both ways, the schema reference works for an npm install,
 * and the workflow has the permissions, steps and inputs a first run needs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  ACTION_REFERENCE,
  commentOut,
  exampleCases,
  exampleOverride,
  exampleRule,
  exampleWaiver,
  exampleWaiverExpiry,
  STARTER_POLICY_PATH,
  STARTER_SCHEMA_REFERENCE,
  STARTER_TEST_PATH,
  type StarterOptions,
  starterFiles,
  starterPolicy,
  starterTests,
  starterWorkflow,
} from "../../src/authoring/init-templates.js";
import { runTestFile } from "../../src/authoring/test-runner.js";
import { repoRoot as repo } from "../helpers/cli.js";
import { loadFrom, testFile } from "./helpers.js";

const options: StarterOptions = { today: "2026-05-01", version: "0.1.0" };

/** What an author gets by removing the `# ` in front of every example. */
function withExamples(policy: string, tests: string): { policy: string; tests: string } {
  let usedPolicy = policy;
  for (const example of [exampleRule(), exampleOverride(), exampleWaiver(options)]) {
    expect(usedPolicy).toContain(commentOut(example));
    usedPolicy = usedPolicy.replace(commentOut(example), example);
  }
  const cases = exampleCases(options).trimEnd();
  expect(tests).toContain(commentOut(cases));
  return { policy: usedPolicy, tests: tests.replace(commentOut(cases), cases) };
}

async function runStarter(policyText: string, testsText: string) {
  const policy = await loadFrom([STARTER_POLICY_PATH], { [STARTER_POLICY_PATH]: policyText });
  const parsed = testFile(testsText, STARTER_TEST_PATH);
  expect(parsed.policies).toEqual([`./${STARTER_POLICY_PATH}`]);
  return {
    policy,
    outcome: runTestFile(parsed, { policy, today: options.today, readAccountFile: () => ({ targets: [] }) }),
  };
}

describe("the starter files", () => {
  it("are the policy, its tests and the workflow", () => {
    expect(starterFiles(options).map((f) => f.path)).toEqual([
      ".ses-guard.yaml",
      ".ses-guard.test.yaml",
      ".github/workflows/ses-guard.yml",
    ]);
  });
});

describe("the starter policy", () => {
  it("starts with a schema reference that resolves in an npm install of ses-guard", () => {
    const text = starterPolicy(options);
    expect(text.split("\n")[0]).toBe(`# yaml-language-server: $schema=${STARTER_SCHEMA_REFERENCE}`);
    // node_modules/<name>/<file>: the package must be called ses-guard and publish the schema.
    const pkg = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"));
    const [, name, file] = /^\.\/node_modules\/([^/]+)\/(.+)$/.exec(STARTER_SCHEMA_REFERENCE) ?? [];
    expect(name).toBe(pkg.name);
    expect(pkg.files).toContain(file?.split("/")[0]);
    expect(readFileSync(join(repo, file ?? ""), "utf8")).toContain('"title": "ses-guard policy"');
  });

  it("extends recommended and, as written, adds no rule, override or waiver", async () => {
    const policy = await loadFrom([STARTER_POLICY_PATH], { [STARTER_POLICY_PATH]: starterPolicy(options) });
    const recommended = await loadFrom(["recommended"]);
    expect(policy.rules.map((r) => [r.id, r.severity, r.enabled])).toEqual(
      recommended.rules.map((r) => [r.id, r.severity, r.enabled]),
    );
    expect(policy.waivers).toEqual([]);
  });

  it("loads with every example in use: a custom rule, an override and a waiver", async () => {
    const used = withExamples(starterPolicy(options), starterTests(options));
    const policy = await loadFrom([STARTER_POLICY_PATH], { [STARTER_POLICY_PATH]: used.policy });
    expect(policy.rules.map((r) => r.id)).toContain("transactional-mail-type");
    expect(policy.rules.find((r) => r.id === "vdm-enabled")?.severity).toBe("notice");
    expect(policy.waivers.map((w) => [w.rule, w.expires])).toEqual([["vdm-enabled", "2026-07-30"]]);
  });

  it("dates the example waiver 90 days ahead, so it applies when first used", () => {
    expect(exampleWaiverExpiry("2026-05-01")).toBe("2026-07-30");
    expect(exampleWaiverExpiry("2026-12-15")).toBe("2027-03-15");
    expect(starterPolicy({ ...options, today: "2026-12-15" })).toContain("#     expires: 2027-03-15");
  });
});

describe("the starter tests", () => {
  it("pass against the starter policy", async () => {
    const { outcome } = await runStarter(starterPolicy(options), starterTests(options));
    expect(outcome.cases.map((c) => c.testCase.name)).toEqual([
      "a healthy production account passes every rule",
      "a sandbox account that suppresses only bounces fails",
      "an account with no data fails closed",
    ]);
    expect(outcome.cases.flatMap((c) => c.diagnostics)).toEqual([]);
    expect(outcome.cases.flatMap((c) => c.expectations.filter((e) => !e.held).map((e) => e.problem))).toEqual(
      [],
    );
    // Both outcomes are exercised, so the starter shows what a failing expectation looks like.
    const statuses = new Set(outcome.cases.flatMap((c) => c.expectations.map((e) => e.result.status)));
    expect([...statuses].sort()).toEqual(["fail", "pass"]);
  });

  it("pass with the examples in use, including the waiver before and after it expires", async () => {
    const used = withExamples(starterPolicy(options), starterTests(options));
    const { outcome } = await runStarter(used.policy, used.tests);
    expect(outcome.cases).toHaveLength(7);
    expect(outcome.cases.flatMap((c) => c.diagnostics)).toEqual([]);
    expect(outcome.cases.flatMap((c) => c.expectations.filter((e) => !e.held).map((e) => e.problem))).toEqual(
      [],
    );
    const results = outcome.cases.slice(3).map((c) => c.expectations[0]?.result.status);
    expect(results).toEqual(["waived", "fail", "fail", "skipped"]);
  });
});

describe("the workflow", () => {
  const workflow = parse(starterWorkflow(options));
  const steps: Array<Record<string, unknown>> = workflow.jobs["ses-guard"].steps;
  const step = (uses: string) => steps.find((s) => String(s.uses ?? "").startsWith(uses));

  it("asks for OIDC, code scanning and read-only contents, nothing more", () => {
    expect(workflow.permissions).toEqual({
      contents: "read",
      "id-token": "write",
      "security-events": "write",
    });
  });

  it("runs the policy tests before it needs any credentials", () => {
    const run = steps.findIndex((s) => s.run === "npx --yes ses-guard@0.1.0 test");
    const credentials = steps.findIndex((s) =>
      String(s.uses).startsWith("aws-actions/configure-aws-credentials@"),
    );
    expect(run).toBeGreaterThan(0);
    expect(credentials).toBeGreaterThan(run);
  });

  it("gets credentials through OIDC, checks with the Action and uploads SARIF even after a failure", () => {
    expect(step("aws-actions/configure-aws-credentials@")?.with).toEqual({
      "role-to-assume": expect.stringMatching(/^arn:aws:iam::\d{12}:role\//),
      "aws-region": "us-east-1",
    });
    const check = step(ACTION_REFERENCE);
    expect(check?.with).toEqual({
      policy: STARTER_POLICY_PATH,
      regions: "us-east-1,eu-west-1",
      "sarif-file": "ses-guard.sarif",
    });
    // The inputs are the Action's contract (README.md, "Inputs"): every one the workflow sets is
    // declared in action.yml, so renaming an input there breaks this test.
    const action = parse(readFileSync(join(repo, "action.yml"), "utf8")) as {
      inputs: Record<string, unknown>;
    };
    const inputs = Object.keys(action.inputs);
    for (const key of Object.keys(check?.with as object)) expect(inputs).toContain(key);
    const upload = step("github/codeql-action/upload-sarif@");
    expect(upload?.if).toMatch(/^always\(\)/);
    expect(upload?.with).toEqual({ sarif_file: "ses-guard.sarif", category: "ses-guard" });
    expect(steps.indexOf(upload ?? {})).toBeGreaterThan(steps.indexOf(check ?? {}));
  });
});
