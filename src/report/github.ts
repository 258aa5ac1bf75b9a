/**
 * The `github` format: workflow commands (`::error file=…,line=…::message`) that turn results into
 * annotations on the policy line that failed, so any GitHub Actions step can run the CLI directly.
 * GitHub shows at most 10 annotations per level in one step, so the most important come first and
 * an overflow annotation says how many more there are and where to read them.
 */

import type { FormatContext, Formatter, Report, Result } from "../types.js";
import { resultsByTarget, targetLabel } from "./common.js";
import { escapeCommandData, escapeCommandProperty } from "./escape.js";
import { indexRules, repositoryPath, resultLocation } from "./location.js";
import { verdictCountsLine } from "./verdict.js";

/** An annotation level, named as the workflow command is. */
export type AnnotationLevel = "error" | "warning" | "notice";

/** One annotation before it is written as a workflow command. */
export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Options of the `github` format. */
export interface GithubFormatOptions {
  /** How many annotations of one level GitHub shows in a step; the last slot reports the overflow. */
  maxPerLevel?: number;
  /** Where every result can be read, named in the overflow annotation. */
  moreAt?: string;
  /** Whether to end with a plain (non-command) line of counts. */
  summaryLine?: boolean;
  /**
   * Slots per level to leave free for annotations the caller adds afterwards (the Action's
   * failure message is one more error annotation).
   */
  reserve?: Partial<Record<AnnotationLevel, number>>;
}

const DEFAULT_MAX_PER_LEVEL = 10;
const DEFAULT_MORE_AT = "the job summary or the full ses-guard report (--format json, text or sarif)";
const LEVELS: readonly AnnotationLevel[] = ["error", "warning", "notice"];

/**
 * The annotations for a report, most important first and capped per level: unreadable targets,
 * then failed rules by severity (passing, waived and skipped rules make no annotation).
 */
export function buildAnnotations(
  report: Report,
  context: FormatContext,
  options: GithubFormatOptions = {},
): Annotation[] {
  const rules = indexRules(context.rules);
  const byLevel: Record<AnnotationLevel, Annotation[]> = { error: [], warning: [], notice: [] };

  for (const { target, results } of resultsByTarget(report)) {
    const errors = results.filter((r) => r.status === "error");
    if (target.status === "error") {
      // One annotation per unreadable target instead of one per rule: they all say the same.
      byLevel.error.push(targetErrorAnnotation(target, errors.length, context));
    } else {
      for (const result of errors) byLevel.error.push(resultAnnotation(result, "error", context, rules));
    }
  }
  // A failure is annotated at the level named like its severity; report order holds within a level.
  for (const result of report.results) {
    if (result.status === "fail")
      byLevel[result.severity].push(resultAnnotation(result, result.severity, context, rules));
  }

  const max = options.maxPerLevel ?? DEFAULT_MAX_PER_LEVEL;
  const moreAt = options.moreAt ?? DEFAULT_MORE_AT;
  return LEVELS.flatMap((level) =>
    capLevel(byLevel[level], level, Math.max(1, max - (options.reserve?.[level] ?? 0)), max, moreAt),
  );
}

function capLevel(
  annotations: Annotation[],
  level: AnnotationLevel,
  slots: number,
  max: number,
  moreAt: string,
): Annotation[] {
  if (annotations.length <= slots) return annotations;
  // The overflow note is itself an annotation of this level, so it takes the last free slot.
  const shown = annotations.slice(0, slots - 1);
  const hidden = annotations.length - shown.length;
  const noun = hidden === 1 ? `${level} annotation` : `${level} annotations`;
  shown.push({
    level,
    title: `ses-guard: ${hidden} more ${noun}`,
    message: `${hidden} more ${noun} are not shown: GitHub shows at most ${max} ${level} annotations per step. Read every result in ${moreAt}.`,
  });
  return shown;
}

function targetErrorAnnotation(
  target: Report["targets"][number],
  ruleCount: number,
  context: FormatContext,
): Annotation {
  const error = target.error;
  const lines = [error ? `${error.code}: ${error.message}` : "the account data could not be read"];
  if (error?.hint) lines.push(`Hint: ${error.hint}`);
  lines.push(`${ruleCount} ${ruleCount === 1 ? "rule was" : "rules were"} not evaluated for this target.`);
  const annotation: Annotation = {
    level: "error",
    title: `ses-guard could not read ${targetLabel(target)}`,
    message: lines.join("\n"),
  };
  const file =
    context.fallbackFile === undefined ? undefined : repositoryPath(context.fallbackFile, context.workspace);
  if (file !== undefined) annotation.file = file;
  return annotation;
}

function resultAnnotation(
  result: Result,
  level: AnnotationLevel,
  context: FormatContext,
  rules: ReturnType<typeof indexRules>,
): Annotation {
  const lines = [`${targetLabel(result)}: ${result.message}`];
  if (result.remediation) lines.push(`Fix: ${result.remediation}`);
  if (result.docs) lines.push(`Docs: ${result.docs}`);
  const annotation: Annotation = {
    level,
    // A rule without a title is titled by its id: "vdm: vdm" would say it twice.
    title: result.title === result.ruleId ? result.ruleId : `${result.ruleId}: ${result.title}`,
    message: lines.join("\n"),
  };
  const location = resultLocation(result, context, rules);
  if (location) {
    annotation.file = location.file;
    annotation.line = location.line;
    if (location.column !== undefined) annotation.column = location.column;
  }
  return annotation;
}

/** Writes one annotation as a workflow command line (without the trailing newline). */
export function renderAnnotation(annotation: Annotation): string {
  const properties: string[] = [];
  if (annotation.file !== undefined) properties.push(`file=${escapeCommandProperty(annotation.file)}`);
  if (annotation.line !== undefined) properties.push(`line=${annotation.line}`);
  if (annotation.column !== undefined) properties.push(`col=${annotation.column}`);
  properties.push(`title=${escapeCommandProperty(annotation.title)}`);
  return `::${annotation.level} ${properties.join(",")}::${escapeCommandData(annotation.message)}`;
}

/** Builds the `github` formatter with non-default options (the Action names its own report file). */
export function createGithubFormatter(options: GithubFormatOptions = {}): Formatter {
  return (report, context) => {
    const lines = buildAnnotations(report, context, options).map(renderAnnotation);
    if (options.summaryLine ?? true) {
      lines.push(verdictCountsLine(report));
    }
    return `${lines.join("\n")}\n`;
  };
}

/** The `github` format: annotations as workflow commands, then one plain line of counts. */
export const formatGithub: Formatter = createGithubFormatter();
