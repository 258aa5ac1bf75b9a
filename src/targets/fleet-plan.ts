/**
 * Plans the accounts of a role-based run: drops excluded accounts, orders them by id (so a
 * shuffled source gives an identical report), resolves each account's role and external id, and
 * marks accounts that are not ACTIVE as skipped. Pure: every problem is collected and returned,
 * so a user sees all of them at once.
 */
import { ACTIVE_STATE, type FleetAccount, type PlannedAccount } from "./fleet.js";
import { resolveRoleArn } from "./role-arn.js";

/** The run-wide defaults a plan applies to accounts that do not say otherwise. */
export interface PlanDefaults {
  role?: string;
  externalId?: string;
  excludeAccounts: readonly string[];
}

/** The accounts to read, or every problem that stops the run (exit 2). */
export type FleetPlan = { ok: true; accounts: PlannedAccount[] } | { ok: false; problems: string[] };

/** Plans `accounts`; an account given twice is read once, with what its first entry says. */
export function planAccounts(accounts: readonly FleetAccount[], defaults: PlanDefaults): FleetPlan {
  const excluded = new Set(defaults.excludeAccounts);
  const byId = new Map<string, FleetAccount>();
  for (const account of accounts) {
    if (!excluded.has(account.id) && !byId.has(account.id)) byId.set(account.id, account);
  }
  const problems: string[] = [];
  const missingRole: string[] = [];
  const planned: PlannedAccount[] = [];
  for (const account of [...byId.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const entry: PlannedAccount = { ...account };
    const externalId = account.externalId ?? defaults.externalId;
    if (externalId !== undefined) entry.externalId = externalId;
    if (account.state !== undefined && account.state !== ACTIVE_STATE) {
      entry.skipReason = `account ${account.id} is ${account.state} in AWS Organizations; only ACTIVE accounts are read`;
    }
    const role = account.role ?? defaults.role;
    if (role === undefined) {
      // A skipped account is never assumed into, so it needs no role.
      if (entry.skipReason === undefined) missingRole.push(account.id);
    } else {
      const resolved = resolveRoleArn(role, account.id);
      if (resolved.ok) entry.roleArn = resolved.arn;
      else problems.push(resolved.message);
    }
    planned.push(entry);
  }
  if (missingRole.length > 0) {
    const shown = missingRole.slice(0, 5).join(", ");
    const more = missingRole.length > 5 ? ` and ${missingRole.length - 5} more` : "";
    problems.push(
      `no role to assume in account ${shown}${more}: pass --role NAME|ARN (or give each account a role in the accounts file)`,
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, accounts: planned };
}
