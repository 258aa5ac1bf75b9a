/**
 * Reads the `$reputation.*` facts of one target from CloudWatch GetMetricData, with the same
 * credentials and retry settings as its GetAccount read. Only asked when a loaded rule or `when`
 * refers to `$reputation.*` (or `snapshot --reputation`), so `recommended` needs no CloudWatch
 * permission. A failed read makes the target an `error`: a missing rate must mean "no datapoint",
 * never "could not look".
 */
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import type { ErrorInfo, ReputationFacts, TargetData } from "../types.js";
import { AwsErrorCode, classifyAwsError, oneLine, redactSecrets } from "./aws-errors.js";
import { deadlineSignal, linkSignals, raceAbort } from "./cancellation.js";
import { REPUTATION_IAM_STATEMENT } from "./iam-policy.js";
import {
  foldPage,
  type LatestDatapoints,
  type MetricDataPage,
  reputationFacts,
  reputationQuery,
  wantsAnotherPage,
} from "./reputation-query.js";

/** The IAM action the reputation facts need. */
export const REPUTATION_IAM_ACTION = REPUTATION_IAM_STATEMENT.Action[0];
/** Pages followed at most: two metrics over 24 hours at 5-minute periods fit in one. */
const MAX_PAGES = 5;

/** What reading the rates of one target needs: what its GetAccount read used. */
export interface ReputationReadContext {
  credentials: unknown;
  /** Client settings shared with the SES client (profile, retries, request handler). */
  clientConfig: object;
  timeoutSeconds: number;
  /** The longest the read may take, retries included. */
  deadlineMs: number;
  /** Secrets to keep out of every message. */
  secrets: readonly string[];
  signal?: AbortSignal | undefined;
  runDeadline?: AbortSignal | undefined;
  now?: () => Date;
}

/**
 * Adds the reputation rates to a readable target, or turns it into an `error` target naming
 * cloudwatch:GetMetricData when they cannot be read. Other targets are returned as they are.
 */
export async function withReputation(
  target: TargetData,
  context: ReputationReadContext,
): Promise<TargetData> {
  if (target.status !== "ok") return target;
  const read = await readReputation(target.region, context);
  if ("reputation" in read) return { ...target, reputation: read.reputation };
  const { account: _account, ...rest } = target;
  return { ...rest, status: "error", error: read.error };
}

/** Reads both rates in one region: one batched GetMetricData request (and further pages only if needed). */
export async function readReputation(
  region: string,
  context: ReputationReadContext,
): Promise<{ reputation: ReputationFacts } | { error: ErrorInfo }> {
  const now = (context.now ?? (() => new Date()))();
  const deadline = deadlineSignal(context.deadlineMs);
  const linked = linkSignals([context.signal, deadline.signal, context.runDeadline]);
  const client = new CloudWatchClient({
    ...context.clientConfig,
    region,
    credentials: context.credentials as CloudWatchClient["config"]["credentials"],
  });
  try {
    let latest: LatestDatapoints = {};
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const output: MetricDataPage = await raceAbort(
        client.send(new GetMetricDataCommand(reputationQuery(now, nextToken)), {
          abortSignal: linked.signal,
        }),
        linked.signal,
      );
      const folded = foldPage(output, latest, now, page === 0);
      if (!folded.ok) return { error: malformed(region, folded.problem) };
      latest = folded.latest;
      if (!wantsAnotherPage(output, latest)) break;
      nextToken = output.NextToken;
    }
    return { reputation: reputationFacts(latest) };
  } catch (error) {
    const aborted = context.signal?.aborted === true;
    const deadlineExceeded = !aborted && (deadline.signal.aborted || context.runDeadline?.aborted === true);
    return { error: failed(error, region, context, aborted, deadlineExceeded) };
  } finally {
    linked.dispose();
    deadline.dispose();
    client.destroy();
  }
}

function malformed(region: string, problem: string): ErrorInfo {
  return {
    code: AwsErrorCode.malformedResponse,
    message: `Could not read the reputation rates in ${region}: ${REPUTATION_IAM_ACTION} answered with something that is not metric data (${oneLine(problem, 200)})`,
    hint: "Something other than CloudWatch answered (a proxy, or AWS_ENDPOINT_URL_CLOUDWATCH pointing elsewhere); check the path to CloudWatch.",
  };
}

function failed(
  error: unknown,
  region: string,
  context: ReputationReadContext,
  aborted: boolean,
  deadlineExceeded: boolean,
): ErrorInfo {
  // The SES classifier knows every fault (names, statuses, network codes); the words are CloudWatch's.
  const { code } = classifyAwsError(error, {
    region,
    timeoutSeconds: context.timeoutSeconds,
    secrets: context.secrets,
    aborted,
    deadlineExceeded,
  });
  const detail = describeFailure(error, context.secrets);
  const lead = `Could not read the reputation rates in ${region}: ${REPUTATION_IAM_ACTION}`;
  switch (code) {
    case AwsErrorCode.accessDenied:
      return {
        code,
        message: `${lead} was denied (${detail})`,
        hint: `Allow the IAM action ${REPUTATION_IAM_ACTION} for the identity ses-guard runs as, with this statement: ${JSON.stringify(REPUTATION_IAM_STATEMENT)}; or leave $reputation.* rules out of the policy.`,
      };
    case AwsErrorCode.throttled:
      return {
        code,
        message: `${lead} was throttled past its retries (${detail})`,
        hint: "Retry later, read fewer targets at once, or allow more retries with AWS_MAX_ATTEMPTS.",
      };
    case AwsErrorCode.aborted:
      return { code, message: `${lead} was interrupted` };
    case AwsErrorCode.timeout:
      return {
        code,
        message: `${lead} did not answer in time (up to ${context.timeoutSeconds} s per attempt, retries included)`,
        hint: "Raise --timeout, or check the network path to CloudWatch.",
      };
    default:
      return {
        code,
        message: `${lead} failed (${detail})`,
        hint: "Check the network path to CloudWatch (and AWS_ENDPOINT_URL_CLOUDWATCH if set), then retry.",
      };
  }
}

function describeFailure(error: unknown, secrets: readonly string[]): string {
  const e = (error ?? {}) as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const name = typeof e.name === "string" ? e.name : "Error";
  const status = typeof e.$metadata?.httpStatusCode === "number" ? `HTTP ${e.$metadata.httpStatusCode} ` : "";
  const message = typeof e.message === "string" && e.message !== "" ? `: ${e.message}` : "";
  return oneLine(redactSecrets(`${status}${name}${message}`, secrets), 300);
}
