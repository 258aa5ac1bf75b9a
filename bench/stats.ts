/** Summary statistics for repeated measurements: the median is the headline, the rest the spread. */

/** The median and spread of a set of samples. */
export interface Summary {
  /** How many samples. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** First quartile (25th percentile, linear interpolation). */
  q1: number;
  /** Third quartile (75th percentile). */
  q3: number;
}

/** Summarises samples; throws on an empty list, since a missing measurement must not look like zero. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("no samples to summarise");
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/** The q-quantile of sorted samples, interpolating linearly between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

/** The ratio of two medians: how many times slower (or bigger) `a` is than `b`. */
export function ratio(a: Summary, b: Summary): number {
  return a.median / b.median;
}
