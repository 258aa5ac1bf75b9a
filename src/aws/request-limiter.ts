/**
 * A counting semaphore for a whole run: `--concurrency` bounds the GetAccount requests in flight
 * across every account, not per account, so a fleet of a thousand accounts opens no more
 * connections than one account read with every Region.
 */

/** Runs a task once a slot is free; tasks start in the order they were given. */
export type RequestLimiter = <T>(task: () => Promise<T>) => Promise<T>;

/** A limiter with `limit` slots (at least one). */
export function createRequestLimiter(limit: number): RequestLimiter {
  const slots = Math.max(1, Math.floor(limit) || 1);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < slots) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
