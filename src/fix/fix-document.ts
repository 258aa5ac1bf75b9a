/**
 * The document `ses-guard fix` prints: the plan for every target and, after `--apply`, what each
 * call did and the re-evaluation. `--format json` prints it as it is
 * (policies/fix-plan.schema.json); the text and markdown formats render it.
 */
import type { Summary, TargetSummary } from "../types.js";
import { iamActionsFor } from "./plan.js";
import type { FixPlan, TargetPlan } from "./plan-types.js";

/** The fix document (the JSON plan contract). */
export interface FixDocument {
  version: 1;
  tool: { name: "ses-guard"; version: string };
  /** `plan`: nothing was written. `apply`: the calls were made (see each call's outcome). */
  mode: "plan" | "apply";
  summary: FixSummary;
  /** What applying needs: ses:GetAccount and each Put* action in the plan. */
  iamActions: string[];
  targets: TargetPlan[];
  /** After `--apply`: the check of the targets as read again. */
  reevaluation?: { summary: Summary; targets: TargetSummary[] };
}

/** Counts over every target, and the exit code. */
export interface FixSummary {
  calls: number;
  applied: number;
  failed: number;
  notStarted: number;
  manual: number;
  conflicts: number;
  /** Targets that could not be read: nothing is planned or applied for them. */
  notRead: number;
  /** True when an interrupt stopped the run before every call was made. */
  interrupted: boolean;
  exitCode: number;
}

/** Assembles the document from a plan (whose calls carry outcomes after `--apply`). */
export function fixDocument(
  plan: FixPlan,
  details: {
    toolVersion: string;
    mode: FixDocument["mode"];
    exitCode: number;
    interrupted?: boolean;
    reevaluation?: FixDocument["reevaluation"];
  },
): FixDocument {
  const calls = plan.targets.flatMap((t) => t.calls);
  const count = (status: string) => calls.filter((c) => c.outcome?.status === status).length;
  const document: FixDocument = {
    version: 1,
    tool: { name: "ses-guard", version: details.toolVersion },
    mode: details.mode,
    summary: {
      calls: calls.length,
      applied: count("applied"),
      failed: count("failed"),
      notStarted: count("not-started"),
      manual: plan.targets.reduce((n, t) => n + t.manual.length, 0),
      conflicts: plan.targets.reduce((n, t) => n + t.conflicts.length, 0),
      notRead: plan.targets.filter((t) => t.status === "not-read").length,
      interrupted: details.interrupted === true,
      exitCode: details.exitCode,
    },
    iamActions: iamActionsFor(plan),
    targets: plan.targets,
  };
  if (details.reevaluation) document.reevaluation = details.reevaluation;
  return document;
}
