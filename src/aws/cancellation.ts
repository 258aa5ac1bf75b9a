/**
 * Small helpers to stop waiting on AWS promptly: combine the user's interrupt with a deadline, and
 * race a promise against them. The SDK honours an abort signal while a request is on the wire, but
 * not while it sleeps between retries, so callers race the promise too instead of waiting for it.
 */

/** A signal that aborts when any of its sources does, and a function that detaches it from them. */
export interface LinkedSignal {
  signal: AbortSignal;
  dispose(): void;
}

/** Links several optional signals into one (AbortSignal.any is missing from early Node 20 releases). */
export function linkSignals(sources: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController();
  const detach: (() => void)[] = [];
  for (const source of sources) {
    if (!source) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = () => controller.abort(source.reason);
    source.addEventListener("abort", onAbort, { once: true });
    detach.push(() => source.removeEventListener("abort", onAbort));
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const undo of detach) undo();
    },
  };
}

/** A signal that aborts after `ms` milliseconds, and a function that cancels the timer. */
export function deadlineSignal(ms: number): LinkedSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`deadline of ${ms} ms passed`)), ms);
  // The deadline alone must not keep the process alive.
  timer.unref?.();
  return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}

/** Settles like `promise`, or rejects with the signal's reason as soon as the signal aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The abandoned promise may still reject later; nobody waits for it any more.
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
