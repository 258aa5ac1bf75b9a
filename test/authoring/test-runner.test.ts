/**
 * Running test cases against a loaded policy: each expected status compared with the engine's
 * result, waivers judged on the case's or file's `today`, regions and accounts labelling the
 * target, unknown rules and unusable account files stopping a case (exit 2), and the exit code.
 */
import { describe, expect, it } from "vitest";
import type { TestCase } from "../../src/authoring/test-file.js";
import {
  type AccountFileRead,
  runTestFile,
  summarizeTestRun,
  type TestRun,
  testRunExitCode,
} from "../../src/authoring/test-runner.js";
import type { TargetData } from "../../src/types.js";
import { loadFrom, testFile, where } from "./helpers.js";

const policyText = `version: 1
extends: [recommended, ./extra.yaml]
rules:
  - id: eu-mail-type
    regions: [eu-*]
    check: { path: Details.MailType, equals: TRANSACTIONAL }
    message: "{region}: {path} is {actual}"
overrides:
  dedicated-ip: { enabled: false }
  vdm-enabled: { severity: notice }
waivers:
  - rule: vdm-enabled
    regions: [ap-south-1]
    reason: rollout next quarter
    expires: 2026-06-30
  - rule: production-access
    accounts: ["111122223333"]
    reason: sandbox account for load tests
    expires: 2030-01-01
`;

const extra = `version: 1
rules:
  - id: dedicated-ip
    check: { path: DedicatedIpAutoWarmupEnabled, equals: true }
`;

async function run(cases: string, options: { today?: string; files?: Record<string, AccountFileRead> } = {}) {
  const policy = await loadFrom(["policy.yaml"], { "policy.yaml": policyText, "extra.yaml": extra });
  const parsed = testFile(`version: 1\npolicy: policy.yaml\n${cases}`);
  const reads: TestCase[] = [];
  const outcome = runTestFile(parsed, {
    policy,
    today: options.today ?? "2026-05-01",
    readAccountFile: (testCase) => {
      reads.push(testCase);
      const path = testCase.account.kind === "file" ? testCase.account.path : "";
      return (
        options.files?.[path] ?? {
          diagnostics: [{ code: "test/missing-account-file", message: `no ${path}` }],
        }
      );
    },
  });
  return { outcome, reads };
}

function statuses(outcome: Awaited<ReturnType<typeof run>>["outcome"]) {
  return outcome.cases.map((c) =>
    Object.fromEntries(c.expectations.map((e) => [e.expectation.ruleId, [e.result.status, e.held]])),
  );
}

describe("comparing expectations with results", () => {
  it("holds when every status matches, and says what differs when one does not", async () => {
    const { outcome } = await run(`cases:
  - name: mixed
    region: eu-west-1
    account:
      SendingEnabled: true
      ProductionAccessEnabled: false
      Details: { MailType: MARKETING }
    expect:
      sending-enabled: pass
      production-access: pass
      eu-mail-type: { status: fail, messageIncludes: "eu-west-1: Details.MailType is MARKETING" }
      dedicated-ip: skipped
      vdm-enabled: { status: fail, severity: warning }
`);
    expect(statuses(outcome)).toEqual([
      {
        "sending-enabled": ["pass", true],
        "production-access": ["fail", false],
        "eu-mail-type": ["fail", true],
        "dedicated-ip": ["skipped", true],
        "vdm-enabled": ["fail", false],
      },
    ]);
    const failed = outcome.cases[0]?.expectations.filter((e) => !e.held) ?? [];
    expect(failed.map((e) => [e.expectation.ruleId, e.problem, e.result.message])).toEqual([
      ["production-access", "expected pass, got fail", "ProductionAccessEnabled is false; must equal true"],
      [
        "vdm-enabled",
        "expected severity warning, got notice",
        "VdmAttributes.VdmEnabled is not set; must equal ENABLED",
      ],
    ]);
  });

  it("reports a message that does not include the expected text", async () => {
    const { outcome } = await run(`cases:
  - name: message
    region: eu-west-1
    account: { Details: { MailType: MARKETING } }
    expect:
      eu-mail-type: { status: fail, messageIncludes: "TRANSACTIONAL" }
`);
    expect(outcome.cases[0]?.expectations[0]).toMatchObject({
      held: false,
      problem: 'expected the message to include "TRANSACTIONAL"',
    });
  });

  it("skips a region-scoped rule outside its regions and evaluates it when the region is unknown", async () => {
    const { outcome } = await run(`cases:
  - name: us
    region: us-east-1
    account: { Details: { MailType: MARKETING } }
    expect: { eu-mail-type: skipped }
  - name: no region
    account: { Details: { MailType: MARKETING } }
    expect: { eu-mail-type: fail }
`);
    expect(statuses(outcome)).toEqual([
      { "eu-mail-type": ["skipped", true] },
      { "eu-mail-type": ["fail", true] },
    ]);
    expect(outcome.cases[1]?.expectations[0]?.result.regionUnknown).toBe(true);
  });
});

