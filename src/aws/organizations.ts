/**
 * Discovers a fleet through AWS Organizations: every account (ListAccounts), or every account
 * under some OUs, walked recursively (ListOrganizationalUnitsForParent, ListAccountsForParent),
 * with names, the account `State` (the retired `Status` field is not read) and tags
 * (ListTagsForResource). Every list follows NextToken to its end, through empty pages.
 */

import {
  type Account,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
  type OrganizationsClientConfig,
} from "@aws-sdk/client-organizations";
import { ACCOUNT_ID_PATTERN, type FleetAccount } from "../targets/fleet.js";
import type { ErrorInfo } from "../types.js";
import { firstLineSummary } from "./aws-error-shape.js";
import { mapBounded } from "./bounded-map.js";

/** The error code of a run whose accounts could not be listed. */
export const DISCOVERY_FAILED = "OrganizationsDiscoveryFailed";

/** A guard against a service that hands out NextTokens forever. */
const MAX_PAGES = 100_000;
/** ListTagsForResource calls in flight at once (Organizations allows a few requests a second). */
const TAG_CONCURRENCY = 4;

/** How discovery calls are made: the caller's Organizations client and the run's interrupt. */
export interface DiscoveryContext {
  client: OrganizationsClient;
  signal?: AbortSignal;
}

/** An Organizations client (its endpoint is global, in us-east-1). */
export function createOrganizationsClient(config: OrganizationsClientConfig): OrganizationsClient {
  return new OrganizationsClient({ region: "us-east-1", ...config });
}

/** Lists the accounts of the organization, or of the OUs named, with names, states and tags. */
export async function discoverAccounts(
  ous: readonly string[],
  context: DiscoveryContext,
): Promise<FleetAccount[]> {
  const found = ous.length === 0 ? await listAllAccounts(context) : await listAccountsUnder(ous, context);
  const byId = new Map<string, FleetAccount>();
  for (const account of found) {
    const id = account.Id ?? "";
    if (!ACCOUNT_ID_PATTERN.test(id)) {
      throw Object.assign(
        new Error(`Organizations listed an account whose id is not 12 digits: ${JSON.stringify(id)}`),
        {
          name: "MalformedResponse",
        },
      );
    }
    if (byId.has(id)) continue;
    // An account without a State is not known to be ACTIVE, so it is not read (fail closed).
    byId.set(id, { id, state: account.State ?? "UNKNOWN", ...(account.Name ? { name: account.Name } : {}) });
  }
  const accounts = [...byId.values()];
  await mapBounded(accounts, TAG_CONCURRENCY, async (account) => {
    const tags = await listTags(account.id, context);
    if (Object.keys(tags).length > 0) account.tags = tags;
  });
  return accounts;
}

/** The error of a run whose discovery failed, with the permissions discovery needs. */
export function discoveryFailure(error: unknown, ous: readonly string[]): ErrorInfo {
  const what = firstLineSummary(error);
  const actions =
    ous.length === 0
      ? "organizations:ListAccounts"
      : "organizations:ListOrganizationalUnitsForParent and organizations:ListAccountsForParent";
  return {
    code: DISCOVERY_FAILED,
    message: `Could not list the accounts of the organization${ous.length ? ` under ${ous.join(", ")}` : ""} (${what}); no account was checked`,
    hint: `Run with credentials of the management account or a delegated administrator that allow ${actions} and organizations:ListTagsForResource.`,
  };
}

async function listAllAccounts(context: DiscoveryContext): Promise<Account[]> {
  return paginate(async (NextToken) => {
    const page = await context.client.send(new ListAccountsCommand({ ...(NextToken ? { NextToken } : {}) }), {
      ...(context.signal ? { abortSignal: context.signal } : {}),
    });
    return { items: page.Accounts ?? [], next: page.NextToken };
  });
}

async function listAccountsUnder(ous: readonly string[], context: DiscoveryContext): Promise<Account[]> {
  const options = context.signal ? { abortSignal: context.signal } : {};
  const accounts: Account[] = [];
  const queue = [...ous];
  const visited = new Set<string>();
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    if (visited.has(parent)) continue;
    visited.add(parent);
    const ParentId = parent;
    accounts.push(
      ...(await paginate(async (NextToken) => {
        const page = await context.client.send(
          new ListAccountsForParentCommand({ ParentId, ...(NextToken ? { NextToken } : {}) }),
          options,
        );
        return { items: page.Accounts ?? [], next: page.NextToken };
      })),
    );
    const children = await paginate(async (NextToken) => {
      const page = await context.client.send(
        new ListOrganizationalUnitsForParentCommand({ ParentId, ...(NextToken ? { NextToken } : {}) }),
        options,
      );
      return { items: page.OrganizationalUnits ?? [], next: page.NextToken };
    });
    for (const child of children) if (child.Id) queue.push(child.Id);
  }
  return accounts;
}

async function listTags(ResourceId: string, context: DiscoveryContext): Promise<Record<string, string>> {
  const tags = await paginate(async (NextToken) => {
    const page = await context.client.send(
      new ListTagsForResourceCommand({ ResourceId, ...(NextToken ? { NextToken } : {}) }),
      context.signal ? { abortSignal: context.signal } : {},
    );
    return { items: page.Tags ?? [], next: page.NextToken };
  });
  const out: Record<string, string> = {};
  for (const tag of tags) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? "";
  return out;
}

/** Follows NextToken until a page has none; a page may be empty while more follow. */
async function paginate<T>(
  fetchPage: (token: string | undefined) => Promise<{ items: readonly T[]; next: string | undefined }>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const page = await fetchPage(token);
    items.push(...page.items);
    if (!page.next) return items;
    if (seen.has(page.next))
      throw new Error(`Organizations repeated the page token ${JSON.stringify(page.next)}`);
    seen.add(page.next);
    token = page.next;
  }
  throw new Error(`Organizations returned more than ${MAX_PAGES} pages`);
}
