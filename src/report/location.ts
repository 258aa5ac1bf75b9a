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
