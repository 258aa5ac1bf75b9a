/**
 * A sanity check of what came back from GetAccount before it is evaluated. The SDK parses any
 * JSON it gets: an array, a string or an unrelated object from a proxy all come out as an empty or
 * odd response. Real SES always sends its core members, so a response with none of them, or with
 * one of the wrong JSON type, is not account data and must not be evaluated as if it were. The
 * members and their types come from the one account model, src/account/shape.ts.
 */

import { accountMembers, jsonTypeOf } from "./shape.js";

/**
 * How deep account data may nest. The model nests six levels; far deeper data is not an account,
 * and rendering or serialising it recursively would overflow the stack (an internal error).
 */
export const MAX_ACCOUNT_DEPTH = 64;

/** True when `value` nests lists and objects deeper than `limit` levels (checked without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Returns why `account` is not a GetAccount response, or undefined when it looks like one. */
export function accountShapeProblem(account: unknown): string | undefined {
  if (typeof account !== "object" || account === null || Array.isArray(account)) {
    return "the response is not a JSON object";
  }
  if (nestsDeeperThan(account, MAX_ACCOUNT_DEPTH)) {
    return `the response nests deeper than ${MAX_ACCOUNT_DEPTH} levels`;
  }
  const record = account as Record<string, unknown>;
  const known = Object.keys(accountMembers).filter((member) => record[member] !== undefined);
  if (known.length === 0) {
    return "the response has none of the GetAccount members (SendQuota, SendingEnabled, EnforcementStatus, ...)";
  }
  for (const member of known) {
    const value = record[member];
    const shape = accountMembers[member];
    const expected = shape ? jsonTypeOf(shape) : undefined;
    const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
    if (actual !== expected)
      return `${member} is ${article(actual)} ${actual}, expected ${article(expected ?? "")} ${expected}`;
  }
  return undefined;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}
