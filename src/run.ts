import { resolve } from "node:path";
import { createSnapshot } from "./account/file.js";
import { evaluatePolicy } from "./engine/evaluate.js";
import { policyUsesReputation } from "./engine/fact-usage.js";
import { ExitCode, usageError } from "./errors.js";
import { writeFileAtomic } from "./io/atomic-write.js";
import { findDefaultPolicyFile } from "./io/default-policy.js";
import { assertDistinctFormatFiles } from "./io/format-outputs.js";
import { describeFsError } from "./io/fs-errors.js";
import { createPolicyHost } from "./io/policy-host.js";
import { loadPolicy } from "./policy/resolve.js";
import { policyDigest, policySources } from "./report/policy-identity.js";
import { type RenderedOutput, renderAndDeliver } from "./report/render-outputs.js";
import { readInputs, readLive } from "./run-read.js";
import type { FleetOptions } from "./targets/fleet.js";
import { filterShard } from "./targets/shard.js";
import type { FailOn, Policy, Report, ShardSpec, TargetData } from "./types.js";
import { toolVersion } from "./version.js";

/** The policy used when none is named and the working directory has no `.ses-guard.yaml` (or `.yml`). */
export const DEFAULT_PACK = "recommended";
/** Seconds each AWS request may take before it is abandoned (and retried where that is safe). */
export const DEFAULT_TIMEOUT_SECONDS = 10;

/** One `--format NAME[=FILE]`. */
export interface FormatRequest {
  name: string;
  /** Where to write it; standard output when absent. */
  file?: string;
}

/** Everything a run needs to know, whoever started it (CLI or Action). */
export interface RunOptions {
  /** Policy files or pack names; empty means `.ses-guard.yaml` if present, else `recommended`. */
  policies: string[];
  /** `--input` files (`-` is standard input); empty means the live account. */
  inputs: string[];
  /** Regions named by the user; `"all"` for `--all-regions`; empty to resolve from the environment. */
  regions: string[] | "all";
  accountId?: string;
  profile?: string;
  endpointUrl?: string;
  formats: FormatRequest[];
  failOn: FailOn;
  timeoutSeconds: number;
  /** `snapshot --reputation`: store the `$reputation.*` facts with each target. */
  reputation?: boolean;
  /** The account source of a fleet run (README.md, "Reading many accounts"); absent for the caller's account. */
  fleet?: FleetOptions;
  /** `--concurrency`: GetAccount requests in flight over the whole run. */
  concurrency?: number;
  /** `--quiet`: the text report shows only failed, errored and waived results and the verdict. */
  quiet?: boolean;
  /** `--shard K/N`: read and report only the accounts of that shard. */
  shard?: ShardSpec;
  /** What SARIF `automationDetails.id` starts with (the Action names its workflow and job). */
  sarifCategoryPrefix?: string;
}

/** The world a run touches, passed in so tests and the Action can supply their own. */
export interface RunHost {
  cwd: string;
  env: Record<string, string | undefined>;
  now(): Date;
  /** Reads standard input to its end; undefined once it passes `maxBytes` (the rest is not read). */
  readStdin(maxBytes: number): Promise<string | undefined>;
  /** Whether the text format may use colour. */
  color: boolean;
  /** Called while live targets are read: `done` of `total` regions finished. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Repository root for repository-relative report paths (the Action passes GITHUB_WORKSPACE). */
  workspace?: string;
  /** A repository file to point at when a result has no policy file (the Action passes the workflow). */
  fallbackFile?: string;
}

/** A rendered format: printed when `file` is absent, already written when present. */
export type { RenderedOutput };

/** What a check produced. Output files are written before this returns. */
export interface CheckOutcome {
  exitCode: number;
  report: Report;
  policy: Policy;
  outputs: RenderedOutput[];
  /** Files that could not be written: the run still returns everything else. */
  writeErrors: string[];
  /** The data the report was evaluated on (what `fix` plans from). */
  targets: TargetData[];
}

/**
 * Resolves which policies to load, applying the default (README.md, "The command line"):
 * `.ses-guard.yaml` or `.ses-guard.yml` in `cwd` (both is an error), else the recommended pack.
 */
export function policySpecs(policies: readonly string[], cwd: string): string[] {
  if (policies.length > 0) return [...policies];
  return [findDefaultPolicyFile(cwd) ?? DEFAULT_PACK];
}

