/**
 * The account-source flags of `check`, `snapshot` and `accounts` (README.md, "Reading many
 * accounts"): exactly one source, and the flags that only make sense with one.
 */
import { usageError } from "../errors.js";
import {
  ACCOUNT_ID_PATTERN,
  type AccountSource,
  DEFAULT_ROLE_SESSION_NAME,
  type FleetOptions,
  MAX_CONCURRENCY,
} from "../targets/fleet.js";

/** The raw values of the fleet flags, as parseArgv returns them. */
export interface FleetFlagValues {
  profile?: string[];
  accounts?: string[];
  "accounts-file"?: string;
  organization?: boolean;
  ou?: string[];
  "exclude-accounts"?: string[];
  role?: string;
  "external-id"?: string;
  "role-session-name"?: string;
  concurrency?: string;
}

/** What the fleet flags mean for a run. */
export interface FleetFlags {
  /** Present when the run reads a fleet rather than the caller's own account. */
  fleet?: FleetOptions;
  /** The one profile: the account read, or with a role-based source the caller's credentials. */
  profile?: string;
  concurrency?: number;
}

/** The fleet flags' names, for the per-command allow lists. */
export const fleetFlagNames = [
  "accounts",
  "accounts-file",
  "organization",
  "ou",
  "exclude-accounts",
  "role",
  "external-id",
  "role-session-name",
  "concurrency",
] as const;

const OU_ID = /^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** Parses the fleet flags; throws a usage error (exit 2) for a conflict or a malformed value. */
export function parseFleetFlags(values: FleetFlagValues): FleetFlags {
  const profiles = list(values.profile, "--profile");
  const sources: AccountSource[] = [];
  if (values.accounts !== undefined)
    sources.push({ kind: "accounts", ids: accountIds(values.accounts, "--accounts") });
  if (values["accounts-file"] !== undefined) {
    if (values["accounts-file"] === "")
      throw usageError("cli/missing-value", "--accounts-file needs a value (see --help)");
    sources.push({ kind: "accounts-file", file: values["accounts-file"] });
  }
  if (values.organization) sources.push({ kind: "organization", ous: ouIds(values.ou) });
  else if (values.ou !== undefined)
    throw usageError("cli/ou-without-organization", "--ou needs --organization");
  if (sources.length > 1) {
    throw usageError(
      "cli/sources-conflict",
      "use one account source: --accounts, --accounts-file or --organization (not several)",
    );
  }
  const flags: FleetFlags = {};
  if (values.concurrency !== undefined) flags.concurrency = concurrency(values.concurrency);
  const [source] = sources;
  if (source === undefined) {
    for (const name of ["role", "external-id", "role-session-name", "exclude-accounts"] as const) {
      if (values[name] !== undefined) {
        throw usageError(
          "cli/needs-account-source",
          `--${name} applies to accounts reached by a role: add --accounts, --accounts-file or --organization`,
        );
      }
    }
    if (profiles.length > 1) {
      flags.fleet = {
        source: { kind: "profiles", profiles },
        roleSessionName: DEFAULT_ROLE_SESSION_NAME,
        excludeAccounts: [],
      };
    } else if (profiles[0] !== undefined) flags.profile = profiles[0];
    return flags;
  }
  if (profiles.length > 1) {
    throw usageError(
      "cli/sources-conflict",
      "several --profile values are an account source of their own; with --accounts, --accounts-file or --organization give one --profile, for the credentials that assume the roles",
    );
  }
  if (profiles[0] !== undefined) flags.profile = profiles[0];
  if (values.role === undefined && source.kind !== "accounts-file") {
    throw usageError(
      "cli/missing-role",
      `--${source.kind} needs --role NAME|ARN: the role to assume in each account (a name, or an ARN with {accountId})`,
    );
  }
  if (values.role === "") throw usageError("cli/missing-value", "--role needs a value (see --help)");
  const externalId = values["external-id"];
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) {
    throw usageError(
      "cli/invalid-external-id",
      "--external-id must be 2 to 1224 characters: letters, digits and +=,.@:/_-",
    );
  }
  const sessionName = values["role-session-name"] ?? DEFAULT_ROLE_SESSION_NAME;
  if (!SESSION_NAME.test(sessionName)) {
    throw usageError(
      "cli/invalid-role-session-name",
      `--role-session-name "${sessionName}" must be 2 to 64 characters: letters, digits and +=,.@_-`,
    );
  }
  flags.fleet = {
    source,
    roleSessionName: sessionName,
    excludeAccounts: values["exclude-accounts"]
      ? accountIds(values["exclude-accounts"], "--exclude-accounts")
      : [],
    ...(values.role !== undefined ? { role: values.role } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
  };
  return flags;
}

function list(raw: readonly string[] | undefined, flag: string): string[] {
  if (raw === undefined) return [];
  const entries = raw.flatMap((value) => value.split(",")).map((value) => value.trim());
  if (entries.some((entry) => entry === ""))
    throw usageError("cli/missing-value", `${flag} has an empty entry (see --help)`);
  return [...new Set(entries)];
}

function accountIds(raw: readonly string[], flag: string): string[] {
  const ids = list(raw, flag);
  const bad = ids.find((id) => !ACCOUNT_ID_PATTERN.test(id));
  if (bad !== undefined)
    throw usageError("cli/invalid-account-id", `${flag}: "${bad}" is not a 12-digit AWS account id`);
  return ids;
}

function ouIds(raw: readonly string[] | undefined): string[] {
  const ous = list(raw, "--ou");
  const bad = ous.find((ou) => !OU_ID.test(ou));
  if (bad !== undefined) {
    throw usageError(
      "cli/invalid-ou",
      `--ou: "${bad}" is not an organizational unit id (ou-xxxx-xxxxxxxx) or root id (r-xxxx)`,
    );
  }
  return ous;
}

function concurrency(raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) {
    throw usageError(
      "cli/invalid-concurrency",
      `--concurrency "${raw}" must be a whole number from 1 to ${MAX_CONCURRENCY}`,
    );
  }
  return value;
}
