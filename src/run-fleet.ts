/**
 * The fleet part of a run: turns the account-source flags into what the AWS side reads (an
 * accounts file is read and checked here, before any request is made), then reads every account.
 * Both the SDK and the accounts-file validator are loaded only when a fleet is read.
 */
import { resolve } from "node:path";
import type { FleetListing, FleetReadOptions } from "./aws/read-fleet.js";
import { SesGuardError, usageError } from "./errors.js";
import { readBoundedText } from "./io/bounded-read.js";
import { yamlLimits } from "./policy/yaml-limits.js";
import type { RunHost, RunOptions } from "./run.js";
import type { FleetAccount, FleetOptions } from "./targets/fleet.js";
import { DEFAULT_CONCURRENCY } from "./targets/fleet.js";
import type { TargetData } from "./types.js";

/** Reads every account of the fleet in its Regions (`check`, `snapshot`). */
export async function readFleet(
  options: RunOptions,
  fleet: FleetOptions,
  host: RunHost,
): Promise<TargetData[]> {
  const read = await fleetReadOptions(options, fleet, host);
  const { readFleetTargets } = await import("./aws/live.js");
  return readFleetTargets(read);
}

/** Lists the accounts a run would read, without reading SES (`ses-guard accounts`). */
export async function listFleet(
  options: RunOptions,
  fleet: FleetOptions,
  host: RunHost,
): Promise<FleetListing> {
  const read = await fleetReadOptions(options, fleet, host);
  const { listFleetAccounts } = await import("./aws/live.js");
  return listFleetAccounts(read);
}

async function fleetReadOptions(
  options: RunOptions,
  fleet: FleetOptions,
  host: RunHost,
): Promise<FleetReadOptions> {
  const { source } = fleet;
  let input: FleetReadOptions["source"];
  if (source.kind === "profiles") input = source;
  else if (source.kind === "organization") input = source;
  else if (source.kind === "accounts")
    input = { kind: "accounts", accounts: source.ids.map((id) => ({ id })) };
  else input = { kind: "accounts", accounts: await readAccountsFile(source.file, host.cwd) };
  return {
    source: input,
    regions: options.regions,
    roleSessionName: fleet.roleSessionName,
    excludeAccounts: fleet.excludeAccounts,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    timeoutSeconds: options.timeoutSeconds,
    env: host.env,
    ...(fleet.role !== undefined ? { role: fleet.role } : {}),
    ...(fleet.externalId !== undefined ? { externalId: fleet.externalId } : {}),
    ...(options.profile ? { callerProfile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    ...(host.onProgress ? { onProgress: host.onProgress } : {}),
    ...(host.signal ? { signal: host.signal } : {}),
    ...(options.reputation ? { reputation: true } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  };
}

async function readAccountsFile(file: string, cwd: string): Promise<FleetAccount[]> {
  const read = readBoundedText(resolve(cwd, file), yamlLimits.maxBytes);
  if (!("text" in read)) {
    let why: string;
    if ("isDirectory" in read) why = "it is a directory";
    else if ("tooLarge" in read) why = `it is larger than ${yamlLimits.maxBytes / 1024} KiB`;
    else why = read.error;
    throw usageError("accounts/unreadable", `cannot read accounts file ${file}: ${why}`);
  }
  // The validator (Ajv) is loaded only by runs that read an accounts file.
  const { parseAccountsFile } = await import("./targets/accounts-file.js");
  const parsed = parseAccountsFile(file, read.text);
  if (!parsed.ok) throw new SesGuardError(parsed.diagnostics);
  return parsed.accounts;
}