describe("waivers and dates", () => {
  const vdmOff = "account: { VdmAttributes: { VdmEnabled: DISABLED } }";

  it("judges a waiver on the case's today, then the file's, then the run's", async () => {
    const cases = `cases:
  - name: run date
    region: ap-south-1
    ${vdmOff}
    expect: { vdm-enabled: waived }
  - name: last day of the waiver
    region: ap-south-1
    today: 2026-06-30
    ${vdmOff}
    expect: { vdm-enabled: waived }
  - name: the day after
    region: ap-south-1
    today: 2026-07-01
    ${vdmOff}
    expect: { vdm-enabled: fail }
  - name: another region is not covered
    region: ap-south-2
    ${vdmOff}
    expect: { vdm-enabled: fail }
`;
    const { outcome } = await run(cases, { today: "2026-05-01" });
    expect(outcome.cases.map((c) => c.expectations[0]?.held)).toEqual([true, true, true, true]);
    expect(outcome.cases[2]?.expectations[0]?.result.message).toContain("a waiver expired on 2026-06-30");

    // The same cases on a run date after expiry: only the cases with their own date still hold.
    const late = await run(cases, { today: "2026-08-01" });
    expect(late.outcome.cases.map((c) => c.expectations[0]?.held)).toEqual([false, true, true, true]);
    const file = await run(`today: 2026-08-01\n${cases}`, { today: "2026-05-01" });
    expect(file.outcome.cases.map((c) => c.expectations[0]?.held)).toEqual([false, true, true, true]);
  });

  it("applies an account-scoped waiver only to that account", async () => {
    const { outcome } = await run(`cases:
  - name: the load-test account
    accountId: "111122223333"
    account: { ProductionAccessEnabled: false }
    expect: { production-access: waived }
  - name: another account
    accountId: "444455556666"
    account: { ProductionAccessEnabled: false }
    expect: { production-access: waived }
`);
    expect(statuses(outcome)).toEqual([
      { "production-access": ["waived", true] },
      { "production-access": ["fail", false] },
    ]);
  });
});

describe("cases that cannot run", () => {
  it("rejects an expectation on a rule the policy does not have, with a suggestion, and runs nothing of that case", async () => {
    const { outcome } = await run(`cases:
  - name: typo
    account: {}
    expect:
      sending-enabled: fail
      vdm-enabeld: fail
  - name: fine
    account: {}
    expect: { sending-enabled: fail }
`);
    expect(outcome.cases[0]?.expectations).toEqual([]);
    expect(outcome.cases[0]?.diagnostics.map(where)).toEqual([
      't.test.yaml:8:7: case "typo" expects a result of rule "vdm-enabeld", which the policy does not have (did you mean "vdm-enabled"?)',
    ]);
    expect(outcome.cases[1]?.expectations.map((e) => e.held)).toEqual([true]);
    const runOf: TestRun = { files: [outcome] };
    expect(testRunExitCode(runOf)).toBe(2);
    expect(summarizeTestRun(runOf)).toMatchObject({ cases: 2, passedCases: 1, erroredCases: 1 });
  });

  it("passes on the problems of reading an account file", async () => {
    const { outcome, reads } = await run(`cases:
  - name: missing
    accountFile: nope.json
    expect: { sending-enabled: pass }
`);
    expect(reads.map((c) => c.name)).toEqual(["missing"]);
    expect(outcome.cases[0]?.diagnostics.map((d) => d.message)).toEqual(["no nope.json"]);
  });
});

