/** Computed facts: `$quotaUsedPercent`, `$quotaUnlimited`, `$region`, `$accountId` (README.md, "Paths and computed facts"). */
import { describe, expect, it } from "vitest";
import { evaluateRule } from "../../src/engine/evaluate.js";
import { evaluateCheck } from "../../src/engine/evaluate-check.js";
import { lookup } from "../../src/engine/facts.js";
import { evaluationTarget, leaf, okTarget, rule } from "./fixtures.js";

const quota = (SendQuota: Record<string, unknown>) => evaluationTarget({ SendQuota });

describe("$quotaUsedPercent", () => {
  it.each([
    ["a normal quota", { Max24HourSend: 50000, SentLast24Hours: 44120 }, 88.24],
    ["nothing sent", { Max24HourSend: 200, SentLast24Hours: 0 }, 0],
    ["the whole quota sent", { Max24HourSend: 200, SentLast24Hours: 200 }, 100],
    ["an unlimited quota (-1), however much was sent", { Max24HourSend: -1, SentLast24Hours: 4200000 }, 0],
    ["a quota of 0 (nothing more can be sent)", { Max24HourSend: 0, SentLast24Hours: 0 }, 100],
  ])("is computed for %s", (_name, sendQuota, expected) => {
    const found = lookup(quota(sendQuota), "$quotaUsedPercent");
    expect(found.state).toBe("present");
    expect(found.state === "present" && found.value).toBeCloseTo(expected, 10);
  });

  it.each([
    ["Max24HourSend", { SentLast24Hours: 10 }],
    ["SentLast24Hours", { Max24HourSend: 10 }],
  ])("is absent when %s is absent", (_member, sendQuota) => {
    expect(lookup(quota(sendQuota), "$quotaUsedPercent")).toEqual({ state: "absent" });
    expect(lookup(evaluationTarget({}), "$quotaUsedPercent")).toEqual({ state: "absent" });
    const outcome = evaluateCheck(leaf("$quotaUsedPercent", "lessThan", 80), quota(sendQuota));
    expect(outcome).toMatchObject({
      truth: "unknown",
      message: "$quotaUsedPercent is not set; must be less than 80",
    });
  });

  it("is of the wrong type when a member is, and says which member", () => {
    const found = lookup(quota({ Max24HourSend: "50000", SentLast24Hours: 10 }), "$quotaUsedPercent");
    expect(found).toMatchObject({
      state: "wrongType",
      problem: "SendQuota.Max24HourSend is a string where the model has a number",
    });
    const outcome = evaluateCheck(
      leaf("$quotaUsedPercent", "lessThan", 80),
      quota({ Max24HourSend: 100, SentLast24Hours: true }),
    );
    expect(outcome.truth).toBe("unknown");
    expect(outcome.message).toBe(
      "$quotaUsedPercent is true (SendQuota.SentLast24Hours is a boolean where the model has a number); must be less than 80",
    );
  });

  it("refuses a negative quota other than -1 instead of computing a meaningless percentage", () => {
    const found = lookup(quota({ Max24HourSend: -5, SentLast24Hours: 10 }), "$quotaUsedPercent");
    expect(found.state).toBe("wrongType");
  });

  it("drives the recommended quota-headroom rule with its message template", () => {
    const check = leaf("$quotaUsedPercent", "lessThan", 80);
    const template = "{actual}% of the 24-hour sending quota is used; must be less than {expected}%";
    const result = evaluateRule(
      rule(check, { message: template }),
      okTarget({ SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 44120 } }),
      [],
      "2026-01-01",
    );
    expect(result).toMatchObject({
      status: "fail",
      path: "$quotaUsedPercent",
      message: "88.24% of the 24-hour sending quota is used; must be less than 80%",
    });
  });
});

describe("$quotaUnlimited", () => {
  it.each([
    [-1, true],
    [0, false],
    [50000, false],
  ])("Max24HourSend %d gives %s", (max, expected) => {
    expect(lookup(quota({ Max24HourSend: max }), "$quotaUnlimited")).toEqual({
      state: "present",
      value: expected,
    });
  });

  it("is absent when Max24HourSend is absent, and of the wrong type when it is", () => {
    expect(lookup(quota({ SentLast24Hours: 1 }), "$quotaUnlimited")).toEqual({ state: "absent" });
    expect(lookup(quota({ Max24HourSend: "-1" }), "$quotaUnlimited").state).toBe("wrongType");
    expect(evaluateCheck(leaf("$quotaUnlimited", "equals", false), quota({})).truth).toBe("unknown");
  });
});

describe("$region and $accountId", () => {
  it("$region is the target's region, and absent when the region is unknown", () => {
    expect(lookup(evaluationTarget({}, "eu-west-1"), "$region")).toEqual({
      state: "present",
      value: "eu-west-1",
    });
    expect(lookup(evaluationTarget({}, "unknown"), "$region")).toEqual({ state: "absent" });
    const outcome = evaluateCheck(leaf("$region", "notEquals", "us-east-1"), evaluationTarget({}, "unknown"));
    expect(outcome).toMatchObject({
      truth: "unknown",
      message: "$region is not set; must not equal us-east-1",
    });
  });

  it("$accountId is the account id, and absent when it is unknown (null)", () => {
    expect(lookup(evaluationTarget({}, "us-east-1", "123456789012"), "$accountId")).toEqual({
      state: "present",
      value: "123456789012",
    });
    expect(lookup(evaluationTarget({}, "us-east-1", null), "$accountId")).toEqual({ state: "absent" });
    const check = leaf("$accountId", "notIn", ["000000000000"]);
    expect(evaluateCheck(check, evaluationTarget({}, "us-east-1", null)).truth).toBe("unknown");
    expect(evaluateCheck(check, evaluationTarget({}, "us-east-1", "123456789012")).truth).toBe("true");
  });

  it("facts are not read from account data that happens to use the same name", () => {
    const target = evaluationTarget({ $region: "eu-west-1", $accountId: "999999999999" }, "us-east-1", null);
    expect(lookup(target, "$region")).toEqual({ state: "present", value: "us-east-1" });
    expect(lookup(target, "$accountId")).toEqual({ state: "absent" });
  });
});
