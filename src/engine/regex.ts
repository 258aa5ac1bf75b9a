import type { RE2JS } from "re2js";

/**
 * The regular expression engine behind `matches`: RE2 semantics (re2js, pure JavaScript), so
 * matching runs in time linear in the input and no policy can hang the gate. It is loaded only
 * when a policy uses `matches`, which keeps it out of the start-up of every other run.
 */
let engine: typeof RE2JS | undefined;
const compiled = new Map<string, RE2JS>();

/** Loads the engine; the policy loader calls this before compiling a policy that uses `matches`. */
export async function loadRegexEngine(): Promise<void> {
  engine ??= (await import("re2js")).RE2JS;
}

/** Compiles a pattern (cached). Throws when the engine was not loaded or the pattern is invalid. */
export function compileRegex(pattern: string): RE2JS {
  let regex = compiled.get(pattern);
  if (regex) return regex;
  if (!engine) throw new Error("internal: the regular expression engine was used before loadRegexEngine()");
  regex = engine.compile(pattern);
  compiled.set(pattern, regex);
  return regex;
}
