/**
 * DeliveryAttributes.SharedPoolDeliveryMode, a member of GetAccountResponse in the installed SDK,
 * is checked against its enum when a policy loads, like every other enum of the model.
 */
import { describe, expect, it } from "vitest";
import { readPolicyFile } from "../../src/policy/policy-file.js";

const policy = (value: string) =>
  `version: 1\nrules:\n  - id: regional-delivery\n    check: { path: DeliveryAttributes.SharedPoolDeliveryMode, equals: ${value} }\n`;

describe("DeliveryAttributes.SharedPoolDeliveryMode", () => {
  it("accepts GLOBAL and REGIONAL", async () => {
    for (const value of ["GLOBAL", "REGIONAL"])
      expect((await readPolicyFile("p.yaml", policy(value))).diagnostics).toEqual([]);
  });

  it("refuses a value outside the enum, with a suggestion", async () => {
    const { diagnostics } = await readPolicyFile("p.yaml", policy("REGIONL"));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toContain('"REGIONL"');
    expect(diagnostics[0]?.message).toContain("REGIONAL");
  });
});
