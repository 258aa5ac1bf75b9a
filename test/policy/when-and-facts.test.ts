/**
 * `when:` and the account facts at load time: a condition is type-checked like a check, with the
 * same did-you-mean, on rules and on waivers; the facts are paths like any other.
 */
import { describe, expect, it } from "vitest";
import { evaluateRule } from "../../src/engine/evaluate.js";
import { lines, load, loadErrors } from "./memory-host.js";

async function problems(text: string): Promise<string[]> {
  return lines(await loadErrors(["p.yaml"], { "p.yaml": text }));
}

const withWhen = (when: string) =>
  `version: 1\nrules:\n  - id: r\n    when: ${when}\n    check: { path: SendingEnabled, equals: true }\n`;

describe("when: at load time", () => {
  it("compiles a rule's and a waiver's condition", async () => {
    const policy = await load(["p.yaml"], {
      "p.yaml": `${withWhen("{ path: $accountTags.env, equals: prod }")}waivers:\n  - rule: r\n    when: { path: $accountName, matches: "^mail-" }\n    reason: accepted\n    expires: 2030-01-01\n`,
    });
    expect(policy.rules[0]?.when).toMatchObject({ kind: "leaf", path: "$accountTags.env", expected: "prod" });
    expect(policy.waivers[0]?.when).toMatchObject({
      kind: "leaf",
      path: "$accountName",
      operator: "matches",
    });
    const target = {
      region: "us-east-1",
      accountId: "111111111111",
      status: "ok" as const,
      account: { SendingEnabled: false },
      accountName: "mail-prod",
      accountTags: { env: "prod" },
    };
    const rule = policy.rules[0];
    if (!rule) throw new Error("no rule");
    expect(evaluateRule(rule, target, policy.waivers, "2026-01-01").status).toBe("waived");
  });

  it("an unknown path in when, with the closest real one, at its line and column", async () => {
    expect(await problems(withWhen("{ path: Details.MailTyp, equals: MARKETING }"))).toEqual([
      expect.stringMatching(
        /^p\.yaml:4:19: unknown path "Details\.MailTyp" \(did you mean "Details\.MailType"\?\)/,
      ),
    ]);
  });

  it("a misspelt tag fact suggests the same tag key", async () => {
    expect((await problems(withWhen("{ path: $acountTags.env, equals: prod }")))[0]).toContain(
      'unknown path "$acountTags.env" (did you mean "$accountTags.env"?)',
    );
    expect((await problems(withWhen("{ path: $accountTags, exists: true }")))[0]).toContain(
      'path "$accountTags" names no tag; write $accountTags.<Key>',
    );
    expect((await problems(withWhen("{ path: $acountName, exists: true }")))[0]).toContain(
      '(did you mean "$accountName"?)',
    );
  });

  it("an operator that cannot apply, and a value outside the model's enum", async () => {
    expect((await problems(withWhen("{ path: $accountTags.env, greaterThan: 3 }")))[0]).toContain(
      "operator greaterThan cannot apply to $accountTags.env, which is a string",
    );
    expect((await problems(withWhen("{ path: Details.MailType, equals: MARKETNG }")))[0]).toContain(
      "MARKETNG",
    );
  });

  it("an invalid waiver condition is an error, not a waiver that silently applies everywhere", async () => {
    const text = `${withWhen("{ path: SendingEnabled, exists: true }")}waivers:\n  - rule: r\n    when: { path: $accountTags.env, equls: prod }\n    reason: accepted\n    expires: 2030-01-01\n`;
    expect((await problems(text))[0]).toMatch(
      /^p\.yaml:8:37: unknown operator "equls" in waivers\[0\]\.when/,
    );
  });

  it("the schema rejects a when that is not a check", async () => {
    expect((await problems(withWhen("yes"))).join("\n")).toContain("p.yaml:4:11");
  });

  it("the reputation facts are numbers", async () => {
    const policy = await load(["p.yaml"], {
      "p.yaml": withWhen("{ path: $reputation.bounceRatePercent, lessThan: 5 }"),
    });
    expect(policy.rules[0]?.when).toMatchObject({ path: "$reputation.bounceRatePercent" });
    expect((await problems(withWhen("{ path: $reputation.bounceRatePercent, equals: high }")))[0]).toContain(
      "$reputation.bounceRatePercent",
    );
    expect((await problems(withWhen("{ path: $reputation.bounceRate, lessThan: 5 }")))[0]).toContain(
      '(did you mean "$reputation.bounceRatePercent"?)',
    );
  });
});
