/**
 * How a GetMetricData answer becomes the `$reputation.*` facts, as pure data: the latest datapoint
 * within 24 hours, ratios as percentages without floating-point noise at the thresholds, and
 * answers that are not metric data refused rather than read as "no datapoint".
 */
import { describe, expect, it } from "vitest";
import {
  foldPage,
  REPUTATION_WINDOW_MS,
  ratioToPercent,
  reputationFacts,
  reputationQuery,
  wantsAnotherPage,
} from "../../src/aws/reputation-query.js";

const now = new Date("2026-06-01T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const result = (Id: string, points: [Date, number][], StatusCode = "Complete") => ({
  Id,
  Timestamps: points.map(([at]) => at),
  Values: points.map(([, v]) => v),
  StatusCode,
});

describe("ratio to percent", () => {
  it.each([
    [0.05, 5],
    [0.02, 2],
    [0.001, 0.1],
    [0.0005, 0.05],
    [0.031, 3.1],
    [0.0499999, 4.99999],
    [0, 0],
    [1, 100],
  ])("%f is %f%%", (ratio, percent) => {
    expect(ratioToPercent(ratio)).toBe(percent);
  });
});

describe("the query", () => {
  it("asks for both AWS/SES rates, without dimensions, over the 24 hours before now, newest first", () => {
    const query = reputationQuery(now);
    expect(query.MetricDataQueries.map((q) => q.MetricStat.Metric)).toEqual([
      { Namespace: "AWS/SES", MetricName: "Reputation.BounceRate" },
      { Namespace: "AWS/SES", MetricName: "Reputation.ComplaintRate" },
    ]);
    expect(query.EndTime).toEqual(now);
    expect(now.getTime() - query.StartTime.getTime()).toBe(REPUTATION_WINDOW_MS);
    expect(query.ScanBy).toBe("TimestampDescending");
  });
});

describe("folding an answer", () => {
  it("keeps the latest datapoint within the window, whatever order the points come in", () => {
    const folded = foldPage(
      {
        MetricDataResults: [
          result("bounce", [
            [ago(60), 0.01],
            [ago(5), 0.031],
            [ago(30), 0.02],
          ]),
          result("complaint", [[ago(25 * 60), 0.5]]),
        ],
      },
      {},
      now,
      true,
    );
    if (!folded.ok) throw new Error(folded.problem);
    // A complaint rate from 25 hours ago is stale: the fact is absent, not 50%.
    expect(reputationFacts(folded.latest)).toEqual({ bounceRatePercent: 3.1 });
  });

  it("refuses answers that are not metric data", () => {
    const fold = (page: unknown) => foldPage(page as never, {}, now, true);
    expect(fold({})).toEqual({ ok: false, problem: "the answer has no MetricDataResults" });
    expect(fold({ MetricDataResults: [result("bounce", [])] })).toEqual({
      ok: false,
      problem: "the answer has no result for Reputation.ComplaintRate",
    });
    expect(
      fold({ MetricDataResults: [result("bounce", [[ago(1), 5]]), result("complaint", [])] }),
    ).toMatchObject({ ok: false, problem: "Reputation.BounceRate is 5, which is not a ratio from 0 to 1" });
    expect(
      fold({ MetricDataResults: [result("bounce", [], "Forbidden"), result("complaint", [])] }),
    ).toMatchObject({ ok: false });
    expect(
      fold({
        MetricDataResults: [{ Id: "bounce", Timestamps: [ago(1)], Values: [] }, result("complaint", [])],
      }),
    ).toMatchObject({ ok: false });
  });

  it("asks for another page only while a rate has no datapoint and the answer says more follow", () => {
    const page = {
      MetricDataResults: [result("bounce", [[ago(1), 0.01]]), result("complaint", [])],
      NextToken: "t",
    };
    const folded = foldPage(page, {}, now, true);
    if (!folded.ok) throw new Error(folded.problem);
    expect(wantsAnotherPage(page, folded.latest)).toBe(true);
    expect(wantsAnotherPage({ ...page, NextToken: undefined }, folded.latest)).toBe(false);
    // A later page may leave out a query it has finished.
    const second = foldPage(
      { MetricDataResults: [result("complaint", [[ago(2), 0.0005]])] },
      folded.latest,
      now,
      false,
    );
    if (!second.ok) throw new Error(second.problem);
    expect(reputationFacts(second.latest)).toEqual({ bounceRatePercent: 1, complaintRatePercent: 0.05 });
  });
});
