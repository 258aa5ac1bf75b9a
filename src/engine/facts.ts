import { ACCOUNT_TAGS_PREFIX, type FieldShape, shapeAt } from "../account/shape.js";
import type { ReputationFacts } from "../types.js";
import { typeName } from "./format-value.js";
import { accountFact, reputationFact } from "./target-facts.js";

/** The account data the engine evaluates, with the target it belongs to. */
export interface EvaluationTarget {
  region: string;
  accountId: string | null;
  account: Record<string, unknown>;
  accountName?: string | undefined;
  accountTags?: Readonly<Record<string, string>> | undefined;
  /** Absent when reputation was not read at all (as opposed to read and found without datapoints). */
  reputation?: ReputationFacts | undefined;
}

/**
 * What a path resolved to: a value of the model's type, nothing (with why, where that helps the
 * reader), a value of the wrong type, or `unread` when its source was never read, so not even
 * whether it is set is known (`exists` is unknown too: a gate must not pass on data it did not see).
 */
export type Lookup =
  | { state: "present"; value: unknown }
  | { state: "absent"; why?: string }
  | { state: "wrongType"; value: unknown; problem: string }
  | { state: "unread"; why: string };

const ABSENT: Lookup = { state: "absent" };

/** The region name used when a raw `get-account` input names no region. */
export const UNKNOWN_REGION = "unknown";

/** A path split into member names, with its shape in the model: computed once per path. */
interface CompiledPath {
  names: string[];
  shape: FieldShape | undefined;
}

// Policies use a handful of paths, each evaluated on every target: splitting a path and walking
// the model for it once, not once per evaluation, is most of a leaf's cost (see BENCHMARKS.md).
const compiledPaths = new Map<string, CompiledPath>();

function compilePath(path: string): CompiledPath {
  let compiled = compiledPaths.get(path);
  if (!compiled) {
    compiled = { names: path.split("."), shape: shapeAt(path) };
    compiledPaths.set(path, compiled);
  }
  return compiled;
}

/** Resolves a dotted path or computed fact (`$…`) against a target. */
export function lookup(target: EvaluationTarget, path: string): Lookup {
  if (path.startsWith("$")) return computeFact(target, path);
  const { names, shape } = compilePath(path);
  let value: unknown = target.account;
  for (let i = 0; i < names.length; i++) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      const walked = names.slice(0, i).join(".");
      return { state: "wrongType", value, problem: `${walked} is a ${typeName(value)}, not a structure` };
    }
    const name = names[i] as string;
    value = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    // JSON null and a missing member mean the same thing: the data is not there.
    if (value === undefined || value === null) return ABSENT;
  }
  const problem = shape ? typeProblem(value, shape) : undefined;
  return problem ? { state: "wrongType", value, problem } : { state: "present", value };
}

/** Why a value does not fit the model's type, or undefined when it does. */
function typeProblem(value: unknown, shape: FieldShape): string | undefined {
  if (fitsShape(value, shape)) return undefined;
  const wanted = shape.type === "list" ? `list of ${shape.member.type}` : shape.type;
  return `a ${typeName(value)} where the model has a ${wanted}`;
}

function fitsShape(value: unknown, shape: FieldShape): boolean {
  switch (shape.type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "list":
      return Array.isArray(value) && value.every((item) => fitsShape(item, shape.member));
    case "structure":
      return value !== null && typeof value === "object" && !Array.isArray(value);
  }
}

function computeFact(target: EvaluationTarget, name: string): Lookup {
  switch (name) {
    case "$region":
      return target.region === UNKNOWN_REGION ? ABSENT : { state: "present", value: target.region };
    case "$accountId":
      return target.accountId === null ? ABSENT : { state: "present", value: target.accountId };
    case "$quotaUnlimited": {
      const max = lookup(target, "SendQuota.Max24HourSend");
      return max.state === "present" ? { state: "present", value: max.value === -1 } : max;
    }
    case "$quotaUsedPercent":
      return quotaUsedPercent(target);
    case "$accountName":
      return accountFact(target.accountName);
    default:
      if (name.startsWith(ACCOUNT_TAGS_PREFIX)) {
        const tags = target.accountTags;
        const key = name.slice(ACCOUNT_TAGS_PREFIX.length);
        return accountFact(tags && Object.hasOwn(tags, key) ? tags[key] : undefined);
      }
      return reputationFact(target.reputation, name) ?? ABSENT;
  }
}

function quotaUsedPercent(target: EvaluationTarget): Lookup {
  const max = lookup(target, "SendQuota.Max24HourSend");
  const sent = lookup(target, "SendQuota.SentLast24Hours");
  if (max.state !== "present") return max.state === "wrongType" ? withSource(max, "Max24HourSend") : max;
  if (sent.state !== "present")
    return sent.state === "wrongType" ? withSource(sent, "SentLast24Hours") : sent;
  const maxValue = max.value as number;
  const sentValue = sent.value as number;
  if (maxValue === -1) return { state: "present", value: 0 };
  if (maxValue < 0 || sentValue < 0) {
    return {
      state: "wrongType",
      value: maxValue < 0 ? maxValue : sentValue,
      problem: `SendQuota holds a negative value (Max24HourSend ${maxValue}, SentLast24Hours ${sentValue}) that is not a quota`,
    };
  }
  // A quota of zero with nothing sent is still fully used: nothing more can be sent.
  if (maxValue === 0) return { state: "present", value: 100 };
  return { state: "present", value: (sentValue / maxValue) * 100 };
}

function withSource(found: Lookup & { state: "wrongType" }, member: string): Lookup {
  return { ...found, problem: `SendQuota.${member} is ${found.problem}` };
}
