/**
 * The `github` format: workflow commands (`::error file=…,line=…::message`) that turn results into
 * annotations on the policy line that failed, so any GitHub Actions step can run the CLI directly.
 * GitHub shows at most 10 annotations per level in one step, so the most important come first and
 * an overflow annotation says how many more there are and where to read them.
 */

import type { FormatContext, Formatter, Report, Result } from "../types.js";
import { appendTo, plural, resultsByTarget, targetLabel } from "./common.js";
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
 * then failed rules by severity, one annotation per rule whatever the number of targets it fails
 * on (passing, waived and skipped rules make no annotation).
 */
export function buildAnnotations(
  report: Report,
  context: FormatContext,
  options: GithubFormatOptions = {},
): Annotation[] {
  const rules = indexRules(context.rules);
  const byLevel: Record<AnnotationLevel, Annotation[]> = { error: [], warning: [], notice: [] };

  // Results of one rule are one annotation however many targets share them: at fleet scale a
  // rule failing on 17,000 targets is one thing to fix, and GitHub shows ten annotations a level.
  const ruleErrors = new Map<string, Result[]>();
  const unreadable = new Map<string, Array<{ target: Report["targets"][number]; rules: number }>>();
  for (const { target, results } of resultsByTarget(report)) {
    const errors = results.filter((r) => r.status === "error");
    if (target.status === "error") {
      // One annotation per cause of unreadable targets instead of one per rule: they all say the same.
      appendTo(unreadable, target.error?.code ?? "", { target, rules: errors.length });
    } else {
      for (const result of errors) appendTo(ruleErrors, result.ruleId, result);
    }
  }
  for (const group of unreadable.values()) byLevel.error.push(targetErrorAnnotation(group, context));
  for (const group of ruleErrors.values()) byLevel.error.push(ruleAnnotation(group, "error", context, rules));
  // A failure is annotated at the level named like its severity; report order holds within a level.
  const failures = new Map<string, Result[]>();
  for (const result of report.results)
    if (result.status === "fail") appendTo(failures, result.ruleId, result);
  for (const group of failures.values()) {
    const first = group[0] as Result;
    byLevel[first.severity].push(ruleAnnotation(group, first.severity, context, rules));
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
  group: ReadonlyArray<{ target: Report["targets"][number]; rules: number }>,
  context: FormatContext,
): Annotation {
  const { target, rules: ruleCount } = group[0] as (typeof group)[number];
  const error = target.error;
  const lines = [error ? `${error.code}: ${error.message}` : "the account data could not be read"];
  if (error?.hint) lines.push(`Hint: ${error.hint}`);
  let title = `ses-guard could not read ${targetLabel(target)}`;
  if (group.length === 1) {
    lines.push(`${plural(ruleCount, "rule was", "rules were")} not evaluated for this target.`);
  } else {
    const named = group.slice(0, NAMED_TARGETS).map((entry) => targetLabel(entry.target));
    const more = group.length > NAMED_TARGETS ? ` and ${group.length - NAMED_TARGETS} more` : "";
    const rules = group.reduce((sum, entry) => sum + entry.rules, 0);
    lines.push(
      `${group.length} targets could not be read: ${named.join(", ")}${more}; ${rules} rule results were not evaluated.`,
    );
    title = `ses-guard could not read ${group.length} targets (${error?.code ?? "no error code"})`;
  }
  const annotation: Annotation = { level: "error", title, message: lines.join("\n") };
  const file =
    context.fallbackFile === undefined ? undefined : repositoryPath(context.fallbackFile, context.workspace);
  if (file !== undefined) annotation.file = file;
  return annotation;
}

/** How many targets an aggregated annotation names before it says "and N more". */
export const NAMED_TARGETS = 5;

/**
 * One annotation for every result of one rule: at the rule's policy line, naming how many targets
 * it concerns and the first few, with the first target's message and the fix.
 */
function ruleAnnotation(
  results: readonly Result[],
  level: AnnotationLevel,
  context: FormatContext,
  rules: ReturnType<typeof indexRules>,
): Annotation {
  const first = results[0] as Result;
  const lines: string[] = [];
  if (results.length > 1) {
    const named = results.slice(0, NAMED_TARGETS).map(targetLabel).join(", ");
    const more = results.length > NAMED_TARGETS ? ` and ${results.length - NAMED_TARGETS} more` : "";
    const verb = first.status === "error" ? "Not evaluated" : "Fails";
    lines.push(`${verb} on ${results.length} targets: ${named}${more}.`);
  }
  lines.push(`${targetLabel(first)}: ${first.message}`);
  if (first.remediation) lines.push(`Fix: ${first.remediation}`);
  if (first.docs) lines.push(`Docs: ${first.docs}`);
  const count = results.length > 1 ? ` (${results.length} targets)` : "";
  const annotation: Annotation = {
    level,
    // A rule without a title is titled by its id: "vdm: vdm" would say it twice.
    title: `${first.title === first.ruleId ? first.ruleId : `${first.ruleId}: ${first.title}`}${count}`,
    message: lines.join("\n"),
  };
  const location = resultLocation(first, context, rules);
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
