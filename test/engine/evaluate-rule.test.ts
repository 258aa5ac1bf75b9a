/**
 * One rule on one target: region globs, waivers (scope, expiry through the end of the day UTC),
 * rules disabled by an override, message templates, generated messages, and targets that could
 * not be read.
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicy, evaluateRule } from "../../src/engine/evaluate.js";
import { matchesAnyGlob, matchesGlob } from "../../src/engine/glob.js";
import { renderTemplate, unknownPlaceholders } from "../../src/engine/message-template.js";
import { findWaiver } from "../../src/engine/waivers.js";
import type { TargetData } from "../../src/types.js";
import { leaf, okTarget, rule, waiver } from "./fixtures.js";

const reasons = "SuppressionAttributes.SuppressedReasons";
const bounceOnly = { SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] } };
const suppression = leaf(reasons, "containsAll", ["BOUNCE", "COMPLAINT"]);
const generated = `${reasons} is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)`;
const today = "2026-05-01";

describe("region globs", () => {
  it.each([
    ["us-east-1", "us-east-1", true],
    ["us-east-1", "us-east-2", false],
    ["eu-*", "eu-west-1", true],
    ["eu-*", "us-east-1", false],
    ["*-west-?", "eu-west-2", true],
    ["*-west-?", "eu-west-10", false],
    ["*", "ap-south-1", true],
    ["ap-*-1", "ap-southeast-1", true],
    ["ap-*-1", "ap-southeast-2", false],
    ["eu-[a-z]*", "eu-west-1", false],
  ])("%s against %s is %s", (pattern, region, expected) => {
    expect(matchesGlob(pattern, region)).toBe(expected);
  });

  it("a hostile pattern does not backtrack exponentially", () => {
    const started = performance.now();
    expect(matchesGlob(`${"*a".repeat(30)}b`, "a".repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("skips a rule outside its regions and evaluates it inside", () => {
    const scoped = rule(suppression, { regions: ["eu-*", "us-west-2"] });
    expect(evaluateRule(scoped, okTarget(bounceOnly, "us-east-1"), [], today)).toMatchObject({
      status: "skipped",
      message: "applies only to regions eu-*, us-west-2",
    });
    expect(evaluateRule(scoped, okTarget(bounceOnly, "eu-central-1"), [], today)).toMatchObject({
      status: "fail",
      message: generated,
    });
    expect(evaluateRule(scoped, okTarget(bounceOnly, "us-west-2"), [], today).status).toBe("fail");
    expect(matchesAnyGlob(["eu-*", "us-west-2"], "us-west-1")).toBe(false);
  });

  it("evaluates a region-scoped rule when the region is unknown, and says so", () => {
    const scoped = rule(suppression, { regions: ["eu-*"] });
    const result = evaluateRule(scoped, okTarget(bounceOnly, "unknown"), [], today);
    expect(result.status).toBe("fail");
    expect(result.regionUnknown).toBe(true);
    expect(result.message).toBe(
      `${generated} (the target's region is unknown, so the region filter was not applied)`,
    );
    const passing = evaluateRule(
      scoped,
      okTarget({ SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] } }, "unknown"),
      [],
      today,
    );
    expect(passing).toMatchObject({ status: "pass", regionUnknown: true });
    expect(evaluateRule(rule(suppression), okTarget(bounceOnly, "unknown"), [], today)).not.toHaveProperty(
      "regionUnknown",
    );
  });
});

describe("waivers", () => {
  it("a live waiver turns a failure into waived, keeping the finding and naming the reason", () => {
    const result = evaluateRule(rule(suppression), okTarget(bounceOnly), [waiver()], today);
    expect(result.status).toBe("waived");
    expect(result.message).toBe(`${generated} (waived until 2030-06-30: accepted until the migration)`);
    expect(result.waiver).toEqual({
      reason: "accepted until the migration",
      expires: "2030-06-30",
      expired: false,
      file: "policy.yaml",
      line: 20,
    });
  });

  it("does not touch a passing rule", () => {
    const ok = okTarget({ SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] } });
    const result = evaluateRule(rule(suppression), ok, [waiver()], today);
    expect(result.status).toBe("pass");
    expect(result).not.toHaveProperty("waiver");
  });

  it("applies only to its own rule", () => {
    const result = evaluateRule(
      rule(suppression),
      okTarget(bounceOnly),
      [waiver({ rule: "other-rule" })],
      today,
    );
    expect(result.status).toBe("fail");
  });

  it("applies through the end of its expiry day (UTC) and not a day later", () => {
    const w = waiver({ expires: "2026-05-01" });
    const onTheDay = evaluateRule(rule(suppression), okTarget(bounceOnly), [w], "2026-05-01");
    expect(onTheDay.status).toBe("waived");
    const dayAfter = evaluateRule(rule(suppression), okTarget(bounceOnly), [w], "2026-05-02");
    expect(dayAfter.status).toBe("fail");
    expect(dayAfter.message).toBe(
      `${generated} (a waiver expired on 2026-05-01: accepted until the migration)`,
    );
    expect(dayAfter.waiver).toMatchObject({ expired: true, expires: "2026-05-01" });
    // Across a month and a year boundary, string order must still be date order.
    const onUsEast = { region: "us-east-1", accountId: null, account: {} };
    expect(
      findWaiver([waiver({ expires: "2026-12-31" })], "test-rule", onUsEast, "2027-01-01"),
    ).toMatchObject({
      expired: true,
    });
    expect(
      findWaiver([waiver({ expires: "2026-09-30" })], "test-rule", onUsEast, "2026-10-01"),
    ).toMatchObject({
      expired: true,
    });
  });

  it("an expired waiver never hides a failure, and a live one wins over an expired one", () => {
    const expired = waiver({ expires: "2026-01-31", reason: "old" });
    const live = waiver({ expires: "2026-12-31", reason: "new" });
    expect(evaluateRule(rule(suppression), okTarget(bounceOnly), [expired, live], today)).toMatchObject({
      status: "waived",
      waiver: { reason: "new", expired: false },
    });
    expect(evaluateRule(rule(suppression), okTarget(bounceOnly), [live, expired], today).status).toBe(
      "waived",
    );
  });

  it("scoped to regions: applies in a matching region only", () => {
    const w = waiver({ regions: ["ap-*"] });
    expect(evaluateRule(rule(suppression), okTarget(bounceOnly, "ap-south-1"), [w], today).status).toBe(
      "waived",
    );
    expect(evaluateRule(rule(suppression), okTarget(bounceOnly, "us-east-1"), [w], today).status).toBe(
      "fail",
    );
    // An exception must name what it excuses: an unknown region is not covered.
    expect(evaluateRule(rule(suppression), okTarget(bounceOnly, "unknown"), [w], today).status).toBe("fail");
  });

  it("scoped to accounts: applies to a listed account only, never to an unknown account id", () => {
    const w = waiver({ accounts: ["123456789012"] });
    expect(
      evaluateRule(rule(suppression), okTarget(bounceOnly, "us-east-1", "123456789012"), [w], today).status,
    ).toBe("waived");
    expect(
      evaluateRule(rule(suppression), okTarget(bounceOnly, "us-east-1", "210987654321"), [w], today).status,
    ).toBe("fail");
    expect(evaluateRule(rule(suppression), okTarget(bounceOnly, "us-east-1", null), [w], today).status).toBe(
      "fail",
    );
    // An unscoped waiver covers an unknown account and region alike.
    expect(
      evaluateRule(rule(suppression), okTarget(bounceOnly, "unknown", null), [waiver()], today).status,
    ).toBe("waived");
  });

  it("does not apply to a target that could not be read", () => {
    const target: TargetData = {
      region: "us-east-1",
      accountId: "123456789012",
      status: "error",
      error: { code: "aws/access-denied", message: "AccessDenied" },
    };
    expect(evaluateRule(rule(suppression), target, [waiver()], today)).toMatchObject({
      status: "error",
      message: "not evaluated: us-east-1 could not be read: AccessDenied",
    });
  });
});

describe("overrides and severities", () => {
  it("a rule disabled by an override is skipped, whatever the data", () => {
    const result = evaluateRule(rule(suppression, { enabled: false }), okTarget(bounceOnly), [], today);
    expect(result).toMatchObject({ status: "skipped", message: "disabled by an override" });
  });

  it("a result carries the rule's (overridden) severity, title, remediation, docs and source", () => {
    const result = evaluateRule(
      rule(suppression, { severity: "notice", via: { file: ".ses-guard.yaml", line: 2, column: 11 } }),
      okTarget(bounceOnly),
      [],
      today,
    );
    expect(result).toEqual({
      ruleId: "test-rule",
      title: "A test rule",
      severity: "notice",
      status: "fail",
      region: "us-east-1",
      accountId: "123456789012",
      message: generated,
      path: reasons,
      actual: ["BOUNCE"],
      expected: ["BOUNCE", "COMPLAINT"],
      policy: {
        file: "policy.yaml",
        line: 3,
        column: 5,
        via: { file: ".ses-guard.yaml", line: 2, column: 11 },
      },
      remediation: "aws sesv2 put-something",
      docs: "https://docs.example.com/rule",
    });
  });
});

describe("messages", () => {
  it("fills a template with the decisive leaf, the target and the rule", () => {
    const template =
      "{ruleId} ({title}) in {region}/{accountId}: {path} is {actual}; must include {expected}";
    const result = evaluateRule(rule(suppression, { message: template }), okTarget(bounceOnly), [], today);
    expect(result.message).toBe(
      `test-rule (A test rule) in us-east-1/123456789012: ${reasons} is [BOUNCE]; must include [BOUNCE, COMPLAINT]`,
    );
  });

  it("fills {accountId} with `unknown` when it is", () => {
    const result = evaluateRule(
      rule(suppression, { message: "{accountId}: {path} is {actual}" }),
      okTarget(bounceOnly, "us-east-1", null),
      [],
      today,
    );
    expect(result.message).toBe(`unknown: ${reasons} is [BOUNCE]`);
  });

  it("keeps the generated message when the value is missing or of the wrong type: a template describes a value read", () => {
    const quota = rule(leaf("$quotaUsedPercent", "lessThan", 80), {
      message: "{actual}% of the 24-hour sending quota is used; must be less than {expected}%",
    });
    expect(evaluateRule(quota, okTarget({}), [], today)).toMatchObject({
      status: "fail",
      message: "$quotaUsedPercent is not set; must be less than 80",
    });
    const misread = okTarget({ SendQuota: { Max24HourSend: "50000", SentLast24Hours: 5 } });
    expect(evaluateRule(quota, misread, [], today)).toMatchObject({
      status: "fail",
      message:
        '$quotaUsedPercent is "50000" (SendQuota.Max24HourSend is a string where the model has a number); must be less than 80',
    });
    const read = okTarget({ SendQuota: { Max24HourSend: 100, SentLast24Hours: 90 } });
    expect(evaluateRule(quota, read, [], today).message).toBe(
      "90% of the 24-hour sending quota is used; must be less than 80%",
    );
  });

  it("keeps the generated message for a passing rule even with a template", () => {
    const ok = okTarget({ SuppressionAttributes: { SuppressedReasons: ["COMPLAINT", "BOUNCE"] } });
    const result = evaluateRule(rule(suppression, { message: "custom {actual}" }), ok, [], today);
    expect(result).toMatchObject({ status: "pass", message: `${reasons} is [COMPLAINT, BOUNCE]` });
  });

  it("a template still gets the waiver note, so the report says why a failure is accepted", () => {
    const result = evaluateRule(
      rule(suppression, { message: "custom" }),
      okTarget(bounceOnly),
      [waiver()],
      today,
    );
    expect(result.message).toBe("custom (waived until 2030-06-30: accepted until the migration)");
  });

  it("placeholders: unknown names are found at load time and left alone when rendering", () => {
    expect(unknownPlaceholders("{path} {actaul} {expected} {Region}")).toEqual(["actaul", "Region"]);
    const values = {
      path: "P",
      actual: "A",
      expected: "E",
      region: "R",
      accountId: "I",
      ruleId: "D",
      title: "T",
    };
    expect(renderTemplate("{path}={actual} {nope} {{path}}", values)).toBe("P=A {nope} {P}");
  });

  it("values from the account are shown on one line with control characters escaped", () => {
    const result = evaluateRule(
      rule(leaf("EnforcementStatus", "equals", "HEALTHY")),
      okTarget({ EnforcementStatus: "BAD\n\u001b[2JSTATUS" }),
      [],
      today,
    );
    expect(result.message).toBe('EnforcementStatus is "BAD\\n\\u001b[2JSTATUS"; must equal HEALTHY');
    expect(result.message).not.toMatch(/[\n\u001b]/);
  });
});

describe("evaluatePolicy", () => {
  it("evaluates every rule on every target, counts statuses and sets the exit code", () => {
    const policy = {
      rules: [
        rule(suppression),
        rule(leaf("SendingEnabled", "equals", true), { id: "sending", severity: "warning" as const }),
        rule(leaf("SendingEnabled", "exists", true), { id: "off", enabled: false }),
      ],
      waivers: [waiver({ regions: ["eu-*"] })],
      files: ["policy.yaml"],
    };
    const targets: TargetData[] = [
      okTarget({ ...bounceOnly, SendingEnabled: true }, "us-east-1"),
      okTarget({ ...bounceOnly, SendingEnabled: false }, "eu-west-1"),
      {
        region: "ap-south-1",
        accountId: "123456789012",
        status: "skipped",
        notice: "opt-in region not enabled",
      },
    ];
    const report = evaluatePolicy(policy, targets, { today, failOn: "error", toolVersion: "9.9.9" });
    expect(report.tool).toEqual({ name: "ses-guard", version: "9.9.9" });
    expect(report.results.map((r) => `${r.region} ${r.ruleId} ${r.status}`)).toEqual([
      "us-east-1 test-rule fail",
      "us-east-1 sending pass",
      "us-east-1 off skipped",
      "eu-west-1 test-rule waived",
      "eu-west-1 sending fail",
      "eu-west-1 off skipped",
      "ap-south-1 test-rule skipped",
      "ap-south-1 sending skipped",
      "ap-south-1 off skipped",
    ]);
    expect(report.summary).toEqual({ pass: 1, fail: 2, error: 0, waived: 1, skipped: 5, exitCode: 1 });
    expect(report.targets[2]).toEqual({
      region: "ap-south-1",
      accountId: "123456789012",
      status: "skipped",
      notice: "opt-in region not enabled",
    });
    expect(report.results[6]?.message).toBe("not evaluated: opt-in region not enabled");
    // Without us-east-1, the only failure left is eu-west-1's warning: it fails at --fail-on warning only.
    expect(
      evaluatePolicy(policy, targets.slice(1), { today, failOn: "error", toolVersion: "x" }).summary.exitCode,
    ).toBe(0);
    expect(
      evaluatePolicy(policy, targets.slice(1), { today, failOn: "warning", toolVersion: "x" }).summary
        .exitCode,
    ).toBe(1);
  });
});
