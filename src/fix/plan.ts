/**
 * The planner: failed results in, SES v2 calls out. Pure and synchronous, like the engine it sits
 * beside. For each target it derives what every failed rule wants (derive.ts), resolves the wants
 * member by member (two rules that disagree about a member: neither is applied), builds one
 * read-modify-write call per attribute group (calls.ts), and then evaluates each rule on the state
 * the calls would leave, so a call claims only the rules it really makes pass.
 */
import { evaluateCheck } from "../engine/evaluate-check.js";
import { UNKNOWN_REGION } from "../engine/facts.js";
import { deepEqual, includesValue } from "../engine/values.js";
import { targetKey } from "../report/common.js";
import type { Policy, Report, Result, Rule, TargetData } from "../types.js";
import { cloneData, setValueAt, valueAt } from "./account-state.js";
import { buildInput, cliCommand } from "./calls.js";
import { deriveWants, type Want } from "./derive.js";
import type { Conflict, FixPlan, ManualStep, MemberChange, PlannedCall, TargetPlan } from "./plan-types.js";
import { FIX_OPERATIONS, type FixOperation, iamActionFor, SETTABLE_MEMBERS } from "./settable.js";

/** Plans every target of a report; `targets` are the data the report was evaluated on. */
export function planFix(policy: Policy, report: Report, targets: readonly TargetData[]): FixPlan {
  const rules = new Map(policy.rules.map((rule) => [rule.id, rule]));
  // One pass over the results, not one per target: a fleet has thousands of each.
  const resultsOf = new Map<string, Result[]>();
  for (const result of report.results) {
    const key = targetKey(result);
    const list = resultsOf.get(key);
    if (list) list.push(result);
    else resultsOf.set(key, [result]);
  }
  return {
    targets: targets.map((target) => planTarget(rules, resultsOf.get(targetKey(target)) ?? [], target)),
  };
}

/** Plans one target from its results. */
export function planTarget(
  rules: ReadonlyMap<string, Rule>,
  results: readonly Result[],
  target: TargetData,
): TargetPlan {
  const plan: TargetPlan = {
    region: target.region,
    accountId: target.accountId,
    status: "planned",
    calls: [],
    manual: [],
    conflicts: [],
    waived: results.filter((r) => r.status === "waived").map((r) => r.ruleId),
  };
  if (target.status === "error") {
    plan.status = "not-read";
    if (target.error) plan.error = target.error;
    return plan;
  }
  if (target.status === "skipped" || !target.account) {
    plan.status = "skipped";
    return plan;
  }
  const account = target.account;
  const evaluationTarget = { region: target.region, accountId: target.accountId, account };

  // 1. What each failed rule wants (waived, skipped and errored rules are never touched).
  const wanted = new Map<string, { rule: Rule; wants: Want[] }>();
  for (const result of results) {
    const rule = result.status === "fail" ? rules.get(result.ruleId) : undefined;
    if (!rule) continue;
    const derived = deriveWants(rule.check, evaluationTarget);
    if ("manual" in derived) {
      plan.manual.push(manualStep(rule.id, derived.manual, target.region));
    } else {
      wanted.set(rule.id, { rule, wants: derived.wants });
    }
  }

  // 2. One value per member; members the rules disagree about are left alone.
  const { values, conflicts } = resolveMembers(wanted, account);
  plan.conflicts = conflicts;

  // 3. One call per attribute group with a change, built on the planned state.
  const planned = cloneData(account);
  for (const [path, value] of values) setValueAt(planned, path, value);
  const blocked = new Map<FixOperation, string>();
  const applied = cloneData(account);
  for (const operation of FIX_OPERATIONS) {
    const changes: MemberChange[] = [];
    for (const [path, value] of values) {
      if (SETTABLE_MEMBERS[path]?.operation !== operation) continue;
      const from = valueAt(account, path);
      if (!deepEqual(from, value))
        changes.push(from === undefined ? { path, to: value } : { path, from, to: value });
    }
    if (changes.length === 0) continue;
    const built = buildInput(operation, planned);
    if ("missing" in built) {
      blocked.set(operation, built.missing);
      continue;
    }
    for (const change of changes) setValueAt(applied, change.path, change.to);
    plan.calls.push({
      operation,
      input: built.input,
      command: cliCommand(operation, built.input, target.region),
      iamAction: iamActionFor(operation),
      changes,
      fixes: [],
    });
  }

  // 4. A call claims a rule only when the rule passes on the state the calls leave.
  const after = { ...evaluationTarget, account: applied };
  for (const [ruleId, { rule, wants }] of wanted) {
    if (evaluateCheck(rule.check, after).truth === "true") {
      for (const call of plan.calls) if (touches(call, wants)) call.fixes.push(ruleId);
      continue;
    }
    plan.manual.push({ ruleId, ...unfixedReason(ruleId, wants, conflicts, blocked) });
  }
  return plan;
}

