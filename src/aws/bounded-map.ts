/**
 * Runs an async function over a list with at most `limit` calls in flight, keeping the results in
 * the order of the input. Used to read Regions in parallel without opening an unbounded number of
 * connections at once.
 */

/** Maps `items` through `worker`, at most `limit` at a time; results keep the input order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
