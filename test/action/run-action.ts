/**
 * Runs the bundled Action (dist/action.js) the way the GitHub runner does: a child process in the
 * workspace, every input of action.yml as an INPUT_<NAME> variable (upper-cased, hyphens kept,
 * defaults from action.yml), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_WORKSPACE, and
 * AWS settings that reach nothing but loopback. The suite needs a built dist/ (CI builds first).
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { assertLoopback } from "../helpers/aws-test-env.js";
import { repoRoot } from "../helpers/cli.js";
import { spawnAndCollect } from "../helpers/spawn.js";

/** The bundle action.yml points at. */
export const actionPath = join(repoRoot, "dist", "action.js");

/**
 * A real Node 24 binary, fetched once into node_modules/.cache by scripts/node24.mjs (it is not a
 * devDependency: see that script). .ci/run fetches it before the tests; on a fresh clone the
 * first Action test run does.
 */
function node24(): string {
  const run = spawnSync(process.execPath, [join(repoRoot, "scripts", "node24.mjs")], {
    encoding: "utf8",
    timeout: 600_000,
  });
  const path = run.stdout.trim();
  if (run.status !== 0 || !existsSync(path)) {
    throw new Error(`no Node 24 binary for the Action tests: ${run.stderr.trim()}`);
  }
  return path;
}

/** The Node versions the Action is run with: 20 (the oldest supported) and 24 (what runners use). */
export const NODES: Array<[name: string, path: string]> = [
  ["Node 20", process.execPath],
  ["Node 24", node24()],
];

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

/** action.yml, parsed. */
export function actionYaml(): ActionYaml {
  return parse(readFileSync(join(repoRoot, "action.yml"), "utf8")) as ActionYaml;
}

/** What one run of the Action left behind. */
export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The step outputs, parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** The GITHUB_STEP_SUMMARY file. */
  summary: string;
  /** The workspace the run happened in (still there until `cleanup`). */
  workspace: string;
  /** The other directory (the process's working directory when `elsewhere` was given). */
  elsewhere: string;
  cleanup(): void;
}

/** Options of one run. */
export interface ActionRunOptions {
  node: string;
  /** Inputs by their action.yml name; unset ones get the action.yml default, as on a runner. */
  inputs?: Record<string, string>;
  /** Files to create in the workspace, by relative path. */
  files?: Record<string, string>;
  /** AWS_ENDPOINT_URL (SES) and AWS_ENDPOINT_URL_STS; both must be loopback. */
  sesEndpoint: string;
  stsEndpoint: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /**
   * Start the process in another directory beside the workspace (holding these files), as a
   * runner does after a step changed directory: every relative path must still be the workspace's.
   */
  elsewhere?: Record<string, string>;
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIMITER`, value lines, `DELIMITER`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!match) continue;
    const [, name = "", delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? "");
    outputs[name] = value.join("\n");
  }
  return outputs;
}

/** Runs the Action once and collects exit code, output, step outputs and summary. */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  if (!existsSync(actionPath)) throw new Error(`${actionPath} is missing: run \`npm run build\` first`);
  assertLoopback(options.sesEndpoint);
  assertLoopback(options.stsEndpoint);
  const root = mkdtempSync(join(tmpdir(), "ses-guard-action-"));
  const workspace = join(root, "workspace");
  const outputFile = join(root, "github_output");
  const summaryFile = join(root, "step_summary.md");
  mkdirSync(workspace);
  for (const [path, text] of Object.entries(options.files ?? {})) {
    mkdirSync(join(workspace, path, ".."), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  const elsewhere = join(root, "elsewhere");
  mkdirSync(elsewhere);
  for (const [path, text] of Object.entries(options.elsewhere ?? {})) {
    mkdirSync(join(elsewhere, path, ".."), { recursive: true });
    writeFileSync(join(elsewhere, path), text);
  }
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: root,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: "acme/mailer",
    GITHUB_WORKFLOW_REF: "acme/mailer/.github/workflows/deploy.yml@refs/heads/main",
    RUNNER_TEMP: root,
    // Fake credentials, no instance metadata, every AWS endpoint on loopback.
    AWS_ACCESS_KEY_ID: "AKIASESGUARDACTION01",
    AWS_SECRET_ACCESS_KEY: "sesGuardActionTestSecret/NotReal",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL: options.sesEndpoint,
    AWS_ENDPOINT_URL_STS: options.stsEndpoint,
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_MAX_ATTEMPTS: "1",
    ...options.env,
  };
  // The runner sets every declared input, with its default when the workflow gives none.
  for (const [name, spec] of Object.entries(actionYaml().inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = options.inputs?.[name] ?? spec.default ?? "";
  }

  const { code, stdout, stderr } = await spawnAndCollect(options.node, [actionPath], {
    cwd: options.elsewhere ? elsewhere : workspace,
    env,
    timeoutMs: 30_000,
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
    workspace,
    elsewhere,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
