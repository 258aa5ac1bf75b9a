import { describe, expect, it } from "vitest";
import { formatSarif } from "../../src/report/sarif.js";
import { fixtureReport, hostileReport, passingReport } from "./sample-reports.js";
import { runMultitool } from "./sarif-validators.js";

describe("SARIF Multitool validation (GitHub and SARIF rules)", () => {
  it.each([
    ["the fixture run", fixtureReport],
    ["a clean run", passingReport],
    ["a run full of hostile strings", hostileReport],
  ])("finds no error or warning in %s", async (_name, build) => {
    const { report, context } = build();
    const findings = await runMultitool(formatSarif(report, context));
    const serious = findings.filter((f) => f.level === "error" || f.level === "warning");
    expect(serious).toEqual([]);
  });

  it("the harness is real: it reports an inconsistent log as an error", async () => {
    const { report, context } = fixtureReport();
    const log = JSON.parse(formatSarif(report, context)) as {
      runs: Array<{
        results: Array<{ ruleIndex: number; locations: Array<{ physicalLocation: { region: object } }> }>;
      }>;
    };
    const result = log.runs[0]?.results[0];
    if (!result) throw new Error("fixture has no results");
    result.ruleIndex = 99;
    const findings = await runMultitool(JSON.stringify(log));
    expect(findings.filter((f) => f.level === "error").map((f) => f.ruleId)).toContain("SARIF1009");
  });
});
