/**
 * A result whose rule's `when` could not be decided carries that in the JSON report (against its
 * schema) and in SARIF's result properties, beside the message that says so.
 */
import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/report/json.js";
import { buildSarif } from "../../src/report/sarif.js";
import { reportSchemaErrors } from "../hardening/report-schema.js";
import { contextOf, recommendedRules, reportOf, resultOf } from "./sample-reports.js";

describe("whenUnknown in reports", () => {
  it("is valid JSON report data and a SARIF result property", () => {
    const rules = recommendedRules();
    const rule = rules[0];
    if (!rule) throw new Error("no rule");
    const target = { region: "us-east-1", accountId: "123456789012" };
    const report = reportOf(
      [{ ...target, status: "ok" }],
      [
        resultOf(rule, target, "fail", "SendingEnabled is false (its when condition could not be decided)", {
          whenUnknown: true,
        }),
      ],
    );
    // What the JSON format writes, not only the object given to it: the flag is kept, and valid.
    const written = JSON.parse(formatJson(report, contextOf(rules)));
    expect(written.results[0]?.whenUnknown).toBe(true);
    expect(reportSchemaErrors(written)).toEqual([]);
    const sarif = buildSarif(report, contextOf(rules)) as unknown as {
      runs: { results: { properties: Record<string, unknown> }[] }[];
    };
    expect(sarif.runs[0]?.results[0]?.properties.whenUnknown).toBe(true);
  });
});
