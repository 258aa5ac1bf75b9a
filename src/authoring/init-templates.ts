/**
 * The files `ses-guard init` writes: a starter policy, a test file for it, and a GitHub workflow.
 * Pure text built from today's date (the example waiver must expire in the future) and the version
 * (the workflow pins the ses-guard that wrote it).
 */
import {
  STARTER_POLICY_PATH,
  STARTER_TEST_PATH,
  STARTER_WORKFLOW_PATH,
  type StarterOptions,
} from "./starter-options.js";
import { starterPolicy } from "./starter-policy.js";
import { starterTests } from "./starter-tests.js";
import { starterWorkflow } from "./starter-workflow.js";

export {
  ACTION_REFERENCE,
  commentOut,
  exampleWaiverExpiry,
  STARTER_POLICY_PATH,
  STARTER_SCHEMA_REFERENCE,
  STARTER_TEST_PATH,
  type StarterOptions,
} from "./starter-options.js";
export { exampleOverride, exampleRule, exampleWaiver, starterPolicy } from "./starter-policy.js";
export { exampleCases, starterTests } from "./starter-tests.js";
export { starterWorkflow } from "./starter-workflow.js";

/** A file to write, by path relative to the working directory. */
interface StarterFile {
  path: string;
  text: string;
}

/** The files `init` writes, in the order it writes them. */
export function starterFiles(options: StarterOptions): StarterFile[] {
  return [
    { path: STARTER_POLICY_PATH, text: starterPolicy(options) },
    { path: STARTER_TEST_PATH, text: starterTests(options) },
    { path: STARTER_WORKFLOW_PATH, text: starterWorkflow(options) },
  ];
}
