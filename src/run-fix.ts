/**
 * `ses-guard fix` orchestration, shared by the CLI and the Action: read and evaluate like `check`,
 * plan (src/fix/, pure), and on request apply through the AWS chunk, then read every changed
 * target again and re-evaluate. Prompting and signals belong to the caller.
 */
import { evaluatePolicy } from "./engine/evaluate.js";
import { ExitCode } from "./errors.js";
import { type FixDocument, fixDocument } from "./fix/fix-document.js";
import { planFix } from "./fix/plan.js";
import type { CallOutcome, FixPlan } from "./fix/plan-types.js";
import { renderFixMarkdown } from "./fix/render-markdown.js";
import { renderFixText } from "./fix/render-text.js";
import { targetKey } from "./report/common.js";
import { jsonWithoutLogCommands } from "./report/escape.js";
import { loadPolicies, type RunHost, type RunOptions, readTargets } from "./run.js";
import { fleetAccess } from "./run-fix-fleet.js";
import { DEFAULT_CONCURRENCY } from "./targets/fleet.js";
import type { Policy, Report, TargetData } from "./types.js";
import { toolVersion } from "./version.js";

/** What was read, evaluated and planned. */
export interface PreparedFix {
  policy: Policy;
  targets: TargetData[];
  report: Report;
  plan: FixPlan;
  today: string;
}

/** Loads the policy, reads the targets, evaluates them and plans the fix. Writes nothing. */
export async function prepareFix(options: RunOptions, host: RunHost): Promise<PreparedFix> {
  const policy = await loadPolicies(options.policies, host.cwd);
  const targets = await readTargets(options, host);
  const today = host.now().toISOString().slice(0, 10);
  const report = evaluatePolicy(policy, targets, { today, failOn: options.failOn, toolVersion });
  return { policy, targets, report, plan: planFix(policy, report, targets), today };
}

/** The document of a plan that is not applied: the exit code is `check`'s for the same targets. */
export function planDocument(prepared: PreparedFix): FixDocument {
  return fixDocument(prepared.plan, {
    toolVersion,
    mode: "plan",
    exitCode: prepared.report.summary.exitCode,
  });
}

/** Number of calls in a plan. */
export function callCount(plan: FixPlan): number {
  return plan.targets.reduce((n, t) => n + t.calls.length, 0);
}

/**
 * Applies the plan: every target with calls, in parallel; then, unless `stop` was aborted, reads
 * the changed targets again and re-evaluates every target. The exit code is the re-evaluation's,
 * or 3 when a call or a re-read failed. The plan's calls get their outcomes in place.
 */
export async function applyFix(
  prepared: PreparedFix,
  options: RunOptions,
  host: RunHost,
  stop: AbortSignal,
): Promise<FixDocument> {
  const live = await import("./aws/live.js");
  const changing = prepared.plan.targets.filter((t) => t.calls.length > 0);
  const common = {
    timeoutSeconds: options.timeoutSeconds,
    env: host.env,
    stop,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    // Recorded as each call settles, so an interrupt that ends the run early still reports them.
    onOutcome: (t: number, c: number, outcome: CallOutcome) => {
      const call = changing[t]?.calls[c];
      if (call) call.outcome = outcome;
    },
  };
  if (options.fleet) {
    // Each account's calls go out with that account's credentials, never the caller's.
    const access = await fleetAccess(options, options.fleet, host);
    await live.applyFleetCalls({
      ...common,
      access,
      targets: changing.map((t) => ({ accountId: t.accountId, region: t.region, calls: t.calls })),
    });
  } else {
    await live.applyAccountCalls({
      ...common,
      targets: changing.map((t) => ({ region: t.region, calls: t.calls })),
      ...(options.profile ? { profile: options.profile } : {}),
    });
  }
  const calls = changing.flatMap((t) => t.calls);
  const failed = calls.some((c) => c.outcome?.status === "failed");
  if (stop.aborted) {
    // As for any interrupted command: 130 after SIGINT, 143 after SIGTERM.
    const exitCode = stop.reason === "SIGTERM" ? 143 : 130;
    return fixDocument(prepared.plan, { toolVersion, mode: "apply", exitCode, interrupted: true });
  }
  // Read again every target where a call was made, whatever its outcome: a failed call may
  // still have changed something, and the report must show the state as it is now.
  const touched = changing.filter((t) => t.calls.some((c) => c.outcome?.status !== "not-started"));
  const touchedRegions = [...new Set(touched.map((t) => t.region))];
  const reread =
    touched.length === 0 ? [] : await readTargets({ ...options, inputs: [], regions: touchedRegions }, host);
  // Matched by account and Region: in a fleet, one Region holds a target of every account.
  const again = new Map(reread.map((r) => [targetKey(r), r]));
  const touchedKeys = new Set(touched.map(targetKey));
  // One account alone: its Region is enough (STS may have named the account only one of the times).
  const rereadOf = (key: string, region: string) =>
    again.get(key) ?? (options.fleet ? undefined : reread.find((r) => r.region === region));
  const targets = prepared.targets.map((target) =>
    touchedKeys.has(targetKey(target)) ? (rereadOf(targetKey(target), target.region) ?? target) : target,
  );
  const report = evaluatePolicy(prepared.policy, targets, {
    today: prepared.today,
    failOn: options.failOn,
    toolVersion,
  });
  // A changed target that was not read again, or not readable, is not known to be fixed.
  const rereadFailed = touched.some((t) => rereadOf(targetKey(t), t.region)?.status !== "ok");
  const exitCode = failed || rereadFailed ? ExitCode.unreadableTarget : report.summary.exitCode;
  return fixDocument(prepared.plan, {
    toolVersion,
    mode: "apply",
    exitCode,
    reevaluation: { summary: report.summary, targets: report.targets },
  });
}

/** Renders a fix document in one of {@link fixFormatNames}. */
export function renderFix(document: FixDocument, format: string): string {
  if (format === "json") return `${jsonWithoutLogCommands(JSON.stringify(document, null, 2))}\n`;
  if (format === "markdown") return renderFixMarkdown(document);
  return renderFixText(document);
}
