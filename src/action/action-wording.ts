/**
 * Errors worded for the Action. The run shared with the CLI names command-line flags; a workflow
 * author sets inputs of the step instead, so where a flag is the remedy the message names the
 * input. Pure: a SesGuardError in, one with the same codes, places and exit code out.
 */
import { SesGuardError } from "../errors.js";

/** The Action's message for each error code whose CLI message names a flag. */
const actionMessages: Record<string, string> = {
  "aws/no-region":
    "No AWS Region given. Set the regions input of the ses-guard step (e.g. regions: us-east-1, a list " +
    'such as "us-east-1, eu-west-1", or "all" for every SES Region), or set AWS_REGION for the job ' +
    "(aws-actions/configure-aws-credentials sets it from its aws-region input).",
  "cli/input-with-all-regions":
    'regions "all" reads the live account; it cannot be used with the input input (saved data)',
  "cli/input-with-regions":
    "the input input holds one account's data; name at most one Region in the regions input to label it",
  "input/snapshot-with-labels":
    "a snapshot names the Region and account of each of its targets; leave the regions input empty when input is a snapshot",
};

/** The same error with each diagnostic that names a CLI flag reworded for the Action's inputs. */
export function inActionWords(error: SesGuardError): SesGuardError {
  if (!error.diagnostics.some((d) => Object.hasOwn(actionMessages, d.code))) return error;
  const diagnostics = error.diagnostics.map((d) =>
    Object.hasOwn(actionMessages, d.code) ? { ...d, message: actionMessages[d.code] as string } : d,
  );
  return new SesGuardError(diagnostics, error.exitCode);
}
