/**
 * The fleet part of `fix --apply`: how each account of the plan is reached for writing. Role-based
 * sources are listed again (the same accounts, roles and external ids the read used); each profile
 * of a profiles source is its own account.
 */
import type { FleetAccessSource } from "./aws/apply-fleet.js";
import type { RunHost, RunOptions } from "./run.js";
import { listFleet } from "./run-fleet.js";
import type { FleetOptions } from "./targets/fleet.js";

/** The access of every account of the fleet, for applying its calls with its own credentials. */
export async function fleetAccess(
  options: RunOptions,
  fleet: FleetOptions,
  host: RunHost,
): Promise<FleetAccessSource> {
  if (fleet.source.kind === "profiles") return { kind: "profiles", profiles: fleet.source.profiles };
  const listing = await listFleet(options, fleet, host);
  if (!listing.ok) return { kind: "unreachable", error: listing.error };
  return {
    kind: "roles",
    accounts: listing.accounts,
    roleSessionName: fleet.roleSessionName,
    ...(options.profile ? { callerProfile: options.profile } : {}),
  };
}
