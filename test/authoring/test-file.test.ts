/**
 * Parsing policy test files: the accepted form with its positions, and every kind of mistake
 * reported at its file:line:column with a suggestion where one exists.
 */
import { describe, expect, it } from "vitest";
import { testFile, testFileErrors } from "./helpers.js";

const valid = `version: 1
policy: ./.ses-guard.yaml
today: 2026-03-01
cases:
  - name: healthy
    region: us-east-1
    accountId: "012345678901"
    account:
      SendingEnabled: true
      SendQuota: { Max24HourSend: 200, SentLast24Hours: 10 }
      $metadata: { httpStatusCode: 200 }
    expect:
      sending-enabled: pass
      quota-headroom: { status: fail, messageIncludes: "80%", severity: warning }
  - name: from a file
    today: 2027-01-01
    accountFile: fixtures/prod.json
    expect:
      vdm-enabled: waived
`;

describe("a valid test file", () => {
  it("parses into policy, date and cases with their expectations", () => {
    const parsed = testFile(valid);
    expect(parsed.policies).toEqual(["./.ses-guard.yaml"]);
    expect(parsed.policyLocation).toEqual({ file: "t.test.yaml", line: 2, column: 9 });
    expect(parsed.today).toBe("2026-03-01");
    expect(parsed.cases.map((c) => c.name)).toEqual(["healthy", "from a file"]);
    const [first, second] = parsed.cases;
    expect(first).toMatchObject({ region: "us-east-1", accountId: "012345678901", location: { line: 5 } });
    expect(first?.account).toMatchObject({ kind: "inline", account: { SendingEnabled: true } });
    expect(first?.expectations).toEqual([
      { ruleId: "sending-enabled", status: "pass", location: { file: "t.test.yaml", line: 13, column: 7 } },
      {
        ruleId: "quota-headroom",
        status: "fail",
        messageIncludes: "80%",
        severity: "warning",
        location: { file: "t.test.yaml", line: 14, column: 7 },
      },
    ]);
    expect(second).toMatchObject({
      today: "2027-01-01",
      account: { kind: "file", path: "fixtures/prod.json", location: { line: 17, column: 18 } },
    });
    expect(second?.region).toBeUndefined();
  });

  it("accepts a list of policies and an empty inline account (to test missing data)", () => {
    const parsed = testFile(
      "version: 1\npolicy: [recommended, ./extra.yaml]\ncases:\n  - name: empty\n    account: {}\n    expect: { sending-enabled: fail }\n",
    );
    expect(parsed.policies).toEqual(["recommended", "./extra.yaml"]);
    expect(parsed.cases[0]?.account).toEqual({ kind: "inline", account: {} });
  });
});

const head = "version: 1\npolicy: recommended\ncases:\n";

