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
 * Accounts read at once: enough to keep `concurrency` GetAccount requests in flight, few enough
 * that a queued request waits at most one wave, so the per-account deadlines still hold.
 */
export function accountParallelism(concurrency: number, regions: string[] | "all"): number {
  return Math.max(1, Math.ceil(concurrency / regionCount(regions)));
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
