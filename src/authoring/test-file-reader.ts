/**
 * The document walker under the test file parser: it collects every problem (with the file, line
 * and column of the offending key or value) rather than stopping at the first, and holds the
 * small readers that several parts of a test file share.
 */
import type { Diagnostic } from "../errors.js";
import { isCalendarDate } from "../policy/policy-file.js";
import { escapePointer, isMap, type YamlDocument } from "../policy/yaml-document.js";
import { didYouMean } from "../suggest.js";

/** Reads values out of a parsed test file, recording a diagnostic for each problem. */
export class TestFileReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly doc: YamlDocument) {}

  /** Records a problem at a JSON pointer (at its key when `key` is true). */
  report(code: string, message: string, pointer: string, key = false): void {
    this.diagnostics.push({ code, message, ...this.doc.locate(pointer, key) });
  }

  /** Reports every key of `raw` that is not `allowed`, with a suggestion. */
  unknownKeys(
    raw: Record<string, unknown>,
    pointer: string,
    allowed: readonly string[],
    where: string,
  ): void {
    for (const key of Object.keys(raw)) {
      if (allowed.includes(key)) continue;
      this.report(
        "test/unknown-key",
        `unknown key "${key}" in ${where}${didYouMean(key, allowed)}; allowed keys are ${allowed.join(", ")}`,
        `${pointer}/${escapePointer(key)}`,
        true,
      );
    }
  }

  /** An optional non-empty string member, matching `pattern` when given. */
  optionalString(
    raw: Record<string, unknown>,
    pointer: string,
    key: string,
    pattern?: RegExp,
    problem = "must not be empty",
  ): string | undefined {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "" || (pattern && !pattern.test(value))) {
      this.report(
        "test/invalid-value",
        `${key} ${JSON.stringify(value)} ${typeof value === "string" ? problem : "must be text"}`,
        `${pointer}/${key}`,
      );
      return undefined;
    }
    return value;
  }

  /** An optional `today: YYYY-MM-DD` at `pointer`. */
  date(raw: unknown, pointer: string): string | undefined {
    const key = pointer.slice(pointer.lastIndexOf("/") + 1);
    const value = isMap(raw) ? raw[key] : undefined;
    if (value === undefined) return undefined;
    if (typeof value !== "string" || !isCalendarDate(value)) {
      this.report(
        "test/invalid-date",
        `today is ${JSON.stringify(value)}; must be a calendar date as YYYY-MM-DD`,
        pointer,
      );
      return undefined;
    }
    return value;
  }
}
