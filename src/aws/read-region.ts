/**
 * Reads SES v2 GetAccount in one Region of one account. Every outcome is a TargetData: a fault
 * becomes a target with status `error`, so the report can show it and the run fails closed.
 */
import { GetAccountCommand } from "@aws-sdk/client-sesv2";
import { accountShapeProblem } from "../account/account-shape.js";
import { isValidRegionName } from "../targets/region-names.js";
import type { TargetData } from "../types.js";
import { AwsErrorCode, classifyAwsError, malformedResponseHint, redactSecretsIn } from "./aws-errors.js";
import { deadlineSignal, linkSignals, raceAbort } from "./cancellation.js";
import { type ClientSettings, type CredentialsProvider, createSesClient } from "./sdk-clients.js";
import { describeTransportError } from "./transport-errors.js";

/** What reading one Region needs besides its name. */
export interface RegionContext {
  credentials: CredentialsProvider;
  settings: ClientSettings;
  timeoutSeconds: number;
  /** The most the Region may take, retries included. */
  deadlineMs: number;
  /** Values never to print (secret access key, session token). */
  secrets: string[];
  /** The user's interrupt (SIGINT, SIGTERM). */
  signal: AbortSignal | undefined;
  /** Aborts when the deadline of the whole read passes. */
  runDeadline: AbortSignal;
}

/** Reads one Region; every outcome is a TargetData. */
export async function readRegion(region: string, context: RegionContext): Promise<TargetData> {
  const base = { region, accountId: null };
  if (!isValidRegionName(region)) {
    return {
      ...base,
      status: "error",
      error: {
        code: AwsErrorCode.invalidRegion,
        message: `"${region}" is not a Region code (expected something like us-east-1)`,
        hint: "Region codes are lowercase letters, digits and dashes; see --all-regions for the SES Regions.",
      },
    };
  }
  const { endpointUrl } = context.settings;
  const errorContext = {
    region,
    timeoutSeconds: context.timeoutSeconds,
    secrets: context.secrets,
    ...(endpointUrl ? { endpointUrl } : {}),
  };
  if (context.signal?.aborted || context.runDeadline.aborted) {
    const aborted = context.signal?.aborted === true;
    return {
      ...base,
      status: "error",
      error: classifyAwsError(undefined, { ...errorContext, aborted, deadlineExceeded: !aborted }),
    };
  }
  const deadline = deadlineSignal(context.deadlineMs);
  const linked = linkSignals([context.signal, deadline.signal, context.runDeadline]);
  const client = createSesClient(context.settings, region, context.credentials);
  try {
    const output = await raceAbort(
      client.send(new GetAccountCommand({}), { abortSignal: linked.signal }),
      linked.signal,
    );
    const { $metadata: _metadata, ...account } = output;
    const problem = accountShapeProblem(account);
    if (problem) {
      return {
        ...base,
        status: "error",
        error: {
          code: AwsErrorCode.malformedResponse,
          message: `SES answered GetAccount in ${region} with something that is not account data: ${problem}`,
          hint: malformedResponseHint(endpointUrl),
        },
      };
    }
    // The shape check above bounds the depth, so this walk cannot recurse too deep.
    return {
      ...base,
      status: "ok",
      account: redactSecretsIn(account as Record<string, unknown>, context.secrets),
    };
  } catch (error) {
    const aborted = context.signal?.aborted === true;
    const deadlineExceeded = !aborted && (deadline.signal.aborted || context.runDeadline.aborted);
    const transportFault =
      aborted || deadlineExceeded
        ? undefined
        : describeTransportError(error, { operation: "GetAccount", region, endpointUrl });
    return {
      ...base,
      status: "error",
      error: transportFault ?? classifyAwsError(error, { ...errorContext, aborted, deadlineExceeded }),
    };
  } finally {
    linked.dispose();
    deadline.dispose();
    client.destroy();
  }
}
