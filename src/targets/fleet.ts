/**
 * The vocabulary of a fleet run: where the accounts come from (exactly one account source), the
 * accounts themselves, and how each is reached (a profile, or a role assumed from the caller).
 * Pure: no I/O, no AWS.
 */

/** A 12-digit AWS account id; ids are strings everywhere so leading zeros survive. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** The one Organizations state whose accounts are read; every other state is reported as skipped. */
export const ACTIVE_STATE = "ACTIVE";

/** The session name AssumeRole is given when `--role-session-name` is not. */
export const DEFAULT_ROLE_SESSION_NAME = "ses-guard";

/** GetAccount requests in flight over a whole run when `--concurrency` is not given. */
export const DEFAULT_CONCURRENCY = 32;
/** The largest `--concurrency` accepted. */
export const MAX_CONCURRENCY = 256;

/** One account as a source names it. */
export interface FleetAccount {
  id: string;
  name?: string;
  /** The Organizations `State` (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED); absent when the source does not say. */
  state?: string;
  /** A role name or ARN (may hold `{accountId}`); absent means the run's `--role`. */
  role?: string;
  externalId?: string;
  /** Regions for this account; absent means the run's `--region` / `--all-regions`. */
  regions?: string[];
  tags?: Record<string, string>;
}

/** Where a run's accounts come from; the caller's own account is the absence of a source. */
export type AccountSource =
  | { kind: "profiles"; profiles: string[] }
  | { kind: "accounts"; ids: string[] }
  | { kind: "accounts-file"; file: string }
  | { kind: "organization"; ous: string[] };

/** The fleet flags of a run (README.md, "Reading many accounts"). */
export interface FleetOptions {
  source: AccountSource;
  /** `--role`: the default role name or ARN for role-based sources. */
  role?: string;
  externalId?: string;
  roleSessionName: string;
  excludeAccounts: string[];
}

/** An account ready to read: its role resolved to an ARN, or marked skipped with the reason. */
export interface PlannedAccount extends FleetAccount {
  /** The role to assume; absent for a skipped account. */
  roleArn?: string;
  /** Why the account is not read (its Organizations state). */
  skipReason?: string;
}
