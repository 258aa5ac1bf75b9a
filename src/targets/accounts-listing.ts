/**
 * What `ses-guard accounts` prints: the accounts a run would read, as a table or as JSON that is
 * itself a valid accounts file (so a discovered fleet can be reviewed, edited and pinned). Pure.
 */
import { terminalSafe } from "../report/terminal-text.js";
import type { FleetAccount, PlannedAccount } from "./fleet.js";

/** One account as the listing writes it: an entry of an accounts file, its role an ARN. */
export type ListedAccount = FleetAccount;

/** The accounts in the order a run reads them, with their roles resolved to ARNs. */
export function listAccounts(accounts: readonly PlannedAccount[]): ListedAccount[] {
  return accounts.map((account) => {
    const listed: ListedAccount = { id: account.id };
    if (account.name !== undefined) listed.name = account.name;
    if (account.state !== undefined) listed.state = account.state;
    if (account.roleArn !== undefined) listed.role = account.roleArn;
    if (account.externalId !== undefined) listed.externalId = account.externalId;
    if (account.regions !== undefined) listed.regions = [...account.regions];
    if (account.tags !== undefined && Object.keys(account.tags).length > 0) listed.tags = { ...account.tags };
    return listed;
  });
}

/** The JSON listing: `{ "accounts": [...] }`, readable by `--accounts-file`. */
export function formatAccountsJson(accounts: readonly ListedAccount[]): string {
  return `${JSON.stringify({ accounts }, null, 2)}\n`;
}

/**
 * The text listing: one line per account, then a count of what would be read and skipped. Names
 * and tags come from AWS Organizations or a file, so each cell is made safe for a terminal.
 */
export function formatAccountsText(accounts: readonly ListedAccount[], skipped: number): string {
  const header = ["ACCOUNT", "NAME", "STATE", "ROLE", "TAGS"];
  const rows = accounts.map((account) =>
    [
      account.id,
      account.name ?? "-",
      account.state ?? "-",
      account.role ?? "-",
      Object.entries(account.tags ?? {})
        .map(([key, value]) => `${key}=${value}`)
        .join(", ") || "-",
    ].map(terminalSafe),
  );
  const widths = header.map((title, column) =>
    rows.reduce((widest, row) => Math.max(widest, (row[column] ?? "").length), title.length),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ");
  const read = accounts.length - skipped;
  const summary = `${accounts.length} ${accounts.length === 1 ? "account" : "accounts"}: ${read} to read${skipped > 0 ? `, ${skipped} skipped (not ACTIVE)` : ""}`;
  return `${[line(header), ...rows.map(line), summary].join("\n")}\n`;
}