/**
 * Loads and resolves the policy; throws a SesGuardError (exit 2) listing every problem.
 * `extends` may reach files inside `repositoryRoot` (the Action passes GITHUB_WORKSPACE), by
 * default the git repository holding `cwd`.
 */
export async function loadPolicies(
  policies: readonly string[],
  cwd: string,
  repositoryRoot?: string,
): Promise<Policy> {
  return loadPolicy(policySpecs(policies, cwd), createPolicyHost(cwd, repositoryRoot));
}

/** `check`: load the policy, read the targets, evaluate, render and write every format. */
export async function runCheck(options: RunOptions, host: RunHost): Promise<CheckOutcome> {
  // Two outputs into one file would lose one of them: refused before anything is read.
  assertDistinctFormatFiles(options.formats, host.cwd);
  const policy = await loadPolicies(options.policies, host.cwd, host.workspace);
  // CloudWatch is asked only for a policy that uses the reputation facts.
  const read =
    options.inputs.length > 0
      ? await readInputs(options, host)
      : await readLive({ ...options, reputation: policyUsesReputation(policy) }, host);
  const targets = shardTargets(read, options.shard);
  const now = host.now();
  const today = now.toISOString().slice(0, 10);
  const report = identifyReport(
    evaluatePolicy(policy, targets, { today, failOn: options.failOn, toolVersion }),
    policy,
    now,
    options.shard,
  );
  const context = {
    color: host.color,
    today,
    workspace: host.workspace ?? host.cwd,
    rules: policy.rules,
    ...(host.fallbackFile ? { fallbackFile: host.fallbackFile } : {}),
    ...(options.quiet ? { quiet: true } : {}),
    ...(options.sarifCategoryPrefix ? { sarifCategoryPrefix: options.sarifCategoryPrefix } : {}),
  };
  const { outputs, writeErrors } = await renderAndDeliver(report, options.formats, context, host.cwd);
  return { exitCode: report.summary.exitCode, report, policy, outputs, writeErrors, targets };
}

/**
 * `snapshot`: read every target live and write their raw responses, atomically; with `out` `-`
 * the snapshot is returned as `stdout` for the caller to print instead.
 */
export async function runSnapshot(
  options: RunOptions,
  out: string,
  host: RunHost,
): Promise<{ exitCode: number; targets: TargetData[]; file: string; stdout?: string }> {
  const targets = shardTargets(await readLive(options, host), options.shard);
  const snapshot = createSnapshot(targets, toolVersion, host.now());
  const text = `${JSON.stringify(snapshot, null, 2)}\n`;
  const unreadable = targets.some((t) => t.status === "error");
  const exitCode = unreadable ? ExitCode.unreadableTarget : ExitCode.ok;
  if (out === "-") return { exitCode, targets, file: "standard output", stdout: text };
  const path = resolve(host.cwd, out);
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw usageError("snapshot/write-failed", `cannot write snapshot to ${out}: ${describeFsError(error)}`);
  }
  return { exitCode, targets, file: out };
}

/** Reads the targets of a run as `check` does: the `--input` files, else the live accounts. */
export function readTargets(options: RunOptions, host: RunHost): Promise<TargetData[]> {
  return options.inputs.length > 0 ? readInputs(options, host) : readLive(options, host);
}

/** Keeps the targets of the shard's accounts (all of them without `--shard`). */
function shardTargets(targets: TargetData[], shard: ShardSpec | undefined): TargetData[] {
  return shard ? filterShard(targets, shard, (t) => t.accountId) : targets;
}

/** Adds what says when and with which policy (and shard) the report was made. */
function identifyReport(report: Report, policy: Policy, now: Date, shard: ShardSpec | undefined): Report {
  report.createdAt = now.toISOString();
  report.policies = policySources(policy);
  // Computed when a format reads it (JSON, the summary, merge): node:crypto costs a text-only
  // offline check about a tenth of its start-up. Enumerable, so it serialises like a plain value.
  let digest: string | undefined;
  Object.defineProperty(report, "policyDigest", {
    enumerable: true,
    configurable: true,
    get: () => {
      digest ??= policyDigest(policy);
      return digest;
    },
  });
  if (shard) report.shard = { index: shard.index, count: shard.count };
  return report;
}
