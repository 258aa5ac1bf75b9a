/**
 * Where a run's targets come from: the `--input` files (saved data), or the live accounts through
 * the AWS side, which is loaded only here so checks of saved data never pay for the SDK.
 */
import { resolve } from "node:path";
import { inputTooLarge, MAX_SNAPSHOT_BYTES, parseInput } from "./account/file.js";
import { refuseLabelsOnSnapshot } from "./account/snapshot-labels.js";
import { UNKNOWN_REGION } from "./engine/facts.js";
import { usageError } from "./errors.js";
import { readBoundedText } from "./io/bounded-read.js";
import { targetKey } from "./report/common.js";
import type { RunHost, RunOptions } from "./run.js";
import type { TargetData } from "./types.js";

export async function readInputs(options: RunOptions, host: RunHost): Promise<TargetData[]> {
  if (options.regions === "all") {
    throw usageError(
      "cli/input-with-all-regions",
      "--all-regions reads the live account; it cannot be used with --input",
    );
  }
  if (options.regions.length > 1) {
    throw usageError(
      "cli/input-with-regions",
      `--input holds one account's data; name at most one --region to label it (got ${options.regions.join(", ")})`,
    );
  }
  const labels = { region: options.regions[0] ?? UNKNOWN_REGION, accountId: options.accountId ?? null };
  const labelled = [
    ...(options.regions.length > 0 ? ["--region"] : []),
    ...(options.accountId ? ["--account-id"] : []),
  ];
  const targets: TargetData[] = [];
  const seen = new Map<string, string>();
  for (const input of options.inputs) {
    const name = input === "-" ? "<stdin>" : input;
    const text =
      input === "-"
        ? await host.readStdin(MAX_SNAPSHOT_BYTES)
        : readInputFile(resolve(host.cwd, input), input);
    if (text === undefined) throw inputTooLarge(name, MAX_SNAPSHOT_BYTES);
    const parsed = await parseInput(name, text, labels, host.now(), () =>
      refuseLabelsOnSnapshot(name, labelled),
    );
    for (const target of parsed) {
      // Two targets with one region and account id could not be told apart in any report.
      const key = targetKey(target);
      const first = seen.get(key);
      if (first !== undefined) {
        throw usageError(
          "input/duplicate-target",
          `${name} holds the same target as ${first} (region ${target.region}, account ${target.accountId ?? "unknown"}); reports could not tell them apart. Check each get-account file in its own run, labelled with --region and --account-id`,
        );
      }
      seen.set(key, name);
      targets.push(target);
    }
  }
  return targets;
}

function readInputFile(path: string, shown: string): string {
  const read = readBoundedText(path, MAX_SNAPSHOT_BYTES);
  if ("text" in read) return read.text;
  if ("isDirectory" in read)
    throw usageError("input/unreadable", `cannot read input ${shown}: it is a directory`);
  if ("tooLarge" in read) {
    throw usageError(
      "input/too-large",
      `input ${shown} is ${Math.ceil(read.size / 1024 / 1024)} MiB; the limit is ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB (for a snapshot)`,
    );
  }
  throw usageError("input/unreadable", `cannot read input ${shown}: ${read.error}`);
}

export async function readLive(options: RunOptions, host: RunHost): Promise<TargetData[]> {
  if (options.fleet) {
    // Loaded only for a fleet, so a single-account check starts as before.
    const { readFleet } = await import("./run-fleet.js");
    return readFleet(options, options.fleet, host);
  }
  // Loaded only here, so checks of saved data never pay for the AWS SDK.
  const { assertProfileConfigured, readAwsTargets } = await import("./aws/live.js");
  // A mistyped profile is a mistake in the invocation, named before anything is read.
  if (options.profile) await assertProfileConfigured(options.profile, host.env);
  const targets = await readAwsTargets({
    regions: options.regions,
    timeoutSeconds: options.timeoutSeconds,
    env: host.env,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    ...(host.onProgress ? { onProgress: host.onProgress } : {}),
    ...(host.signal ? { signal: host.signal } : {}),
    ...(options.reputation ? { reputation: true } : {}),
  });
  // STS is the authority on whose credentials these are; --account-id labels what it could not tell,
  // so that waivers scoped to accounts and the report can still name the account.
  const { accountId } = options;
  if (!accountId) return targets;
  return targets.map((t) => {
    if (t.accountId !== null) return t;
    const { accountIdUnknownReason: _known, ...rest } = t;
    return { ...rest, accountId };
  });
}
