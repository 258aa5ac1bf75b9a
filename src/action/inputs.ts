/**
 * The GitHub Action's inputs (action.yml), read into the same options the CLI builds from its
 * arguments. Pure: the Action passes in how to read an input and the environment.
 */

import { resolve } from "node:path";
import { usageError } from "../errors.js";
import type { FleetOptions } from "../targets/fleet.js";
import { parseRegionList } from "../targets/region-names.js";
import { suggestRegion } from "../targets/region-suggestion.js";
import { parseShard } from "../targets/shard.js";
import { FAIL_ON_VALUES, type FailOn, type ShardSpec } from "../types.js";
import { booleanInput } from "./boolean-input.js";
import { parseFixInput } from "./fix-input.js";
import { parseFleetInputs } from "./fleet-inputs.js";

/** The Action's inputs after parsing. */
export interface ActionInputs {
  /** Policy files or pack names; empty means `.ses-guard.yaml` if present, else `recommended`. */
  policies: string[];
  /** Saved data to check instead of the live account (like `--input`), relative to the workspace. */
  inputs: string[];
  /** Regions to read; `"all"` for every SES region; empty for the job's AWS_REGION. */
  regions: string[] | "all";
  failOn: FailOn;
  /** Where to write SARIF, when asked. */
  sarifFile?: string;
  /** Where to write the JSON report, when asked. */
  reportFile?: string;
  annotations: boolean;
  summary: boolean;
  /** `plan`: add the fix plan to the job summary. */
  fix?: "plan";
  /** `shard`: read only the accounts of shard K of N. */
  shard?: ShardSpec;
  /** `merge`: globs of JSON reports (relative to the workspace) to merge instead of reading accounts. */
  merge?: string[];
  /** `expect`: how many reports `merge` must find. */
  expect?: number;
  /** The account source (`accounts`, `accounts-file`, `organization`, ...); absent for the job's own account. */
  fleet?: FleetOptions;
}

/** Splits a list input: one entry per line or comma, blanks dropped. */
export function listInput(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

function didYouMean(region: string): string {
  const hit = suggestRegion(region);
  return hit === undefined ? "" : ` (did you mean "${hit}"?)`;
}

/**
 * Reads every input through `get` (which returns the trimmed value, or "" when unset) and checks
 * it; a bad value is a usage error (exit 2) that names the input.
 */
export function parseActionInputs(get: (name: string) => string): ActionInputs {
  const failOn = get("fail-on") || "error";
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) {
    throw usageError(
      "action/invalid-input",
      `input fail-on must be one of ${FAIL_ON_VALUES.join(", ")}, not "${failOn}"`,
    );
  }
  const regionList = listInput(get("regions"));
  const all = regionList.some((r) => r.toLowerCase() === "all");
  if (all && regionList.length > 1) {
    throw usageError("action/invalid-input", 'input regions is either "all" or a list of regions, not both');
  }
  // Checked here, as the CLI checks --region: a typo is a mistake in the workflow, not a Region
  // that could not be read.
  const regions = all ? undefined : parseRegionList(regionList);
  if (regions && "invalid" in regions) {
    throw usageError(
      "action/invalid-input",
      `input regions must list AWS region names (e.g. us-east-1, eu-west-2) or "all", not "${regions.invalid}"${didYouMean(regions.invalid)}`,
    );
  }
  const inputs: ActionInputs = {
    policies: listInput(get("policy")),
    inputs: listInput(get("input")),
    regions: regions ? regions.regions : "all",
    failOn: failOn as FailOn,
    annotations: booleanInput("annotations", get("annotations"), true),
    summary: booleanInput("summary", get("summary"), true),
  };
  const fix = parseFixInput(get("fix"));
  if (fix) inputs.fix = fix;
  const sarifFile = get("sarif-file");
  if (sarifFile) inputs.sarifFile = sarifFile;
  const reportFile = get("report-file");
  if (reportFile) inputs.reportFile = reportFile;
  const shard = get("shard");
  if (shard) inputs.shard = parseShard(shard, "input shard");
  const merge = listInput(get("merge"));
  if (merge.length > 0) inputs.merge = merge;
  const expect = get("expect");
  if (expect) {
    if (!/^\d+$/.test(expect) || Number(expect) < 1)
      throw usageError(
        "action/invalid-input",
        `input expect must be the number of reports to merge, not "${expect}"`,
      );
    if (!inputs.merge) throw usageError("action/invalid-input", "input expect applies only with input merge");
    inputs.expect = Number(expect);
  }
  if (inputs.merge && inputs.shard)
    throw usageError(
      "action/invalid-input",
      "inputs merge and shard do not go together: merge combines the shards' reports",
    );
  const fleet = parseFleetInputs(get);
  if (fleet) {
    const other = inputs.inputs.length > 0 ? "input" : inputs.merge ? "merge" : undefined;
    if (other)
      throw usageError(
        "action/invalid-input",
        `input ${other} does not go with an account source (input accounts, accounts-file or organization): ${other === "input" ? "saved data is checked instead of reading accounts" : "merge combines reports instead of reading accounts"}`,
      );
    inputs.fleet = fleet;
  }
  // Compared as paths (`out.json` and `./out.json` are one file); both resolve from one folder.
  if (sarifFile && reportFile && resolve("/", sarifFile) === resolve("/", reportFile)) {
    throw usageError("action/invalid-input", "inputs sarif-file and report-file name the same file");
  }
  return inputs;
}

/**
 * The repository path of the running workflow, from GITHUB_WORKFLOW_REF
 * (`owner/repo/.github/workflows/deploy.yml@refs/heads/main`): where results with no policy
 * file in the repository are reported.
 */
export function workflowFile(env: Record<string, string | undefined>): string | undefined {
  const ref = env.GITHUB_WORKFLOW_REF;
  const repository = env.GITHUB_REPOSITORY;
  if (!ref) return undefined;
  const withoutRef = ref.replace(/@[^@]*$/, "");
  if (repository && withoutRef.startsWith(`${repository}/`)) return withoutRef.slice(repository.length + 1);
  const match = /^[^/]+\/[^/]+\/(.+)$/.exec(withoutRef);
  return match?.[1];
}
