/**
 * What a formatter is given: the report and a context it never reads from the environment.
 * Re-exported from src/types.ts, where every other shared type lives.
 */
import type { Report, Rule } from "../types.js";

/** What formatters may need besides the report; passed in, never read from the environment. */
export interface FormatContext {
  /** Whether ANSI colour may be used (text format only). */
  color: boolean;
  /** Today, `YYYY-MM-DD`, for waiver expiry notes. */
  today: string;
  /** Repository root for repository-relative paths (SARIF, annotations); defaults to the working directory. */
  workspace?: string;
  /** A file of the repository to point at when a result has no policy file (e.g. the workflow). */
  fallbackFile?: string;
  /** The rules evaluated, for formats that describe rules (SARIF). */
  rules: Rule[];
  /** `--quiet`: the text format shows only failed, errored and waived results and the verdict. */
  quiet?: boolean;
  /**
   * What SARIF `automationDetails.id` starts with before the run's scope (`ses-guard` when absent);
   * the Action passes `ses-guard/<workflow>/<job>` so that workflows keep separate categories.
   */
  sarifCategoryPrefix?: string;
}

/** A formatter: a pure function from report to text. */
export type Formatter = (report: Report, context: FormatContext) => string;
