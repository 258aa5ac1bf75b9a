/**
 * The command line's vocabulary: the commands, every option with its kind, which options each
 * command takes and which formats. args.ts parses against it; `COMMAND --help` is cut by it.
 */
import { rulesFormatNames, testFormatNames } from "../authoring/format-names.js";
import { fixFormatNames } from "../fix/format-names.js";
import type { RunOptions } from "../run.js";
import type { OptionSpec } from "./argv.js";
import { fleetFlagNames } from "./fleet-args.js";
import type { MergeArguments } from "./merge-args.js";

/** The subcommands; `check` is the default. */
export const commands = [
  "check",
  "validate",
  "snapshot",
  "test",
  "init",
  "schema",
  "rules",
  "fix",
  "accounts",
  "merge",
] as const;

/** A subcommand name. */
export type CommandName = (typeof commands)[number];

/** The parsed command line. */
export type Invocation =
  /** `--help`: the overview, or one command's own usage and options (`check --help`). */
  | { kind: "help"; command?: CommandName }
  | { kind: "version" }
  | {
      kind: "run";
      command: CommandName;
      options: RunOptions;
      out?: string;
      color?: boolean;
      /** `test`: the files and directories to run (the working directory when empty). */
      paths?: string[];
      /** `init --force`: overwrite existing files. */
      force?: boolean;
      /** `fix --apply`: make the calls of the plan. */
      apply?: boolean;
      /** `fix --yes`: apply without asking. */
      yes?: boolean;
      /** `merge`: the JSON reports to combine, `--expect N` and whether `--fail-on` was given. */
      merge?: MergeArguments;
    };

export const optionSpec = {
  policy: { type: "string", multiple: true },
  input: { type: "string", multiple: true },
  region: { type: "string", multiple: true },
  "all-regions": { type: "boolean" },
  "account-id": { type: "string" },
  profile: { type: "string", multiple: true },
  accounts: { type: "string", multiple: true },
  "accounts-file": { type: "string" },
  organization: { type: "boolean" },
  ou: { type: "string", multiple: true },
  "exclude-accounts": { type: "string", multiple: true },
  role: { type: "string" },
  "external-id": { type: "string" },
  "role-session-name": { type: "string" },
  concurrency: { type: "string" },
  "endpoint-url": { type: "string" },
  format: { type: "string", multiple: true },
  "fail-on": { type: "string" },
  timeout: { type: "string" },
  out: { type: "string" },
  reputation: { type: "boolean" },
  force: { type: "boolean" },
  apply: { type: "boolean" },
  yes: { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  shard: { type: "string" },
  expect: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const satisfies Record<string, OptionSpec>;

/** The values parseArgv returns for optionSpec, typed option by option. */
export type OptionValues = {
  -readonly [K in keyof typeof optionSpec]?: (typeof optionSpec)[K] extends { type: "string"; multiple: true }
    ? string[]
    : (typeof optionSpec)[K] extends { type: "string" }
      ? string
      : boolean;
};

/** What `check` and `fix` both take: the policy, the data (saved or live), the reports. */
const checkOptions = [
  "policy",
  "input",
  "region",
  "all-regions",
  "account-id",
  "profile",
  "endpoint-url",
  "format",
  "fail-on",
  "timeout",
  "color",
  "no-color",
  ...fleetFlagNames,
] as const;

/** Which options each command takes; anything else is a usage error rather than silently ignored. */
export const allowed: Record<CommandName, readonly string[]> = {
  check: [...checkOptions, "quiet", "shard"],
  validate: ["policy", "color", "no-color"],
  snapshot: [
    "region",
    "all-regions",
    "profile",
    "endpoint-url",
    "timeout",
    "out",
    "reputation",
    "shard",
    ...fleetFlagNames,
  ],
  test: ["format", "color", "no-color"],
  init: ["force"],
  schema: [],
  rules: ["policy", "format"],
  fix: [...checkOptions, "apply", "yes"],
  accounts: ["profile", "timeout", "format", ...fleetFlagNames.filter((name) => name !== "concurrency")],
  merge: ["format", "fail-on", "expect", "quiet", "color", "no-color"],
};

/** The formats a command's --format takes, where they differ from check's. */
export const commandFormats: Partial<Record<CommandName, readonly string[]>> = {
  test: testFormatNames,
  rules: rulesFormatNames,
  fix: fixFormatNames,
  accounts: ["text", "json"],
};
