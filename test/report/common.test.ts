/** The helpers every report format words counts and names targets with. */
import { describe, expect, it } from "vitest";
import { accountLabel, plural, targetKey, targetLabel } from "../../src/report/common.js";

describe("report common helpers", () => {
  it("plural words a count with its noun, taking an irregular plural when given", () => {
    expect(plural(1, "target")).toBe("1 target");
    expect(plural(0, "target")).toBe("0 targets");
    expect(plural(2, "rule was", "rules were")).toBe("2 rules were");
    expect(plural(1, "rule was", "rules were")).toBe("1 rule was");
  });

  it("targetKey tells apart targets that differ in Region or account, and an unknown account", () => {
    const keys = new Set([
      targetKey({ region: "us-east-1", accountId: "111111111111" }),
      targetKey({ region: "us-east-1", accountId: "222222222222" }),
      targetKey({ region: "eu-west-1", accountId: "111111111111" }),
      targetKey({ region: "us-east-1", accountId: null }),
    ]);
    expect(keys.size).toBe(4);
  });

  it("accountLabel marks an unknown account the way targetLabel does", () => {
    expect(accountLabel(null)).toBe("account unknown");
    expect(accountLabel("123456789012")).toBe("123456789012");
    expect(targetLabel({ region: "us-east-1", accountId: null })).toBe(`us-east-1 ${accountLabel(null)}`);
  });
});
