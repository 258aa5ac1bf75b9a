/**
 * What the files `ses-guard init` writes are built from and where they go, and the text helpers
 * the policy and its tests share.
 */

/** What the starter files are built from. */
export interface StarterOptions {
  /** Today in UTC, `YYYY-MM-DD`. */
  today: string;
  /** The ses-guard version writing the files. */
  version: string;
}

/** Where `init` writes the policy (the file `check` picks up by default). */
export const STARTER_POLICY_PATH = ".ses-guard.yaml";
/** Where `init` writes the policy's tests (found by `ses-guard test` from the repository root). */
export const STARTER_TEST_PATH = ".ses-guard.test.yaml";
/** Where `init` writes the workflow. */
export const STARTER_WORKFLOW_PATH = ".github/workflows/ses-guard.yml";
/** The Action the workflow uses: this repository, on its major-version tag. */
export const ACTION_REFERENCE = "ses-guard/ses-guard@v0";
/** The SARIF file the workflow writes and uploads. */
export const STARTER_SARIF_FILE = "ses-guard.sarif";

/**
 * The schema reference of the starter policy. Editors with yaml-language-server resolve a relative
 * `$schema` against the file it is in, so this finds the schema of the ses-guard version the
 * repository installs, and it changes when ses-guard is upgraded; a URL would be one version for
 * every repository, and an absolute path would only work on one machine.
 */
export const STARTER_SCHEMA_REFERENCE = "./node_modules/ses-guard/policies/policy.schema.json";

/** The example waiver's end date: 90 days from today, so the uncommented example applies at once. */
export function exampleWaiverExpiry(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 90);
  return date.toISOString().slice(0, 10);
}

/** Prefixes each line with `# `. */
export function commentOut(text: string): string {
  return text
    .split("\n")
    .map((line) => `# ${line}`.trimEnd())
    .join("\n");
}
