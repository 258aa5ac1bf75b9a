import { usageError } from "../errors.js";
import { formatNames } from "../report/index.js";
import type { FormatRequest, RunOptions } from "../run.js";
import { didYouMean } from "../suggest.js";
import { ACCOUNT_ID_PATTERN } from "../targets/fleet.js";
import { parseShard } from "../targets/shard.js";
import { ArgvError, parseArgv } from "./argv.js";
import {
  allowed,
  type CommandName,
  commandFormats,
  commands,
  type Invocation,
  type OptionValues,
  optionSpec,
} from "./command-table.js";
import { parseFleetFlags } from "./fleet-args.js";
import { parseMergeArguments } from "./merge-args.js";
import { refuseConflicts, refuseRepeated } from "./option-rules.js";
import { parseEndpoint, parseFailOn, parseRegions, parseTimeout } from "./option-values.js";

// Re-exported: the command table is part of what the command line module answers for.
export { allowed, type CommandName, commands, type Invocation, optionSpec };

/** Parses argv (without `node` and the script) into an invocation; throws usage errors (exit 2). */
export function parseCommandLine(argv: readonly string[]): Invocation {
  let values: OptionValues;
  let positionals: string[];
  let repeated: string[];
  try {
    const parsed = parseArgv(argv, optionSpec);
    values = parsed.values as OptionValues;
    positionals = parsed.positionals;
    repeated = parsed.repeated;
  } catch (error) {
    throw error instanceof ArgvError ? argvUsageError(error) : error;
  }
  if (values.help) {
    const named = positionals[0];
    return named !== undefined && (commands as readonly string[]).includes(named)
      ? { kind: "help", command: named as CommandName }
      : { kind: "help" };
  }
  if (values.version) return { kind: "version" };

  const [first, ...rest] = positionals;
  let command: CommandName = "check";
  if (first !== undefined) {
    if (!(commands as readonly string[]).includes(first)) {
      throw usageError(
        "cli/unknown-command",
        `unknown command "${first}"${didYouMean(first, commands)}; commands are ${commands.join(", ")} (see --help)`,
      );
    }
    command = first as CommandName;
  }
  if (rest.length > 0 && command !== "test" && command !== "merge")
    throw usageError("cli/unexpected-argument", `unexpected argument "${rest[0]}"; options start with --`);
  for (const name of Object.keys(values)) {
    if (name === "help" || name === "version") continue;
    if (!allowed[command].includes(name)) {
      throw usageError(
        "cli/option-not-for-command",
        `--${name} does not apply to \`ses-guard ${command}\` (see ses-guard ${command} --help)`,
      );
    }
  }
  refuseRepeated(repeated);
  refuseConflicts(Object.keys(values));

  for (const name of ["policy", "input"] as const) {
    // `--input ""` would read the working directory, `--policy ""` look for a pack without a name.
    if (values[name]?.includes(""))
      throw usageError("cli/missing-value", `--${name} needs a value (see --help)`);
  }
  if ((values.input ?? []).filter((input) => input === "-").length > 1) {
    throw usageError("cli/stdin-twice", "--input - reads standard input, which can be read only once");
  }
  const regions = parseRegions(values.region ?? [], values["all-regions"] ?? false);
  const options: RunOptions = {
    policies: values.policy ?? [],
    inputs: values.input ?? [],
    regions,
    formats: parseFormats(values.format ?? [], commandFormats[command]),
    failOn: parseFailOn(values["fail-on"]),
    timeoutSeconds: parseTimeout(values.timeout),
  };
  if (values["account-id"] !== undefined) {
    if (!ACCOUNT_ID_PATTERN.test(values["account-id"])) {
      throw usageError(
        "cli/invalid-account-id",
        `--account-id "${values["account-id"]}" is not a 12-digit AWS account id`,
      );
    }
    options.accountId = values["account-id"];
  }
  if (values.reputation) options.reputation = true;
  const fleetFlags = parseFleetFlags(values);
  if (fleetFlags.profile !== undefined) options.profile = fleetFlags.profile;
  if (fleetFlags.concurrency !== undefined) options.concurrency = fleetFlags.concurrency;
  if (fleetFlags.fleet) {
    if (options.inputs.length > 0 || options.accountId !== undefined) {
      throw usageError(
        "cli/sources-conflict",
        `${options.inputs.length > 0 ? "--input" : "--account-id"} labels saved data of one account; it cannot be used with an account source (several --profile, --accounts, --accounts-file, --organization)`,
      );
    }
    options.fleet = fleetFlags.fleet;
  } else if (command === "accounts") {
    throw usageError(
      "cli/needs-account-source",
      "accounts lists the accounts of several --profile, --accounts, --accounts-file or --organization; name one",
    );
  }
  if (values["endpoint-url"] !== undefined) options.endpointUrl = parseEndpoint(values["endpoint-url"]);
  if (command === "snapshot" && !values.out) {
    throw usageError("cli/missing-out", "snapshot needs --out FILE: where to write the snapshot");
  }
  const invocation: Invocation = { kind: "run", command, options };
  if (values.out !== undefined) invocation.out = values.out;
  if (values.color) invocation.color = true;
  if (values["no-color"]) invocation.color = false;
  if (command === "test") invocation.paths = rest;
  if (values.force) invocation.force = true;
  if (values.apply) invocation.apply = true;
  if (values.yes) invocation.yes = true;
  if (values.quiet) options.quiet = true;
  if (values.shard !== undefined) options.shard = parseShard(values.shard);
  if (command === "merge")
    invocation.merge = parseMergeArguments(rest, values.expect, values["fail-on"], options);
  return invocation;
}

/** Parses `NAME` or `NAME=FILE`; at most one format may go to standard output. */
export function parseFormats(
  raw: readonly string[],
  names: readonly string[] = formatNames,
): FormatRequest[] {
  const requests = (raw.length > 0 ? raw : ["text"]).map((entry): FormatRequest => {
    const eq = entry.indexOf("=");
    const name = eq === -1 ? entry : entry.slice(0, eq);
    const file = eq === -1 ? undefined : entry.slice(eq + 1);
    if (!names.includes(name)) {
      throw usageError(
        "cli/unknown-format",
        `unknown format "${name}"${didYouMean(name, names)}; formats are ${names.join(", ")}`,
      );
    }
    if (file === "") throw usageError("cli/invalid-format", `--format ${name}= needs a file name after =`);
    return file === undefined ? { name } : { name, file };
  });
  const toStdout = requests.filter((r) => !r.file);
  if (toStdout.length > 1) {
    throw usageError(
      "cli/formats-conflict",
      `only one format can go to standard output (got ${toStdout.map((r) => r.name).join(", ")}); write the others to files with --format NAME=FILE`,
    );
  }
  // The text report stays on standard output unless another format takes its place there.
  if (toStdout.length === 0) requests.push({ name: "text" });
  return requests;
}

function argvUsageError(error: ArgvError): Error {
  switch (error.kind) {
    case "unknown-option": {
      const known = Object.keys(optionSpec).map((name) => `--${name}`);
      return usageError(
        "cli/unknown-option",
        `unknown option ${error.option}${didYouMean(error.option, known)} (see --help)`,
      );
    }
    case "missing-value":
      return usageError(
        "cli/missing-value",
        error.following === undefined
          ? `${error.option} needs a value (see --help)`
          : `${error.option} needs a value, and "${error.following}" looks like an option (see --help); a value that starts with a dash is written ${error.option}=${error.following}`,
      );
    case "unexpected-value":
      return usageError("cli/unexpected-value", `${error.option} takes no value (see --help)`);
  }
}
