/**
 * How a fleet run is paced: how many accounts are read at once so that `--concurrency` stays
 * saturated without long queues, and one progress count summed over the accounts. Pure.
 */
import { allSesRegionNames } from "./regions.js";

/** The number of Regions each account is read in (every SES Region for `--all-regions`). */
export function regionCount(regions: string[] | "all"): number {
  return regions === "all" ? allSesRegionNames().length : Math.max(1, regions.length);
}

/**
 * Accounts read at once: two waves of what keeps `concurrency` GetAccount requests in flight.
 * While one wave reads, the next assumes its roles and resolves its credentials, so the
 * round trip to STS no longer stalls the requests (with one wave, 1,000 accounts × 17 Regions
 * at 50 ms took 93 s at the default concurrency). The request limiter still bounds GetAccount
 * over the whole run, and a queued request waits at most one wave, so the per-Region deadlines
 * hold.
 */
export function accountParallelism(concurrency: number, regions: string[] | "all"): number {
  return 2 * Math.max(1, Math.ceil(concurrency / regionCount(regions)));
}

/** Sums per-account progress into one `done of total` for the progress line. */
export function progressTracker(
  accounts: number,
  regionsEach: number,
  onProgress: ((done: number, total: number) => void) | undefined,
): (index: number, done: number) => void {
  const done = new Array<number>(accounts).fill(0);
  const total = accounts * regionsEach;
  let sum = 0;
  onProgress?.(0, total);
  return (index, value) => {
    sum += value - (done[index] ?? 0);
    done[index] = value;
    onProgress?.(Math.min(sum, total), total);
  };
}
