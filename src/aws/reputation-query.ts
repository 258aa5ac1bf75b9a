/**
 * The CloudWatch side of the `$reputation.*` facts, as pure data: the one GetMetricData request
 * that asks for both rates, and how its answer becomes percentages. Kept apart from the client so
 * that the choice of period, statistic and window is plain to read and test.
 *
 * Choices (README.md, "Reputation"):
 * - Metrics `AWS/SES` `Reputation.BounceRate` and `Reputation.ComplaintRate`, without dimensions:
 *   the account-level rates that AWS reviews at (5% bounces, 0.1% complaints). SES publishes them
 *   as ratios (0.05), so each value is multiplied by 100.
 * - Window: the 24 hours before now. The latest datapoint in it is the fact; none means absent.
 * - Period 300 s: short enough that the latest datapoint is the latest rate SES published, not an
 *   average that mixes it with older ones (SES updates the rates far less often than every 5
 *   minutes, so each period holds at most one or two values).
 * - Statistic `Maximum`: where a period holds more than one value, the worse one counts; a gate
 *   errs toward failing, and both rates are "lower is better".
 */
import type { ReputationFacts } from "../types.js";

/** The period of each datapoint asked for, in seconds. */
export const REPUTATION_PERIOD_SECONDS = 300;
/** The statistic asked for: the worst value of a period. */
export const REPUTATION_STATISTIC = "Maximum";
/** How far back a datapoint may be and still be the current rate. */
export const REPUTATION_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A clock skew allowance for datapoints stamped just after our "now". */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

/** The query ids, one per fact. */
const METRICS = [
  { id: "bounce", metricName: "Reputation.BounceRate", fact: "bounceRatePercent" },
  { id: "complaint", metricName: "Reputation.ComplaintRate", fact: "complaintRatePercent" },
] as const;

/** The GetMetricData input for both rates over the window ending at `now`. */
export function reputationQuery(now: Date, nextToken?: string) {
  return {
    MetricDataQueries: METRICS.map(({ id, metricName }) => ({
      Id: id,
      MetricStat: {
        Metric: { Namespace: "AWS/SES", MetricName: metricName },
        Period: REPUTATION_PERIOD_SECONDS,
        Stat: REPUTATION_STATISTIC,
      },
      ReturnData: true,
    })),
    StartTime: new Date(now.getTime() - REPUTATION_WINDOW_MS),
    EndTime: now,
    // Newest first: the first page holds the latest datapoints.
    ScanBy: "TimestampDescending" as const,
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}

/** What one GetMetricData page says, in the SDK's output shape (only what is read here). */
export interface MetricDataPage {
  MetricDataResults?: {
    Id?: string | undefined;
    Timestamps?: unknown[] | undefined;
    Values?: unknown[] | undefined;
    StatusCode?: string | undefined;
  }[];
  NextToken?: string | undefined;
}

/** The latest datapoint seen so far for each fact. */
export type LatestDatapoints = Partial<Record<keyof ReputationFacts, { at: number; ratio: number }>>;

/** A page folded into the latest datapoints: the new state, or why the page is not an answer. */
export type PageFold = { ok: true; latest: LatestDatapoints } | { ok: false; problem: string };

/**
 * Folds one page of results into the latest datapoint of each fact within the window. The first
 * page must answer both queries: an answer that names neither metric is not "no datapoints", and
 * taking it for that would skip the rules on it.
 */
export function foldPage(
  page: MetricDataPage,
  latest: LatestDatapoints,
  now: Date,
  firstPage: boolean,
): PageFold {
  if (!page || !Array.isArray(page.MetricDataResults)) {
    return { ok: false, problem: "the answer has no MetricDataResults" };
  }
  const next: LatestDatapoints = { ...latest };
  const oldest = now.getTime() - REPUTATION_WINDOW_MS;
  const newest = now.getTime() + FUTURE_SKEW_MS;
  for (const { id, metricName, fact } of METRICS) {
    const result = page.MetricDataResults.find((r) => r?.Id === id);
    if (!result) {
      if (firstPage) return { ok: false, problem: `the answer has no result for ${metricName}` };
      continue;
    }
    if (result.StatusCode === "Forbidden" || result.StatusCode === "InternalError") {
      return { ok: false, problem: `${metricName} came back with status ${result.StatusCode}` };
    }
    const timestamps = result.Timestamps ?? [];
    const values = result.Values ?? [];
    if (!Array.isArray(timestamps) || !Array.isArray(values) || timestamps.length !== values.length) {
      return { ok: false, problem: `${metricName} has timestamps and values that do not pair up` };
    }
    for (let i = 0; i < values.length; i++) {
      const at = timestamps[i] instanceof Date ? (timestamps[i] as Date).getTime() : Number.NaN;
      const ratio = values[i];
      if (!Number.isFinite(at) || typeof ratio !== "number" || !Number.isFinite(ratio)) {
        return { ok: false, problem: `${metricName} has a datapoint that is not a time and a number` };
      }
      // A rate is a ratio of messages: outside 0..1 it is not a reputation rate at all.
      if (ratio < 0 || ratio > 1) {
        return { ok: false, problem: `${metricName} is ${ratio}, which is not a ratio from 0 to 1` };
      }
      if (at < oldest || at > newest) continue;
      const seen = next[fact];
      if (!seen || at > seen.at) next[fact] = { at, ratio };
    }
  }
  return { ok: true, latest: next };
}

/** True while a fact has no datapoint yet and another page may still hold one. */
export function wantsAnotherPage(page: MetricDataPage, latest: LatestDatapoints): boolean {
  return Boolean(page.NextToken) && METRICS.some(({ fact }) => latest[fact] === undefined);
}

/** The facts: each latest ratio as a percentage; a fact without a datapoint is left out. */
export function reputationFacts(latest: LatestDatapoints): ReputationFacts {
  const facts: ReputationFacts = {};
  for (const { fact } of METRICS) {
    const point = latest[fact];
    if (point) facts[fact] = ratioToPercent(point.ratio);
  }
  return facts;
}

/**
 * A ratio as a percentage, without the binary noise of the multiplication (0.05 × 100 is
 * 5.000000000000001 in floating point, which would fail `lessThanOrEqual: 5` and print badly).
 */
export function ratioToPercent(ratio: number): number {
  return Number((ratio * 100).toPrecision(12));
}
