/**
 * Bounds a response body as it streams in: at most `maxBytes`, complete within the time left of
 * the attempt, and not an HTML page. Node's socket timeout only bounds silence, so a body sent a
 * byte at a time could otherwise hold a request for as long as the sender likes, and a body of
 * any size would be collected into memory before anything parsed it.
 */
import { type Readable, Transform } from "node:stream";

/** What a body may be. */
export interface BodyLimits {
  maxBytes: number;
  /** Milliseconds until the attempt's deadline. */
  remainingMs: number;
  /** The error for a body over `maxBytes`. */
  tooLarge(): Error;
  /** The error for a body still arriving at the deadline. */
  timedOut(): Error;
  /** The error for a body that is an HTML page; unset, a page is left to the parser. */
  html?: (() => Error) | undefined;
  /**
   * When set, the body must be a JSON object (an SES answer): the error for JSON that is not,
   * given what it is instead ("null", "a list", ...).
   */
  notAnObject?: ((what: string) => Error) | undefined;
}

/** How many leading bytes decide whether a body is an HTML page. */
const SNIFF_BYTES = 64;
const HTML_START = /^\s*<(!doctype\s+html|html|head|body)[\s>]/i;

/** True when the start of a body is the start of an HTML page. */
export function looksLikeHtml(start: string): boolean {
  return HTML_START.test(start);
}

/**
 * What JSON text that is not an object is, from its start ("null", "a list", ...), or undefined
 * for an object, an empty body, or text that is not JSON at all (left to the parser to report).
 */
export function jsonOtherThanObject(start: string): string | undefined {
  const text = start.trimStart();
  const first = text[0];
  if (first === undefined || first === "{") return undefined;
  if (text.startsWith("null")) return "null";
  if (first === "[") return "a list";
  if (first === '"') return "a string";
  if (text.startsWith("true") || text.startsWith("false")) return `the value ${text.startsWith("true")}`;
  if (/^-?\d/.test(text)) return "a number";
  return undefined;
}

/**
 * Wraps `source` in a stream that fails with the limits' errors. Nothing is read from `source`
 * until the wrapper is consumed, so an error is never emitted before someone listens for it;
 * a deadline that passes before that is delivered as soon as reading starts.
 */
export function boundBody(source: Readable, limits: BodyLimits): Readable {
  let bytes = 0;
  let start = "";
  let decided = false;
  const sniff = (text: string): Error | undefined => {
    if (start.length < SNIFF_BYTES) start += text;
    if (decided) return undefined;
    const trimmed = start.trimStart();
    // One character settles most bodies: JSON starts with `{`, XML and HTML with `<`.
    if (trimmed !== "" && !trimmed.startsWith("<")) decided = true;
    else if (start.length >= SNIFF_BYTES) decided = true;
    else return undefined;
    return looksLikeHtml(start) ? limits.html?.() : undefined;
  };
  const bounded = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) return callback(limits.tooLarge());
      const html = sniff(chunk.toString("latin1", 0, Math.min(chunk.length, SNIFF_BYTES)));
      callback(html ?? null, chunk);
    },
    flush(callback) {
      if (!decided && limits.html && looksLikeHtml(start)) return callback(limits.html());
      const other = limits.notAnObject ? jsonOtherThanObject(start) : undefined;
      callback(other && limits.notAnObject ? limits.notAnObject(other) : null);
    },
  });

  let flowing = false;
  let pending: Error | undefined;
  const fail = (error: Error) => {
    source.destroy();
    if (flowing) bounded.destroy(error);
    else pending ??= error;
  };
  const timer = setTimeout(() => fail(limits.timedOut()), Math.max(0, limits.remainingMs));
  timer.unref?.();
  source.on("error", fail);
  bounded.on("close", () => {
    clearTimeout(timer);
    // A body cut short (too large, HTML, timed out) must not keep its connection busy.
    if (!source.readableEnded) source.destroy();
  });
  bounded.once("resume", () => {
    flowing = true;
    if (pending) bounded.destroy(pending);
    else source.pipe(bounded);
  });
  return bounded;
}
