/**
 * What a policy author sees for each mistake: one specific message per problem, at the line and
 * column of the offending key or value, with a suggestion where one is likely; and every problem
 * of a file in one pass, without noise from the schema repeating what the check compiler says.
 */
import { describe, expect, it } from "vitest";
import { lines, loadErrors } from "./memory-host.js";

async function problems(text: string): Promise<string[]> {
  return lines(await loadErrors(["p.yaml"], { "p.yaml": text }));
}

const rule = (check: string, extra = "") => `version: 1\nrules:\n  - id: r\n${extra}    check:\n${check}`;

describe("policy diagnostics", () => {
  it("an unknown operator: one message, at the key, with a suggestion", async () => {
    expect(await problems(rule("      path: SendingEnabled\n      equal: true\n"))).toEqual([
      'p.yaml:6:7: unknown operator "equal" in rules[0].check (did you mean "equals"?); operators are equals, notEquals, in, notIn, contains, containsAll, containsAny, containsNone, exists, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, matches',
    ]);
  });

  it("an unknown operator deep inside all/any/not is reported once, where it is", async () => {
    const check = "      all:\n        - not:\n            path: SendingEnabled\n            equls: true\n";
    expect(await problems(rule(check))).toEqual([
      'p.yaml:8:13: unknown operator "equls" in rules[0].check.all[0].not (did you mean "equals"?); operators are equals, notEquals, in, notIn, contains, containsAll, containsAny, containsNone, exists, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, matches',
    ]);
  });

  it("two operators in one check", async () => {
    expect(
      await problems(rule("      path: SendingEnabled\n      equals: true\n      notEquals: false\n")),
    ).toEqual([
      "p.yaml:5:7: rules[0].check has 2 operators (equals, notEquals); a check takes exactly one — combine checks with all/any",
    ]);
  });

  it("a path without an operator", async () => {
    expect(await problems(rule("      path: SendingEnabled\n"))).toEqual([
      "p.yaml:5:7: rules[0].check has a path but no operator; use one of equals, notEquals, in, notIn, contains, containsAll, containsAny, containsNone, exists, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, matches",
    ]);
  });

  it("a check that is not a map, and an empty all", async () => {
    expect(await problems(rule("      5\n").replace("    check:\n      5", "    check: 5"))).toEqual([
      "p.yaml:4:12: rules[0].check must be a map: `path` with one operator, or all/any/not",
    ]);
    expect(await problems(rule("      all: []\n"))).toEqual([
      "p.yaml:5:12: rules[0].check.all must be a non-empty list of checks",
    ]);
  });

  it("an unknown path, with the closest real one", async () => {
    expect(
      await problems(rule("      path: SuppressionAttributes.SupressedReasons\n      contains: BOUNCE\n")),
    ).toEqual([
      'p.yaml:5:13: unknown path "SuppressionAttributes.SupressedReasons" (did you mean "SuppressionAttributes.SuppressedReasons"?); paths are spelt as in GetAccountResponse (e.g. SuppressionAttributes.SuppressedReasons) or are computed facts ($quotaUsedPercent, $quotaUnlimited, $region, $accountId, $accountName, $reputation.bounceRatePercent, $reputation.complaintRatePercent, $accountTags.<Key>)',
    ]);
    expect((await problems(rule("      path: $quotaUsedPercnt\n      lessThan: 80\n")))[0]).toContain(
      '(did you mean "$quotaUsedPercent"?)',
    );
  });

  it("an operator that cannot apply to the field's type", async () => {
    expect(
      await problems(rule("      path: SuppressionAttributes.SuppressedReasons\n      greaterThan: 1\n")),
    ).toEqual([
      "p.yaml:6:7: operator greaterThan cannot apply to SuppressionAttributes.SuppressedReasons, which is a list of string; greaterThan works on number fields",
    ]);
    expect(await problems(rule("      path: SendQuota\n      equals: 5\n"))).toEqual([
      "p.yaml:6:7: operator equals cannot apply to SendQuota, which is a structure; equals works on string or number or boolean or list fields",
    ]);
  });

  it("a value that does not fit the field: enum typo, wrong type", async () => {
    expect(await problems(rule("      path: VdmAttributes.VdmEnabled\n      equals: ENABLD\n"))).toEqual([
      'p.yaml:6:15: equals on VdmAttributes.VdmEnabled: "ENABLD" is not a valid value; valid values are ENABLED, DISABLED (did you mean "ENABLED"?)',
    ]);
    expect(await problems(rule('      path: SendingEnabled\n      equals: "true"\n'))).toEqual([
      'p.yaml:6:15: equals on SendingEnabled: expected true or false, got "true"',
    ]);
    expect(
      await problems(
        rule(
          "      path: SuppressionAttributes.SuppressedReasons\n      containsAll: [BOUNCE, COMPLAINTS]\n",
        ),
      ),
    ).toEqual([
      'p.yaml:6:20: containsAll on SuppressionAttributes.SuppressedReasons: "COMPLAINTS" is not a valid value; valid values are BOUNCE, COMPLAINT (did you mean "COMPLAINT"?)',
    ]);
  });

  it("EnforcementStatus is a free string in the model: any value loads", async () => {
    const { load } = await import("./memory-host.js");
    const policy = await load(["p.yaml"], {
      "p.yaml": rule("      path: EnforcementStatus\n      notIn: [SHUTDOWN, UNDER_REVIEW]\n"),
    });
    expect(policy.rules[0]?.check).toMatchObject({ expected: ["SHUTDOWN", "UNDER_REVIEW"] });
  });

  it("a regex that does not compile under RE2", async () => {
    expect(await problems(rule('      path: Details.WebsiteURL\n      matches: "^(?=https)"\n'))).toEqual([
      'p.yaml:6:16: matches on Details.WebsiteURL: invalid regular expression "^(?=https)": error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    ]);
  });

  it("rule ids: invalid and duplicate", async () => {
    expect(
      await problems(
        "version: 1\nrules:\n  - id: Bad_Id\n    check: { path: SendingEnabled, equals: true }\n",
      ),
    ).toEqual([
      'p.yaml:3:9: "Bad_Id" is not a valid rule id: use lower-case letters, digits and hyphens, starting with a letter or digit (at most 128 characters)',
    ]);
    const twice = "  - id: a\n    check: { path: SendingEnabled, equals: true }\n";
    expect(await problems(`version: 1\nrules:\n${twice}${twice}`)).toEqual([
      'p.yaml:5:9: rule id "a" is already used at line 3; rule ids must be unique',
    ]);
  });

  it("an unknown severity, with a suggestion", async () => {
    expect(
      await problems(rule("      path: SendingEnabled\n      equals: true\n", "    severity: warnign\n")),
    ).toEqual([
      'p.yaml:4:15: rules[0].severity is "warnign"; must be one of error, warning, notice (did you mean "warning"?)',
    ]);
  });

  it("a message template with a placeholder ses-guard does not fill", async () => {
    expect(
      await problems(
        rule("      path: SendingEnabled\n      equals: true\n", '    message: "{path} is {value}"\n'),
      ),
    ).toEqual([
      "p.yaml:4:14: message uses {value}, which ses-guard does not fill; use {path}, {actual}, {expected}, {region}, {accountId}, {ruleId}, {title}",
    ]);
  });

  it("an unknown key in a rule, with a suggestion", async () => {
    expect(
      await problems(rule("      path: SendingEnabled\n      equals: true\n", "    remedation: do it\n")),
    ).toEqual([
      'p.yaml:4:5: unknown key "remedation" in rules[0] (did you mean "remediation"?); allowed keys are id, title, severity, regions, when, check, message, remediation, docs',
    ]);
  });

  it("version: missing, unsupported, and an empty file", async () => {
    expect(await problems("rules: []\n")).toEqual([
      'p.yaml:1:1: the policy is missing required key "version"',
    ]);
    expect(await problems("version: 2\n")).toEqual([
      "p.yaml:1:10: unsupported policy version 2; this ses-guard reads version: 1",
    ]);
    expect(await problems('version: "1"\n')).toEqual([
      'p.yaml:1:10: unsupported policy version "1"; this ses-guard reads version: 1',
    ]);
    expect(await problems("")).toEqual(["p.yaml:1:1: file is empty; a policy starts with `version: 1`"]);
    expect(await problems("# nothing but a comment\n")).toEqual([
      "p.yaml:1:1: file is empty; a policy starts with `version: 1`",
    ]);
    expect(await problems("- version: 1\n")).toEqual([
      "p.yaml:1:1: a policy is a map that starts with `version: 1`",
    ]);
  });

  it("malformed YAML, and a key given twice", async () => {
    expect(
      await problems("version: 1\nrules:\n  - id: a\n    check: { path: SendingEnabled, equals: true\n"),
    ).toEqual([
      "p.yaml:5:1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }",
    ]);
    const [duplicate] = await problems("version: 1\nversion: 1\n");
    expect(duplicate).toMatch(/^p\.yaml:2:1: invalid YAML: Map keys must be unique/);
  });

  it("waivers: missing reason, missing expires, bad date, unquoted account id", async () => {
    const waiver = (body: string) =>
      `version: 1\nextends: [recommended]\nwaivers:\n  - rule: vdm-enabled\n${body}`;
    expect(await problems(waiver("    expires: 2030-01-01\n"))).toEqual([
      'p.yaml:4:5: waivers[0] is missing required key "reason"',
    ]);
    expect(await problems(waiver("    reason: rollout\n"))).toEqual([
      'p.yaml:4:5: waivers[0] is missing required key "expires"',
    ]);
    expect(await problems(waiver("    reason: rollout\n    expires: 31/03/2027\n"))).toEqual([
      'p.yaml:6:14: expires is "31/03/2027"; must be a date as YYYY-MM-DD',
    ]);
    expect(
      await problems(waiver("    accounts: [123456789012]\n    reason: rollout\n    expires: 2030-01-01\n")),
    ).toEqual([
      'p.yaml:5:16: waivers[0].accounts[0] must be a string, not number 123456789012; write account ids in quotes ("123456789012") so YAML keeps them as text',
    ]);
    expect(
      await problems(waiver('    accounts: ["12345"]\n    reason: rollout\n    expires: 2030-01-01\n')),
    ).toEqual([
      'p.yaml:5:16: "12345" is not an AWS account id: 12 digits, in quotes ("012345678901") so YAML keeps leading zeros',
    ]);
  });

  it("a YAML alias bomb is refused fast", async () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (const name of "bcdefghi") {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const started = performance.now();
    const found = await problems(`version: 1\n${levels.join("\n")}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(found).toEqual([
      "p.yaml:2:7: file expands to more than 20000 values (aliases repeat what they point at); refusing it as a resource-exhaustion risk",
    ]);
  });

  it("several problems in one file are all reported, in document order, in one run", async () => {
    const text = [
      "version: 1",
      "rules:",
      "  - id: a",
      "    severity: eror",
      "    check: { path: SendingEnabld, equals: true }",
      "  - id: B",
      "    check: { path: SendingEnabled, equal: true }",
      "overrides:",
      "  nope: { severity: notice }",
      "",
    ].join("\n");
    expect(await problems(text)).toEqual([
      'p.yaml:4:15: rules[0].severity is "eror"; must be one of error, warning, notice (did you mean "error"?)',
      'p.yaml:5:20: unknown path "SendingEnabld" (did you mean "SendingEnabled"?); paths are spelt as in GetAccountResponse (e.g. SuppressionAttributes.SuppressedReasons) or are computed facts ($quotaUsedPercent, $quotaUnlimited, $region, $accountId, $accountName, $reputation.bounceRatePercent, $reputation.complaintRatePercent, $accountTags.<Key>)',
      'p.yaml:6:9: "B" is not a valid rule id: use lower-case letters, digits and hyphens, starting with a letter or digit (at most 128 characters)',
      'p.yaml:7:36: unknown operator "equal" in rules[1].check (did you mean "equals"?); operators are equals, notEquals, in, notIn, contains, containsAll, containsAny, containsNone, exists, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, matches',
      'p.yaml:9:3: override names rule "nope", which does not exist here',
    ]);
  });
});

describe("the order problems are reported in", () => {
  it("is file by file, each top to bottom, whichever check found them", async () => {
    // The schema finds the missing reason (line 9) before the check compiler finds the unknown
    // path (line 5) and the loader the unknown override (line 7); the author reads them in order.
    const files = {
      "p.yaml": [
        "version: 1",
        "extends: [./base.yaml]",
        "rules:",
        "  - id: a",
        "    check: { path: SendingEnabld, equals: true }",
        "overrides:",
        "  nope: { enabled: false }",
        "waivers:",
        "  - rule: a",
        "    expires: 2030-01-01",
        "",
      ].join("\n"),
      "base.yaml":
        "version: 1\nrules:\n  - id: b\n    severity: fatal\n    check: { path: SendingEnabled, equals: true }\n",
    };
    const found = (await loadErrors(["p.yaml"], files)).map((d) => `${d.file}:${d.line}`);
    expect(found).toEqual(["p.yaml:5", "p.yaml:7", "p.yaml:9", "base.yaml:4"]);
  });
});