describe("an invalid test file names the place of every problem", () => {
  it.each([
    [
      "an empty file",
      "",
      ["t.test.yaml:1:1: file is empty; a test file starts with `version: 1`, `policy:` and `cases:`"],
    ],
    [
      "broken YAML",
      `${head}  - name: [unclosed\n`,
      [
        "t.test.yaml:5:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ],
    ],
    [
      "a list at the top",
      "- 1\n",
      ["t.test.yaml:1:1: a test file is a map with `version: 1`, `policy:` and `cases:`"],
    ],
    [
      "a missing version, policy and cases",
      "poliy: recommended\n",
      [
        't.test.yaml:1:1: unknown key "poliy" in the test file (did you mean "policy"?); allowed keys are version, policy, today, cases',
        't.test.yaml:1:1: the test file is missing "version: 1"',
        't.test.yaml:1:1: the test file is missing "policy": a policy file (relative to this file) or a pack name',
        't.test.yaml:1:1: the test file is missing "cases": a list of test cases',
      ],
    ],
    [
      "another version",
      "version: 2\npolicy: recommended\ncases: []\n",
      [
        "t.test.yaml:1:10: unsupported test file version 2; this ses-guard reads version: 1",
        "t.test.yaml:3:8: cases must be a non-empty list of test cases",
      ],
    ],
    [
      "a policy that is not a name",
      "version: 1\npolicy: [recommended, 3]\ncases:\n  - { name: a, account: {}, expect: { x: pass } }\n",
      [
        "t.test.yaml:2:23: policy must be a policy file (relative to this file) or pack name, or a list of them",
      ],
    ],
    [
      "a date that does not exist",
      "version: 1\npolicy: recommended\ntoday: 2026-02-30\ncases:\n  - { name: a, account: {}, expect: { x: pass } }\n",
      ['t.test.yaml:3:8: today is "2026-02-30"; must be a calendar date as YYYY-MM-DD'],
    ],
    [
      "a case without name, account and expect",
      `${head}  - region: us-east-1\n`,
      [
        "t.test.yaml:4:5: cases[0] needs a name: a short sentence saying what it tests",
        "t.test.yaml:4:5: cases[0] needs `account` (GetAccount data inline) or `accountFile` (a JSON file relative to this test file)",
        "t.test.yaml:4:5: cases[0] needs `expect`: rule ids mapped to pass | fail | waived | skipped",
      ],
    ],
    [
      "both account and accountFile",
      `${head}  - name: a\n    account: {}\n    accountFile: a.json\n    expect: { x: pass }\n`,
      ["t.test.yaml:6:5: a case takes either `account` (GetAccount data inline) or `accountFile`, not both"],
    ],
    [
      "a misspelt case key",
      `${head}  - name: a\n    acount: {}\n    expect: { x: pass }\n`,
      [
        't.test.yaml:5:5: unknown key "acount" in cases[0] (did you mean "account"?); allowed keys are name, region, accountId, accountName, accountTags, reputation, today, account, accountFile, expect',
        "t.test.yaml:4:5: cases[0] needs `account` (GetAccount data inline) or `accountFile` (a JSON file relative to this test file)",
      ],
    ],
    [
      "a region that is not one",
      `${head}  - name: a\n    region: US-East-1\n    account: {}\n    expect: { x: pass }\n`,
      ['t.test.yaml:5:13: region "US-East-1" is not an AWS region name (e.g. us-east-1)'],
    ],
    [
      "an account id YAML read as a number",
      `${head}  - name: a\n    accountId: 12345678901\n    account: {}\n    expect: { x: pass }\n`,
      [
        't.test.yaml:5:16: accountId must be in quotes ("012345678901") so YAML keeps it as text with its leading zeros',
      ],
    ],
    [
      "a misspelt account member, nested",
      `${head}  - name: a\n    account:\n      SendQuota: { Max24HourSend: 1, SentLast24Hour: 1 }\n    expect: { x: pass }\n`,
      [
        't.test.yaml:6:38: "SentLast24Hour" is not a member of SendQuota (did you mean "SentLast24Hours"?); members are Max24HourSend, MaxSendRate, SentLast24Hours',
      ],
    ],
    [
      "a computed fact written as account data",
      `${head}  - name: a\n    account: { $quotaUsedPercent: 90 }\n    expect: { x: pass }\n`,
      [
        "t.test.yaml:5:16: $quotaUsedPercent is computed by ses-guard, not part of GetAccount; set the members it comes from (SendQuota), or the case's region, accountId, accountName, accountTags or reputation, instead",
      ],
    ],
    [
      "a tag value YAML read as a number, and tags that are not a map",
      `${head}  - name: a\n    accountTags: { env: prod, cost: 42 }\n    account: {}\n    expect: { x: pass }\n  - name: b\n    accountTags: [env]\n    account: {}\n    expect: { x: pass }\n`,
      [
        't.test.yaml:5:37: tag cost is 42; tag values are text, so write it in quotes ("42")',
        "t.test.yaml:9:18: accountTags must be a map of tag keys to values",
      ],
    ],
    [
      "reputation rates that are not percentages, and a misspelt rate",
      `${head}  - name: a\n    reputation: { bounceRatePercent: -1, complaintRate: 0.1 }\n    account: {}\n    expect: { x: pass }\n  - name: b\n    reputation: { complaintRatePercent: high }\n    account: {}\n    expect: { x: pass }\n`,
      [
        't.test.yaml:5:42: unknown key "complaintRate" in reputation (did you mean "complaintRatePercent"?); allowed keys are bounceRatePercent, complaintRatePercent',
        "t.test.yaml:5:38: reputation.bounceRatePercent is -1; must be a percentage from 0 to 100 (0.05 is 0.05%)",
        't.test.yaml:9:41: reputation.complaintRatePercent is "high"; must be a percentage from 0 to 100 (0.05 is 0.05%)',
      ],
    ],
    [
      "an empty account name",
      `${head}  - name: a\n    accountName: ""\n    account: {}\n    expect: { x: pass }\n`,
      ['t.test.yaml:5:18: accountName "" must not be empty'],
    ],
    [
      "an unknown expected result",
      `${head}  - name: a\n    account: {}\n    expect:\n      sending-enabled: passed\n`,
      [
        't.test.yaml:7:24: expected result "passed" is not one of pass, fail, waived, skipped (did you mean "pass"?)',
      ],
    ],
    [
      "an expectation map without status, with a bad severity and an unknown key",
      `${head}  - name: a\n    account: {}\n    expect:\n      sending-enabled: { severity: critical, messageContains: x }\n`,
      [
        't.test.yaml:7:46: unknown key "messageContains" in expect.sending-enabled; allowed keys are status, messageIncludes, severity',
        't.test.yaml:7:36: severity "critical" is not one of error, warning, notice',
        "t.test.yaml:7:24: expect.sending-enabled needs status: pass | fail | waived | skipped",
      ],
    ],
    [
      "a rule id that cannot be one",
      `${head}  - name: a\n    account: {}\n    expect:\n      Sending_Enabled: pass\n`,
      ['t.test.yaml:7:7: "Sending_Enabled" is not a rule id (lower-case letters, digits and hyphens)'],
    ],
    [
      "an empty expect",
      `${head}  - name: a\n    account: {}\n    expect: {}\n`,
      ["t.test.yaml:6:13: expect must map at least one rule id to pass | fail | waived | skipped"],
    ],
    [
      "two cases with one name",
      `${head}  - { name: same, account: {}, expect: { x: pass } }\n  - { name: same, account: {}, expect: { x: fail } }\n`,
      ['t.test.yaml:5:13: case name "same" is already used at line 4; case names must be unique in a file'],
    ],
  ])("%s", (_title, text, expected) => {
    expect(testFileErrors(text)).toEqual(expected);
  });
});
