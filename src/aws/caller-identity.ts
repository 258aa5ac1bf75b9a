/**
 * Asks STS GetCallerIdentity who the credentials belong to: the account id for the report, and
 * whether the credentials work at all (which decides what a rejected token in an opt-in Region
 * means).
 */

import type { STSClient } from "@aws-sdk/client-sts";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { ACCOUNT_ID_PATTERN } from "../targets/fleet.js";
import { AwsErrorCode, classifyAwsError } from "./aws-errors.js";
import { deadlineSignal, linkSignals, raceAbort } from "./cancellation.js";

/** What STS said about the credentials. */
export interface CallerIdentity {
  accountId: string | null;
  /** STS answered: the credentials are valid. */
  ok: boolean;
  /** STS rejected the credentials themselves. */
  tokenRejected: boolean;
  /** Why the account id is unknown, for the report; absent when STS told it. */
  unknownReason?: string;
}

/** The deadlines and interrupt that bound the call. */
export interface CallerIdentityContext {
  timeoutSeconds: number;
  deadlineMs: number;
  signal: AbortSignal | undefined;
  runDeadline: AbortSignal;
  /** Kept out of the reason, which the report prints. */
  secrets?: readonly string[];
}

/** Asks STS who the credentials belong to; never rejects. */
export async function readCallerIdentity(
  sts: STSClient,
  context: CallerIdentityContext,
): Promise<CallerIdentity> {
  const deadline = deadlineSignal(context.deadlineMs);
  const linked = linkSignals([context.signal, deadline.signal, context.runDeadline]);
  try {
    const output = await raceAbort(
      sts.send(new GetCallerIdentityCommand({}), { abortSignal: linked.signal }),
      linked.signal,
    );
    const accountId =
      typeof output.Account === "string" && ACCOUNT_ID_PATTERN.test(output.Account) ? output.Account : null;
    return accountId === null
      ? {
          accountId,
          ok: true,
          tokenRejected: false,
          unknownReason: "STS GetCallerIdentity returned no account id",
        }
      : { accountId, ok: true, tokenRejected: false };
  } catch (error) {
    const info = classifyAwsError(error, {
      region: "sts",
      timeoutSeconds: context.timeoutSeconds,
      secrets: [...(context.secrets ?? [])],
    });
    return {
      accountId: null,
      ok: false,
      tokenRejected: info.code === AwsErrorCode.invalidToken,
      unknownReason: `STS GetCallerIdentity failed: ${info.message}`,
    };
  } finally {
    linked.dispose();
    deadline.dispose();
  }
}
