/**
 * The Action's account-source inputs (`accounts`, `accounts-file`, `organization`, `ou`, `role`,
 * `external-id`), read into the FleetOptions the CLI builds from its flags. The checks are the
 * CLI's own (parseFleetFlags); only their wording changes, so a mistake names the input of the
 * step rather than a command-line flag. Pure.
 */

import { parseFleetFlags } from "../cli/fleet-args.js";
import { SesGuardError } from "../errors.js";
import type { FleetOptions } from "../targets/fleet.js";
import { booleanInput } from "./boolean-input.js";

/** The flags of the CLI's messages that are inputs of the Action, longest first so none is cut short. */
const FLAG_AS_INPUT = /--(accounts-file|accounts|organization|ou|role|external-id)\b/g;

/** Splits a list input: one entry per line or comma (the CLI splits each flag value at commas). */
function lines(value: string): string[] | undefined {
  const entries = value
    .split("\n")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return entries.length === 0 ? undefined : entries;
}

/** A CLI fleet error in the Action's words: each flag it names becomes the input of that name. */
function inInputWords(error: SesGuardError): SesGuardError {
  return new SesGuardError(
    error.diagnostics.map((d) => ({ ...d, message: d.message.replace(FLAG_AS_INPUT, "input $1") })),
    error.exitCode,
  );
}

/**
 * Reads the account-source inputs through `get` (the trimmed value, or "" when unset); returns
 * the fleet to read, or undefined for the job's own account. Throws a usage error (exit 2) that
 * names the input for a bad value or combination.
 */
export function parseFleetInputs(get: (name: string) => string): FleetOptions | undefined {
  const accounts = lines(get("accounts"));
  const ou = lines(get("ou"));
  const values = {
    ...(accounts ? { accounts } : {}),
    ...(get("accounts-file") ? { "accounts-file": get("accounts-file") } : {}),
    ...(booleanInput("organization", get("organization"), false) ? { organization: true } : {}),
    ...(ou ? { ou } : {}),
    ...(get("role") ? { role: get("role") } : {}),
    ...(get("external-id") ? { "external-id": get("external-id") } : {}),
  };
  try {
    return parseFleetFlags(values).fleet;
  } catch (error) {
    if (error instanceof SesGuardError) throw inInputWords(error);
    throw error;
  }
}
