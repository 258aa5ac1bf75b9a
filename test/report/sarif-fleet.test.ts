/**
 * SARIF at fleet scale: at most 25,000 results in the run (GitHub's limit), the most severe kept
 * and the rest counted in a notification, and an automation id whose category differs by what the
 * run covered (a shard, one account, the fleet), so separate uploads never share one.
 */
import { describe, expect, it } from "vitest";
import { buildSarif, createSarifFormatter, formatSarif, MAX_SARIF_RESULTS } from "../../src/report/sarif.js";
import { sarifAutomationId } from "../../src/report/sarif-category.js";
import { fleetReport } from "./fleet-report.js";
import { contextOf, fixtureReport, recommendedRules, reportOf } from "./sample-reports.js";
import { sarifSchemaValidator } from "./sarif-validators.js";

interface Run {
  results: Array<{ level: string; ruleId: string }>;
  invocations: Array<{ toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
  automationDetails: { id: string };
}

describe("SARIF at fleet scale", () => {
  it("keeps 25,000 results of 1,000 accounts × 17 Regions, most severe first, and counts the rest", () => {
    const { report, context } = fleetReport({ failEvery: 1, warnEvery: 1, warnAllRegions: true });
    const reportable = report.results.filter((r) => r.status !== "pass" && r.status !== "skipped").length;
    expect(reportable).toBeGreaterThan(MAX_SARIF_RESULTS);
    const text = formatSarif(report, context);
    const log = JSON.parse(text) as { runs: Run[] };
    expect(sarifSchemaValidator()(log)).toEqual([]);
    const run = log.runs[0] as Run;
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS);
    // Errors (unreadable targets' rules and the error-severity failures) all come before any warning.
    const firstWarning = run.results.findIndex((r) => r.level === "warning");
    const errorCount = report.results.filter(
      (r) => r.status === "error" || (r.status === "fail" && r.severity === "error"),
    ).length;
    expect(firstWarning).toBe(errorCount);
    const [cut] = run.invocations[0]?.toolExecutionNotifications ?? [];
    expect(cut?.level).toBe("warning");
    expect(cut?.message.text).toBe(
      `${reportable - MAX_SARIF_RESULTS} of ${reportable} results are not in this run: GitHub code scanning ` +
        `accepts at most ${MAX_SARIF_RESULTS} results per run. The most severe were kept; every result is in ` +
        "the JSON report (--format json).",
    );
    expect(run.automationDetails.id).toBe("ses-guard/fleet/");
  });

  it("adds no notification when every result fits", () => {
    const { report, context } = fleetReport();
    const run = buildSarif(report, context).runs[0] as unknown as Run;
    expect(
      run.invocations[0]?.toolExecutionNotifications.some((n) => n.message.text.includes("not in this run")),
    ).toBe(false);
  });
});

describe("SARIF automation id", () => {
  it("names the shard, the single account or the fleet, so categories never collide", () => {
    const { report } = fleetReport({ accounts: 3, regions: ["us-east-1"] });
    expect(sarifAutomationId(report)).toBe("ses-guard/fleet/");
    expect(sarifAutomationId({ ...report, shard: { index: 2, count: 8 } })).toBe("ses-guard/shard-2-of-8/");
    const one = reportOf(report.targets.slice(0, 1), report.results.slice(0, 6));
    expect(sarifAutomationId(one)).toBe("ses-guard/account-100000000000/");
    expect(sarifAutomationId(one, "ses-guard/deploy/audit")).toBe(
      "ses-guard/deploy/audit/account-100000000000/",
    );
  });

  it("is set on every run, and the caller's id wins", () => {
    const { report, context } = fixtureReport();
    const run = buildSarif(report, context).runs[0] as unknown as Run;
    expect(run.automationDetails.id).toBe("ses-guard/fleet/");
    const prefixed = buildSarif(report, { ...contextOf(recommendedRules()), sarifCategoryPrefix: "x/y" })
      .runs[0];
    expect((prefixed as unknown as Run).automationDetails.id).toBe("x/y/fleet/");
    const given = createSarifFormatter({ automationId: "a/b/" })(report, contextOf(recommendedRules()));
    expect((JSON.parse(given) as { runs: Run[] }).runs[0]?.automationDetails.id).toBe("a/b/");
  });
});