function resolveMembers(
  wanted: ReadonlyMap<string, { wants: Want[] }>,
  account: Record<string, unknown>,
): { values: Map<string, unknown>; conflicts: Conflict[] } {
  const byPath = new Map<string, { ruleId: string; want: Want }[]>();
  for (const [ruleId, { wants }] of wanted) {
    for (const want of wants) {
      const list = byPath.get(want.path) ?? [];
      list.push({ ruleId, want });
      byPath.set(want.path, list);
    }
  }
  const values = new Map<string, unknown>();
  const conflicts: Conflict[] = [];
  for (const [path, entries] of byPath) {
    const sets = entries.filter((e) => e.want.kind === "set");
    const includes = entries.filter((e) => e.want.kind === "include").map((e) => e.want.value);
    const first = sets[0]?.want.value;
    const agree =
      sets.every((e) => deepEqual(e.want.value, first)) &&
      (sets.length === 0 || includes.every((v) => Array.isArray(first) && includesValue(first, v)));
    if (!agree) {
      conflicts.push({
        path,
        rules: entries.map((e) => ({
          ruleId: e.ruleId,
          value: e.want.kind === "set" ? e.want.value : { include: e.want.value },
        })),
      });
      continue;
    }
    if (sets.length > 0) {
      values.set(path, first);
    } else {
      // Adding reasons keeps the ones already there, in their order.
      const current = valueAt(account, path);
      const list = Array.isArray(current) ? [...current] : [];
      for (const value of includes) if (!includesValue(list, value)) list.push(value);
      values.set(path, list);
    }
  }
  return { values, conflicts };
}

function touches(call: PlannedCall, wants: readonly Want[]): boolean {
  return call.changes.some((change) => wants.some((want) => want.path === change.path));
}

function unfixedReason(
  ruleId: string,
  wants: readonly Want[],
  conflicts: readonly Conflict[],
  blocked: ReadonlyMap<FixOperation, string>,
): Omit<ManualStep, "ruleId"> {
  const conflict = conflicts.find((c) => c.rules.some((r) => r.ruleId === ruleId));
  if (conflict) {
    const others = [...new Set(conflict.rules.map((r) => r.ruleId).filter((id) => id !== ruleId))];
    return {
      path: conflict.path,
      reason: `rules ${[ruleId, ...others].join(" and ")} want different values for ${conflict.path}; neither is applied`,
    };
  }
  for (const want of wants) {
    const operation = SETTABLE_MEMBERS[want.path]?.operation;
    const missing = operation ? blocked.get(operation) : undefined;
    if (operation && missing) {
      return {
        path: want.path,
        reason: `${operation} needs ${missing}, which GetAccount did not report; set it by hand first`,
      };
    }
  }
  return { reason: "the settings derived from the check would not make it pass" };
}

function manualStep(
  ruleId: string,
  why: { reason: string; path?: string; command?: string; review?: string },
  region: string,
): ManualStep {
  const step: ManualStep = { ruleId, reason: why.reason };
  if (why.path) step.path = why.path;
  if (why.command) {
    step.command =
      region === UNKNOWN_REGION
        ? why.command.replace(" --region {region}", "")
        : why.command.replaceAll("{region}", region);
  }
  if (why.review) step.review = why.review;
  return step;
}

/** Every IAM action that applying `plan` needs: the writes, and ses:GetAccount for the re-read. */
export function iamActionsFor(plan: FixPlan): string[] {
  const writes = new Set(plan.targets.flatMap((t) => t.calls.map((c) => c.iamAction)));
  return writes.size === 0 ? [] : ["ses:GetAccount", ...[...writes].sort()];
}
