/**
 * `when:` on rules and waivers, and the account facts it is mostly written with: a rule is skipped
 * only where its condition is false, evaluated (and says so) where the condition is unknown; a
 * waiver with a condition applies only where the condition is true.
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicy, evaluateRule } from "../../src/engine/evaluate.js";
import { lookup } from "../../src/engine/facts.js";
import type { TargetData } from "../../src/types.js";
import { leaf, okTarget, rule, waiver } from "./fixtures.js";

const today = "2026-05-01";
const bounceOnly = { SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] } };
const suppression = leaf("SuppressionAttributes.SuppressedReasons", "containsAll", ["BOUNCE", "COMPLAINT"]);
const prodOnly = leaf("$accountTags.env", "equals", "prod");

function tagged(tags: Record<string, string> | undefined, name?: string): TargetData {
  const target = okTarget(bounceOnly);
  if (tags) target.accountTags = tags;
  if (name) target.accountName = name;
  return target;
}

describe("account facts", () => {
  it("$accountName and $accountTags.<Key> come from the target, and are absent when not known", () => {
    const data = {
      region: "us-east-1",
      accountId: "111111111111",
      account: {},
      accountName: "mail-prod",
      accountTags: { env: "prod", "cost.centre": "42" },
    };
    expect(lookup(data, "$accountName")).toEqual({ state: "present", value: "mail-prod" });
    expect(lookup(data, "$accountTags.env")).toEqual({ state: "present", value: "prod" });
    // A tag key may hold dots: everything after the prefix is the key.
    expect(lookup(data, "$accountTags.cost.centre")).toEqual({ state: "present", value: "42" });
    expect(lookup(data, "$accountTags.team").state).toBe("absent");
    expect(lookup(data, "$accountTags.toString").state).toBe("absent");
    const bare = { region: "us-east-1", accountId: null, account: {} };
    expect(lookup(bare, "$accountName").state).toBe("absent");
    expect(lookup(bare, "$accountTags.env").state).toBe("absent");
  });
});

describe("when on a rule", () => {
  const gated = rule(suppression, { when: prodOnly });

  it("is evaluated where the condition is true", () => {
    const result = evaluateRule(gated, tagged({ env: "prod" }), [], today);
    expect(result.status).toBe("fail");
    expect(result.whenUnknown).toBeUndefined();
    expect(result.message).not.toContain("when");
  });

  it("is skipped where the condition is false, with the reason", () => {
    expect(evaluateRule(gated, tagged({ env: "staging" }), [], today)).toMatchObject({
      status: "skipped",
      message:
        "does not apply here: its when condition is false ($accountTags.env is staging; must equal prod)",
    });
  });

  it("is evaluated where the condition is unknown, and the result says so", () => {
    const failing = evaluateRule(gated, tagged(undefined), [], today);
    expect(failing.status).toBe("fail");
    expect(failing.whenUnknown).toBe(true);
    expect(failing.message).toContain(
      "(its when condition could not be decided, so the rule was evaluated: $accountTags.env is not set; must equal prod)",
    );
    const passing = evaluateRule(
      gated,
      { ...okTarget({ SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] } }) },
      [],
      today,
    );
    expect(passing.status).toBe("pass");
    expect(passing.whenUnknown).toBe(true);
    expect(passing.message).toContain("its when condition could not be decided");
  });

  it("can use the account data itself, with exists deciding even on absent data", () => {
    const marketing = rule(leaf("VdmAttributes.VdmEnabled", "equals", "ENABLED"), {
      when: leaf("Details.MailType", "equals", "MARKETING"),
    });
    const transactional = okTarget({ Details: { MailType: "TRANSACTIONAL" } });
    expect(evaluateRule(marketing, transactional, [], today).status).toBe("skipped");
    expect(evaluateRule(marketing, okTarget({ Details: { MailType: "MARKETING" } }), [], today).status).toBe(
      "fail",
    );
    const whenSet = rule(suppression, { when: leaf("$accountName", "exists", true) });
    expect(evaluateRule(whenSet, tagged(undefined), [], today).status).toBe("skipped");
    expect(evaluateRule(whenSet, tagged(undefined, "mail-prod"), [], today).status).toBe("fail");
  });

  it("a disabled rule and an unreadable target keep their own outcome", () => {
    expect(evaluateRule({ ...gated, enabled: false }, tagged({ env: "staging" }), [], today).message).toBe(
      "disabled by an override",
    );
    const unreadable: TargetData = { region: "us-east-1", accountId: null, status: "error" };
    expect(evaluateRule(gated, unreadable, [], today).status).toBe("error");
  });

  it("counts skipped results in the summary and keeps the exit code of the rest", () => {
    const report = evaluatePolicy(
      { rules: [gated], waivers: [], files: [] },
      [tagged({ env: "staging" }), tagged({ env: "prod" })],
      { today, failOn: "error", toolVersion: "0.0.0" },
    );
    expect(report.summary).toMatchObject({ skipped: 1, fail: 1, exitCode: 1 });
  });
});

describe("when on a waiver", () => {
  const failing = rule(suppression);
  const prodWaiver = waiver({ when: prodOnly });

  it("applies where its condition is true", () => {
    expect(evaluateRule(failing, tagged({ env: "prod" }), [prodWaiver], today).status).toBe("waived");
  });

  it("does not apply where its condition is false or unknown: an exception must be seen to hold", () => {
    expect(evaluateRule(failing, tagged({ env: "staging" }), [prodWaiver], today).status).toBe("fail");
    const unknown = evaluateRule(failing, tagged(undefined), [prodWaiver], today);
    expect(unknown.status).toBe("fail");
    expect(unknown.waiver).toBeUndefined();
  });

  it("a waiver without a condition still applies beside one whose condition is false", () => {
    const plain = waiver({ reason: "everyone", expires: "2026-12-31" });
    const result = evaluateRule(failing, tagged({ env: "staging" }), [prodWaiver, plain], today);
    expect(result).toMatchObject({ status: "waived", waiver: { reason: "everyone" } });
  });
});
