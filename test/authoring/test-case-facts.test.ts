/**
 * Test cases that give what an account source or CloudWatch adds to GetAccount: account names,
 * tags and reputation rates reach the rules (and their `when`) as the `$account*` and
 * `$reputation.*` facts, inline or on top of an account file.
 */
import { describe, expect, it } from "vitest";
import { runTestFile } from "../../src/authoring/test-runner.js";
import { loadFrom, testFile } from "./helpers.js";

const policy = `version: 1
rules:
  - id: prod-suppresses-both
    when: { path: $accountTags.env, equals: prod }
    check: { path: SuppressionAttributes.SuppressedReasons, containsAll: [BOUNCE, COMPLAINT] }
  - id: named-mail-account
    check: { path: $accountName, matches: "^mail-" }
  - id: bounce-rate
    when: { path: $reputation.bounceRatePercent, exists: true }
    check: { path: $reputation.bounceRatePercent, lessThan: 5 }
`;

const cases = `version: 1
policy: p.yaml
cases:
  - name: a prod account is held to the rule
    accountName: mail-prod
    accountTags: { env: prod, team: growth }
    reputation: { bounceRatePercent: 5 }
    account: { SuppressionAttributes: { SuppressedReasons: [BOUNCE] } }
    expect:
      prod-suppresses-both: fail
      named-mail-account: pass
      bounce-rate: { status: fail, messageIncludes: "is 5; must be less than 5" }
  - name: a staging account is not, and a quiet account has no rate to judge
    accountName: scratch
    accountTags: { env: staging }
    reputation: {}
    account: { SuppressionAttributes: { SuppressedReasons: [BOUNCE] } }
    expect:
      prod-suppresses-both: { status: skipped, messageIncludes: "$accountTags.env is staging" }
      named-mail-account: fail
      bounce-rate: { status: skipped, messageIncludes: "no datapoint" }
  - name: without tags the condition is unknown and the rule is evaluated
    accountFile: account.json
    expect:
      prod-suppresses-both: { status: fail, messageIncludes: "could not be decided" }
      named-mail-account: { status: fail, messageIncludes: "$accountName is not set" }
      bounce-rate: { status: fail, messageIncludes: "is not known (the reputation rates were not read" }
`;

describe("test cases with account names, tags and reputation", () => {
  it("label the target, so rules and their conditions see them", async () => {
    const loaded = await loadFrom(["p.yaml"], { "p.yaml": policy });
    const outcome = runTestFile(testFile(cases), {
      policy: loaded,
      today: "2026-01-01",
      readAccountFile: () => ({
        targets: [
          {
            region: "us-east-1",
            accountId: null,
            status: "ok",
            account: { SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] } },
          },
        ],
      }),
    });
    const problems = outcome.cases.flatMap((c) =>
      c.expectations
        .filter((e) => !e.held)
        .map((e) => `${c.testCase.name}: ${e.problem} (${e.result.message})`),
    );
    expect(outcome.cases.flatMap((c) => c.diagnostics)).toEqual([]);
    expect(problems).toEqual([]);
    expect(outcome.cases.flatMap((c) => c.expectations)).toHaveLength(9);
  });
});
