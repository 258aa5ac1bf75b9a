/**
 * Where in the user's repository a result belongs, for annotations and SARIF: the line of the
 * rule in the user's own policy, or for a rule from a built-in pack the `extends` entry that
 * brought it in (the pack's file is not in the repository, so GitHub could not show it).
 */

import type { FormatContext, Result, Rule } from "../types.js";

/** A place in the repository: a repository-relative path with `/` separators, 1-based line. */
export interface RepositoryLocation {
  file: string;
  line: number;
  column?: number;
  /**
   * Set when the place is in a built-in pack rather than the repository: `file` is then the
   * pack's file name relative to the packs that ship with ses-guard (`recommended.yaml`).
   */
  pack?: string;
}

/** The SARIF `uriBaseId` of a location in a built-in pack (not in the user's repository). */
export const PACKS_URI_BASE_ID = "SESGUARD_PACKS";

/** Where the built-in packs of a ses-guard version can be read: its npm package's policies/. */
export function packsBaseUri(toolVersion: string): string {
  return `https://unpkg.com/ses-guard@${encodeURIComponent(toolVersion)}/policies/`;
}

/**
 * How a rule's place is shown to people: `recommended (built-in) line 57` for a rule of a
 * built-in pack, so it is not mistaken for a file in the user's repository; `file:line` otherwise.
 */
export function describeSource(source: { file: string; line: number }, pack?: string): string {
  return pack === undefined ? `${source.file}:${source.line}` : `${pack} (built-in) line ${source.line}`;
}

/** {@link describeSource} for a result, looking its rule up to learn whether it is a pack's. */
export function describeResultSource(result: Result, rules: ReadonlyMap<string, Rule>): string {
  return describeSource(result.policy, rules.get(result.ruleId)?.pack);
}

/**
 * The place of a built-in pack's rule inside its pack, for formats that need some location when
 * the repository has none to offer (SARIF): undefined for a rule that is not a pack's.
 */
export function packLocation(
  result: Result,
  rules: ReadonlyMap<string, Rule>,
): RepositoryLocation | undefined {
  const pack = rules.get(result.ruleId)?.pack;
  if (pack === undefined) return undefined;
  const name = result.policy.file.replace(/\\/g, "/").split("/").at(-1) ?? `${pack}.yaml`;
  return withColumn({ file: name, line: result.policy.line, pack }, result.policy.column);
}

/**
 * The repository-relative form of `file`, or undefined when it lies outside the workspace.
 * Relative paths are taken as relative to the workspace (the working directory by default);
 * absolute paths must start with `workspace`. Pure string work: no file system, no `cwd`.
 */
export function repositoryPath(file: string, workspace?: string): string | undefined {
  const path = file.replace(/\\/g, "/");
  if (isAbsolute(path)) {
    if (workspace === undefined) return undefined;
    const root = normalizeSegments(workspace.replace(/\\/g, "/"));
    const full = normalizeSegments(path);
    if (root === undefined || full === undefined || !isAbsolute(root)) return undefined;
    const prefix = root.endsWith("/") ? root : `${root}/`;
    return full.startsWith(prefix) && full.length > prefix.length ? full.slice(prefix.length) : undefined;
  }
  const relative = normalizeSegments(path);
  if (relative === undefined || relative === "" || relative === ".." || relative.startsWith("../"))
    return undefined;
  return relative;
}

function isAbsolute(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:\//.test(path);
}

/** Resolves `.` and `..` segments; undefined when `..` climbs above an absolute root. */
function normalizeSegments(path: string): string | undefined {
  const absolute = isAbsolute(path);
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (segment === ".." && absolute) return undefined;
    else out.push(segment);
  }
  const joined = out.join("/");
  if (!absolute) return joined;
  return path.startsWith("/") ? `/${joined}` : joined;
}

/** Looks rules up by id; built once per report. */
export function indexRules(rules: readonly Rule[]): Map<string, Rule> {
  return new Map(rules.map((rule) => [rule.id, rule]));
}

/**
 * The repository location for a result, in order of preference: the `extends` line (`via`) for a
 * rule from a built-in pack or from a file outside the workspace; the rule's own line when its
 * file is in the workspace; `context.fallbackFile` (line 1). Undefined when none applies.
 */
export function resultLocation(
  result: Result,
  context: FormatContext,
  rules: ReadonlyMap<string, Rule> = indexRules(context.rules),
): RepositoryLocation | undefined {
  const rule = rules.get(result.ruleId);
  // Without rule metadata, a `via` still says the rule was inherited: the user's extends line is
  // the one place in their repository that certainly explains it.
  const fromPack = rule ? rule.pack !== undefined : result.policy.via !== undefined;
  const own = repositoryPath(result.policy.file, context.workspace);
  const via = result.policy.via;
  if (via && (fromPack || own === undefined)) {
    const viaFile = repositoryPath(via.file, context.workspace);
    if (viaFile !== undefined) return withColumn({ file: viaFile, line: via.line }, via.column);
  }
  if (own !== undefined && !fromPack)
    return withColumn({ file: own, line: result.policy.line }, result.policy.column);
  if (context.fallbackFile !== undefined) {
    const fallback = repositoryPath(context.fallbackFile, context.workspace);
    if (fallback !== undefined) return { file: fallback, line: 1 };
  }
  return undefined;
}

function withColumn(location: RepositoryLocation, column: number | undefined): RepositoryLocation {
  if (column !== undefined && column >= 1) location.column = column;
  return location;
}
