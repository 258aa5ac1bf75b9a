/**
 * Small helpers to stop waiting on AWS promptly: combine the user's interrupt with a deadline, and
 * race a promise against them. The SDK honours an abort signal while a request is on the wire, but
 * not while it sleeps between retries, so callers race the promise too instead of waiting for it.
 *
 * The interrupt and the run's deadline are shared by every Region (and every account) of a run.
 * Each shared signal gets one listener of its own, which fans out to whoever is linked to it at
 * the time: a listener per Region would pass Node's limit of ten per signal and print a
 * MaxListenersExceededWarning on every run with ten Regions or more.
 */

/** Per source signal, the callbacks linked to it now; one real listener forwards to them. */
const subscribers = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `onAbort` once when `source` aborts; returns a function that cancels that. */
function onAbortOf(source: AbortSignal, onAbort: () => void): () => void {
  // Its one listener has fired already: nothing would call a late subscriber.
  if (source.aborted) {
    onAbort();
    return () => undefined;
  }
  let callbacks = subscribers.get(source);
  if (!callbacks) {
    const fresh = new Set<() => void>();
    subscribers.set(source, fresh);
    source.addEventListener(
      "abort",
      () => {
        const pending = [...fresh];
        fresh.clear();
        for (const callback of pending) callback();
      },
      { once: true },
    );
    callbacks = fresh;
  }
  const registered = callbacks;
  registered.add(onAbort);
  return () => registered.delete(onAbort);
}

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
    detach.push(onAbortOf(source, () => controller.abort(source.reason)));
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
    const detach = onAbortOf(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        detach();
        resolve(value);
      },
      (error: unknown) => {
        detach();
        reject(error);
      },
    );
  });
}
