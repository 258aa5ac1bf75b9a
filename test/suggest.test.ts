import { describe, expect, it } from "vitest";
import { didYouMean, suggest } from "../src/suggest.js";

describe("suggest", () => {
  it.each([
    ["ENABLD", ["ENABLED", "DISABLED"], "ENABLED"],
    ["equal", ["equals", "notEquals", "in"], "equals"],
    [
      "SendQuota.Max24HourSent",
      ["SendQuota.Max24HourSend", "SendQuota.SentLast24Hours"],
      "SendQuota.Max24HourSend",
    ],
    ["recomended", ["recommended", "strict"], "recommended"],
    ["warn", ["error", "warning", "notice"], "warning"],
    ["recommend", ["recommended", "strict"], "recommended"],
    ["x", ["error", "warning", "notice"], undefined],
    ["banana", ["error", "warning", "notice"], undefined],
  ])("%s → %s", (input, candidates, expected) => {
    expect(suggest(input, candidates)).toBe(expected);
  });

  it("does not suggest an abbreviation that names several candidates", () => {
    expect(suggest("vdm", ["vdm-enabled", "vdm-engagement-metrics"])).toBeUndefined();
  });

  it("accepts a one-shot iterator (Map keys) and still finds prefixes", () => {
    const rules = new Map([
      ["quota-headroom", 1],
      ["vdm-enabled", 2],
    ]);
    expect(suggest("quota", rules.keys())).toBe("quota-headroom");
  });

  it("formats the hint", () => {
    expect(didYouMean("warn", ["error", "warning"])).toBe(' (did you mean "warning"?)');
    expect(didYouMean("zzz", ["error", "warning"])).toBe("");
  });
});
