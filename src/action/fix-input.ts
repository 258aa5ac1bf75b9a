/**
 * The Action's `fix` input: `plan` adds the fix plan to the job summary, so a pull request shows
 * what `ses-guard fix --apply` would change. Applying stays a decision made at a terminal (or in a
 * deliberate CLI step), never a side effect of a check in a workflow.
 */
import { usageError } from "../errors.js";

/** The `fix` input: empty (no plan) or `plan`. */
export function parseFixInput(value: string): "plan" | undefined {
  if (value === "") return undefined;
  if (value === "plan") return "plan";
  throw usageError(
    "action/invalid-input",
    `input fix must be "plan" or empty, not "${value}"; applying fixes is left to \`ses-guard fix --apply\` on the command line`,
  );
}
