/** The fix plan's section of the job summary, derived from the check the Action just ran. */
import { fixDocument } from "../fix/fix-document.js";
import { planFix } from "../fix/plan.js";
import { renderFixMarkdown } from "../fix/render-markdown.js";
import { boundMarkdown } from "../report/bounded-text.js";
import type { CheckOutcome } from "../run.js";
import { toolVersion } from "../version.js";

/** Room the plan may take in the 1 MiB job summary; the check's own section gets the rest. */
export const FIX_SUMMARY_BYTES = 256 * 1024;

/** The plan as markdown, cut to {@link FIX_SUMMARY_BYTES} with a line saying so. */
export function fixPlanSummary(outcome: CheckOutcome): string {
  const plan = planFix(outcome.policy, outcome.report, outcome.targets);
  const document = fixDocument(plan, {
    toolVersion,
    mode: "plan",
    exitCode: outcome.report.summary.exitCode,
  });
  return boundMarkdown(
    renderFixMarkdown(document),
    "_The fix plan was cut to fit the job summary; run `ses-guard fix` for all of it._",
    FIX_SUMMARY_BYTES,
  );
}
