/**
 * The AWS Organizations half of the fleet fake, in JSON 1.1 (`X-Amz-Target:
 * AWSOrganizationsV20161128.<Operation>`), as @aws-sdk/client-organizations speaks it. Lists are
 * paginated with NextToken and can be given empty pages, as the real service sometimes returns.
 */
import type { FakeResponse } from "./fake-sts.js";

/** One account of the fake organization. */
export interface OrgAccount {
  Id: string;
  Name?: string;
  State?: string;
  /** The retired field, set to contradict State in tests: ses-guard must not read it. */
  Status?: string;
  /** The OU (or root) the account sits in. */
  parent?: string;
  tags?: Record<string, string>;
}

/** The fake organization and how it answers. */
export interface OrgScript {
  accounts: OrgAccount[];
  /** OU id → its parent (an OU or the root `r-root`). */
  ous: Map<string, string>;
  /** Items per page. */
  pageSize: number;
  /** Put an empty page (with a NextToken) before every real page. */
  emptyPages: boolean;
  /** Operations refused with AccessDeniedException. */
  denied: Set<string>;
  /** Every operation called, in order. */
  calls: string[];
}

/** An empty organization with pages of two and no empty pages. */
export function createOrgScript(accounts: OrgAccount[] = []): OrgScript {
  return { accounts, ous: new Map(), pageSize: 2, emptyPages: false, denied: new Set(), calls: [] };
}

const JSON11 = { "content-type": "application/x-amz-json-1.1" };

/** Answers one Organizations request. */
export function answerOrganizations(script: OrgScript, target: string, body: string): FakeResponse {
  const operation = target.replace(/^AWSOrganizationsV20161128\./, "");
  script.calls.push(operation);
  if (script.denied.has(operation)) {
    return {
      status: 400,
      headers: JSON11,
      body: JSON.stringify({
        __type: "AccessDeniedException",
        Message: "You don't have permissions to access this resource.",
      }),
    };
  }
  const input = (body ? JSON.parse(body) : {}) as {
    NextToken?: string;
    ParentId?: string;
    ResourceId?: string;
  };
  const describe = (a: OrgAccount) => ({
    Id: a.Id,
    Arn: `arn:aws:organizations::${a.Id}:account/o-fake/${a.Id}`,
    ...(a.Name !== undefined ? { Name: a.Name } : {}),
    ...(a.State !== undefined ? { State: a.State } : {}),
    ...(a.Status !== undefined ? { Status: a.Status } : {}),
  });
  switch (operation) {
    case "ListAccounts":
      return page(script, "Accounts", script.accounts.map(describe), input.NextToken);
    case "ListAccountsForParent":
      return page(
        script,
        "Accounts",
        script.accounts.filter((a) => (a.parent ?? "r-root") === input.ParentId).map(describe),
        input.NextToken,
      );
    case "ListOrganizationalUnitsForParent":
      return page(
        script,
        "OrganizationalUnits",
        [...script.ous].filter(([, parent]) => parent === input.ParentId).map(([Id]) => ({ Id, Name: Id })),
        input.NextToken,
      );
    case "ListTagsForResource": {
      const account = script.accounts.find((a) => a.Id === input.ResourceId);
      const tags = Object.entries(account?.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
      return page(script, "Tags", tags, input.NextToken);
    }
    default:
      return {
        status: 400,
        headers: JSON11,
        body: JSON.stringify({ __type: "UnknownOperationException", Message: operation }),
      };
  }
}

/** Page tokens are `<index>` for a real page and `e<index>` for the empty page before it. */
function page(script: OrgScript, key: string, items: unknown[], token: string | undefined): FakeResponse {
  let start = 0;
  if (token !== undefined) {
    if (token.startsWith("e")) start = Number(token.slice(1));
    else start = Number(token);
  }
  if (script.emptyPages && (token === undefined || !token.startsWith("e"))) {
    return { status: 200, headers: JSON11, body: JSON.stringify({ [key]: [], NextToken: `e${start}` }) };
  }
  const slice = items.slice(start, start + script.pageSize);
  const next = start + script.pageSize < items.length ? String(start + script.pageSize) : undefined;
  return {
    status: 200,
    headers: JSON11,
    body: JSON.stringify({ [key]: slice, ...(next !== undefined ? { NextToken: next } : {}) }),
  };
}