describe("account files", () => {
  const target = (region: string, account?: Record<string, unknown>): TargetData =>
    account
      ? { region, accountId: "123456789012", status: "ok", account }
      : { region, accountId: "123456789012", status: "error", error: { code: "x", message: "AccessDenied" } };
  const snapshot: AccountFileRead = {
    targets: [
      target("us-east-1", { SendingEnabled: true }),
      target("eu-west-1", { SendingEnabled: false }),
      target("ap-south-1"),
    ],
  };

  it("takes a get-account file's single target, labelled by the case", async () => {
    const { outcome } = await run(
      `cases:
  - name: single
    region: eu-west-1
    accountFile: one.json
    expect: { sending-enabled: fail }
`,
      { files: { "one.json": { targets: [target("unknown", { SendingEnabled: false })] } } },
    );
    expect(outcome.cases[0]?.expectations[0]).toMatchObject({ held: true, result: { region: "eu-west-1" } });
  });

  it("picks a snapshot's target by the case's region", async () => {
    const { outcome } = await run(
      `cases:
  - name: us
    region: us-east-1
    accountFile: snap.json
    expect: { sending-enabled: pass }
  - name: eu
    region: eu-west-1
    accountFile: snap.json
    expect: { sending-enabled: fail }
`,
      { files: { "snap.json": snapshot } },
    );
    expect(statuses(outcome)).toEqual([
      { "sending-enabled": ["pass", true] },
      { "sending-enabled": ["fail", true] },
    ]);
    expect(outcome.cases[0]?.expectations[0]?.result.accountId).toBe("123456789012");
  });

  it.each([
    [
      "no region to pick by",
      "",
      "snap.json is a snapshot of 3 targets (us-east-1, eu-west-1, ap-south-1); name the case's region to pick one",
    ],
    [
      "a region it does not have",
      "    region: sa-east-1\n",
      "snap.json has no target in sa-east-1 (it has us-east-1, eu-west-1, ap-south-1)",
    ],
    [
      "a target that was not read",
      "    region: ap-south-1\n",
      "snap.json: the ap-south-1 target was not read when the snapshot was taken (AccessDenied); a case needs account data",
    ],
  ])("refuses a snapshot with %s", async (_title, region, message) => {
    const { outcome } = await run(
      `cases:\n  - name: pick\n${region}    accountFile: snap.json\n    expect: { sending-enabled: pass }\n`,
      { files: { "snap.json": snapshot } },
    );
    expect(outcome.cases[0]?.diagnostics.map((d) => d.message)).toEqual([message]);
    expect(outcome.cases[0]?.expectations).toEqual([]);
  });
});

describe("the exit code", () => {
  it("is 0 when every expectation holds, 1 when one fails, 2 when a file could not run", async () => {
    const passing = await run("cases:\n  - { name: a, account: {}, expect: { sending-enabled: fail } }\n");
    const failing = await run("cases:\n  - { name: a, account: {}, expect: { sending-enabled: pass } }\n");
    expect(testRunExitCode({ files: [passing.outcome] })).toBe(0);
    expect(testRunExitCode({ files: [passing.outcome, failing.outcome] })).toBe(1);
    const invalid = {
      file: "bad.test.yaml",
      cases: [],
      diagnostics: [{ code: "yaml/syntax", message: "x" }],
    };
    expect(testRunExitCode({ files: [failing.outcome, invalid] })).toBe(2);
    expect(summarizeTestRun({ files: [passing.outcome, failing.outcome, invalid] })).toEqual({
      files: 3,
      invalidFiles: 1,
      cases: 2,
      passedCases: 1,
      failedCases: 1,
      erroredCases: 0,
      expectations: 2,
      failedExpectations: 1,
    });
  });
});
