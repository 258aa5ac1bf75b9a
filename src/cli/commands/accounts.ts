import type { CommandIo } from "../../authoring/command-io.js";
import { ExitCode } from "../../errors.js";
import { terminalSafe } from "../../report/terminal-text.js";
import type { RunHost, RunOptions } from "../../run.js";
import { listFleet } from "../../run-fleet.js";
import { formatAccountsJson, formatAccountsText, listAccounts } from "../../targets/accounts-listing.js";
import { deliverFormats } from "./deliver-formats.js";

/**
 * `ses-guard accounts [source flags]`: lists the accounts a run with the same flags would read
 * (id, name, state, role, tags), discovering them through Organizations where asked, without
 * calling SES. A discovery that fails exits 3, like a check that could read nothing.
 */
export async function runAccountsCommand(options: RunOptions, host: RunHost, io: CommandIo): Promise<number> {
  if (!options.fleet) return ExitCode.usage;
  const listing = await listFleet(options, options.fleet, host);
  if (!listing.ok) {
    io.stderr(`ses-guard: ${terminalSafe(listing.error.message)}\n`);
    if (listing.error.hint) io.stderr(`ses-guard: ${terminalSafe(listing.error.hint)}\n`);
    return ExitCode.unreadableTarget;
  }
  const accounts = listAccounts(listing.accounts);
  const skipped = listing.accounts.filter((account) => account.skipReason !== undefined).length;
  const delivered = deliverFormats(
    options.formats,
    (request) =>
      request.name === "json" ? formatAccountsJson(accounts) : formatAccountsText(accounts, skipped),
    "listing",
    io,
  );
  return delivered ? ExitCode.ok : ExitCode.usage;
}
