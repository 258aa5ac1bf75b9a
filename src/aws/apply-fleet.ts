/**
 * Applies a fix plan across a fleet: each account's calls are made with that account's own
 * credentials (its assumed role, or its profile), obtained once per account and shared by its
 * Regions. Every target of every account is applied within one concurrency limit. An account whose
 * credentials cannot be had gets each of its calls failed with the reason; the others still apply.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { CallOutcome } from "../fix/plan-types.js";
import type { ErrorInfo } from "../types.js";
import { ASSUME_ROLE_FAILED, assumeRoleFailure, type RoleToAssume, roleCredentials } from "./assume-role.js";
import { classifyCredentialsError } from "./aws-errors.js";
import { nodeHandlerOptions } from "./bounded-http-handler.js";
import { type ApplyOptions, type ApplyTarget, applyAccountCalls, type TargetAccess } from "./put-account.js";
import { callerRegion } from "./region-requests.js";

/** One target of a fleet plan, with the account it belongs to. */
export interface FleetApplyTarget extends Omit<ApplyTarget, "access"> {
  accountId: string | null;
}

/** How the accounts of the fleet are reached. */
export type FleetAccessSource =
  | {
      kind: "roles";
      accounts: ReadonlyArray<{ id: string; roleArn?: string; externalId?: string }>;
      roleSessionName: string;
      callerProfile?: string;
    }
  | { kind: "profiles"; profiles: readonly string[] }
  /** The accounts could not be listed again (discovery failed): nothing can be applied. */
  | { kind: "unreachable"; error: ErrorInfo };

/** What applying across a fleet needs. */
export interface FleetApplyOptions extends Omit<ApplyOptions, "targets" | "profile"> {
  targets: readonly FleetApplyTarget[];
  access: FleetAccessSource;
}

/** Makes every call with its account's credentials; one outcome per call, per target, in order. */
export async function applyFleetCalls(options: FleetApplyOptions): Promise<CallOutcome[][]> {
  const timeoutMs = Math.round(options.timeoutSeconds * 1000);
  const requestHandler = nodeHandlerOptions(timeoutMs);
  const stsRegion = callerRegion(options.targets.map((t) => t.region));
  const clients: STSClient[] = [];
  const sts = (profile: string | undefined) => {
    const client = new STSClient({ region: stsRegion, requestHandler, ...(profile ? { profile } : {}) });
    clients.push(client);
    return client;
  };
  try {
    const byAccount = await accessByAccount(options, sts, timeoutMs);
    const targets: ApplyTarget[] = options.targets.map((target) => ({
      region: target.region,
      calls: target.calls,
      access:
        (target.accountId !== null ? byAccount.get(target.accountId) : undefined) ?? unreachable(target),
    }));
    return await applyAccountCalls({ ...options, targets });
  } finally {
    for (const client of clients) client.destroy();
  }

  function unreachable(target: FleetApplyTarget): TargetAccess {
    const error: ErrorInfo =
      options.access.kind === "unreachable"
        ? options.access.error
        : {
            code: ASSUME_ROLE_FAILED,
            message: `No credentials of this run reach account ${target.accountId ?? "unknown"}; nothing was applied there`,
          };
    return { credentials: () => Promise.reject(new Error(error.message)), describeFailure: () => error };
  }
}

async function accessByAccount(
  options: FleetApplyOptions,
  sts: (profile: string | undefined) => STSClient,
  timeoutMs: number,
): Promise<Map<string, TargetAccess>> {
  const access = new Map<string, TargetAccess>();
  const { access: source } = options;
  if (source.kind === "roles") {
    const caller = sts(source.callerProfile);
    for (const account of source.accounts) {
      if (account.roleArn === undefined) continue;
      const role: RoleToAssume = {
        roleArn: account.roleArn,
        sessionName: source.roleSessionName,
        ...(account.externalId !== undefined ? { externalId: account.externalId } : {}),
      };
      const credentials = roleCredentials(role, {
        sts: caller,
        timeoutMs,
        ...(options.stop ? { signal: options.stop } : {}),
      });
      access.set(account.id, {
        credentials: rememberFailure(credentials),
        describeFailure: (error) => writeFailure(assumeRoleFailure(role, error, undefined)),
      });
    }
  } else if (source.kind === "profiles") {
    // Each profile is one account: STS says which, so the plan's targets find their profile.
    await Promise.all(
      source.profiles.map(async (profile) => {
        const client = sts(profile);
        try {
          const identity = await client.send(new GetCallerIdentityCommand({}), {
            abortSignal: AbortSignal.timeout(timeoutMs),
          });
          if (!identity.Account) return;
          access.set(identity.Account, {
            credentials: client.config.credentials,
            describeFailure: (error) => classifyCredentialsError(error, profile),
          });
        } catch {
          // The account of this profile stays unknown; its targets are reported as unreachable.
        }
      }),
    );
  }
  return access;
}

/** The read path's AssumeRole explanation, naming the write permissions applying needs. */
function writeFailure(info: ErrorInfo): ErrorInfo {
  return {
    ...info,
    message: info.message.replace(
      "must allow ses:GetAccount",
      "must allow ses:GetAccount and the ses:PutAccount* actions of the plan",
    ),
  };
}

/**
 * A refused role is asked once per account, not once per Region: its failure is remembered for
 * the rest of the run (a run that applies is short; success is still refreshed as it nears expiry).
 */
function rememberFailure<T>(fetch: () => Promise<T>): () => Promise<T> {
  let failed: Promise<T> | undefined;
  return () => {
    if (failed) return failed;
    return fetch().catch((error: unknown) => {
      failed = Promise.reject(error);
      failed.catch(() => {});
      throw error;
    });
  };
}
