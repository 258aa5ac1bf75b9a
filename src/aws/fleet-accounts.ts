/**
 * The first steps of a fleet run, before any account is read: which accounts (a list, a file, or
 * AWS Organizations discovery) and which Regions (the caller's default Region resolved once), and
 * the request settings every fleet client shares.
 */

import { usageError } from "../errors.js";
import type { FleetAccount, PlannedAccount } from "../targets/fleet.js";
import type { ErrorInfo, ShardSpec } from "../types.js";
import { nodeHandlerOptions } from "./bounded-http-handler.js";
import { resolveDefaultRegion } from "./default-region.js";

/** Where the accounts come from, with an accounts file already read. */
export type FleetSourceInput =
  | { kind: "profiles"; profiles: string[] }
  | { kind: "accounts"; accounts: FleetAccount[] }
  | { kind: "organization"; ous: string[] };

/** How to read a fleet (what run.ts passes in). */
export interface FleetReadOptions {
  source: FleetSourceInput;
  /** Regions named (--region), "all", or [] for the caller's default Region. */
  regions: string[] | "all";
  role?: string;
  externalId?: string;
  roleSessionName: string;
  excludeAccounts: string[];
  /** GetAccount requests in flight over the whole run. */
  concurrency: number;
  /** With a role-based source: the profile of the caller's credentials. */
  callerProfile?: string;
  endpointUrl?: string;
  timeoutSeconds: number;
  env: Record<string, string | undefined>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Also read the `$reputation.*` facts of every readable target. */
  reputation?: boolean;
  /** `--shard K/N`: read only the accounts of that shard. */
  shard?: ShardSpec;
}

/** The accounts a role-based run would read, or why they could not be listed. */
export type FleetListing = { ok: true; accounts: PlannedAccount[] } | { ok: false; error: ErrorInfo };

/** Finds the accounts of a role-based source; a discovery that fails is returned, not thrown. */
export async function findAccounts(
  options: FleetReadOptions,
): Promise<{ ok: true; accounts: FleetAccount[] } | { ok: false; error: ErrorInfo }> {
  const { source } = options;
  if (source.kind === "accounts") return { ok: true, accounts: source.accounts };
  if (source.kind === "profiles")
    throw usageError("cli/accounts-source", "profiles are read as they are; there is nothing to list");
  // Loaded only for --organization: other runs never pay for the Organizations client.
  const { createOrganizationsClient, discoverAccounts, discoveryFailure } = await import(
    "./organizations.js"
  );
  const client = createOrganizationsClient({
    requestHandler: requestHandler(options),
    ...(options.callerProfile ? { profile: options.callerProfile } : {}),
  });
  try {
    const accounts = await discoverAccounts(source.ous, {
      client,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { ok: true, accounts };
  } catch (error) {
    return { ok: false, error: discoveryFailure(error, source.ous) };
  } finally {
    client.destroy();
  }
}

/** The run's Regions, with the caller's default Region resolved once rather than per account. */
export async function runRegions(options: FleetReadOptions): Promise<string[] | "all"> {
  if (options.regions === "all" || options.regions.length > 0 || options.source.kind === "profiles")
    return options.regions;
  if (options.source.kind === "accounts" && options.source.accounts.every((a) => a.regions !== undefined))
    return [];
  const fallback = await resolveDefaultRegion(options.env, options.callerProfile);
  if (!fallback) {
    throw usageError(
      "aws/no-region",
      "No AWS Region given. Name one with --region (e.g. --region us-east-1), read every SES Region with --all-regions, set AWS_REGION, or give each account regions in the accounts file.",
    );
  }
  return [fallback.region];
}

/** The per-request deadline, in milliseconds. */
export function timeoutMs(options: FleetReadOptions): number {
  return Math.round(options.timeoutSeconds * 1000);
}

/** Connection, header and body-silence deadlines for every fleet client. */
export function requestHandler(options: FleetReadOptions) {
  return nodeHandlerOptions(timeoutMs(options));
}
