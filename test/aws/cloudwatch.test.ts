/**
 * The `$reputation.*` facts read live: the real `@aws-sdk/client-cloudwatch` against a loopback
 * endpoint speaking its AWS JSON 1.0 protocol, alone and as part of the GetAccount read. Covers
 * datapoints, none, stale, AccessDenied, throttling (retried, then past its retries) and bodies
 * that are not metric data; only a policy that uses the facts asks.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ReputationReadContext, readReputation } from "../../src/aws/cloudwatch.js";
import { readAwsTargets } from "../../src/aws/get-account.js";
import {
  type AwsTestEnv,
  createAwsTestEnv,
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET_ACCESS_KEY,
  FAKE_SESSION_TOKEN,
  useProcessEnv,
} from "../helpers/aws-test-env.js";
import { type CloudWatchServer, startCloudWatchServer } from "../helpers/cloudwatch-server.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";

let cloudwatch: CloudWatchServer;
let faults: FaultServer;
let testEnv: AwsTestEnv;
let restoreEnv: () => void;

beforeAll(async () => {
  cloudwatch = await startCloudWatchServer();
  faults = await startFaultServer();
  testEnv = await createAwsTestEnv({
    endpointUrl: faults.url,
    // Two attempts keep the throttling tests short; the SDK's own retry strategy still decides.
    extra: { AWS_ENDPOINT_URL_CLOUDWATCH: cloudwatch.url, AWS_MAX_ATTEMPTS: "2" },
  });
  restoreEnv = useProcessEnv(testEnv.env);
});

afterAll(async () => {
  restoreEnv();
  await testEnv.cleanup();
  await cloudwatch.close();
  await faults.close();
});

beforeEach(() => {
  cloudwatch.reset();
  faults.reset();
});

const seen: unknown[] = [];
afterEach(() => {
  const text = JSON.stringify(seen);
  expect(text).not.toContain(FAKE_SECRET_ACCESS_KEY);
  expect(text).not.toContain(FAKE_SESSION_TOKEN);
  seen.length = 0;
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function read(region = "us-east-1") {
  const context: ReputationReadContext = {
    credentials: undefined,
    clientConfig: { maxAttempts: 2 },
    timeoutSeconds: 5,
    deadlineMs: 30_000,
    secrets: [FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN],
  };
  const outcome = await readReputation(region, context);
  seen.push(outcome);
  return outcome;
}

describe("readReputation over the wire", () => {
  it("asks once, for both metrics, and takes the latest datapoint of each as a percentage", async () => {
    cloudwatch.on("eu-west-1", {
      kind: "ok",
      bounce: [
        [minutesAgo(5), 0.031],
        [minutesAgo(65), 0.012],
      ],
      complaint: [[minutesAgo(10), 0.0005]],
    });
    expect(await read("eu-west-1")).toEqual({
      reputation: { bounceRatePercent: 3.1, complaintRatePercent: 0.05 },
    });
    expect(cloudwatch.requests).toHaveLength(1);
    const [request] = cloudwatch.requests;
    expect(request).toMatchObject({
      target: "GraniteServiceVersion20100801.GetMetricData",
      contentType: "application/x-amz-json-1.0",
      region: "eu-west-1",
      service: "monitoring",
    });
    const body = request?.body as {
      MetricDataQueries: { MetricStat: Record<string, unknown> }[];
      StartTime: number;
      EndTime: number;
    };
    expect(body.MetricDataQueries.map((q) => q.MetricStat)).toEqual([
      { Metric: { Namespace: "AWS/SES", MetricName: "Reputation.BounceRate" }, Period: 300, Stat: "Maximum" },
      {
        Metric: { Namespace: "AWS/SES", MetricName: "Reputation.ComplaintRate" },
        Period: 300,
        Stat: "Maximum",
      },
    ]);
    // Timestamps travel as epoch seconds; the window is the 24 hours before now.
    expect(body.EndTime - body.StartTime).toBe(24 * 60 * 60);
  });

  it("no datapoint leaves the fact absent; a stale datapoint (over 24 hours old) counts as none", async () => {
    cloudwatch.on("*", { kind: "ok", bounce: [[minutesAgo(25 * 60), 0.09]] });
    expect(await read()).toEqual({ reputation: {} });
  });

  it("converts the ratio at the thresholds exactly: 0.05 is 5, 0.001 is 0.1", async () => {
    cloudwatch.on("*", { kind: "ok", bounce: [[minutesAgo(1), 0.05]], complaint: [[minutesAgo(1), 0.001]] });
    expect(await read()).toEqual({ reputation: { bounceRatePercent: 5, complaintRatePercent: 0.1 } });
  });

  it("follows NextToken while a metric has no datapoint yet", async () => {
    cloudwatch.on(
      "*",
      { kind: "ok", bounce: [[minutesAgo(1), 0.01]], nextToken: "page-2" },
      { kind: "ok", complaint: [[minutesAgo(3), 0.0002]], omit: ["bounce"] },
    );
    expect(await read()).toEqual({ reputation: { bounceRatePercent: 1, complaintRatePercent: 0.02 } });
    expect(cloudwatch.requests.map((r) => r.body.NextToken)).toEqual([undefined, "page-2"]);
  });

  it("AccessDenied is an error naming cloudwatch:GetMetricData, never an absent fact", async () => {
    cloudwatch.on("*", {
      kind: "error",
      status: 400,
      type: "com.amazon.coral.service#AccessDeniedException",
      queryCode: "AccessDenied",
      message:
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudwatch:GetMetricData",
    });
    const outcome = await read();
    expect(outcome).toMatchObject({ error: { code: "aws/access-denied" } });
    if (!("error" in outcome)) throw new Error("expected an error");
    expect(outcome.error.message).toContain("cloudwatch:GetMetricData was denied");
    expect(outcome.error.hint).toContain("Allow the IAM action cloudwatch:GetMetricData");
    expect(cloudwatch.requests).toHaveLength(1);
  });

  it("throttling is retried, and past the retries is an error", async () => {
    const throttled = {
      kind: "error" as const,
      status: 400,
      type: "Throttling",
      queryCode: "Throttling",
      message: "Rate exceeded",
    };
    cloudwatch.on("*", throttled, { kind: "ok", bounce: [[minutesAgo(1), 0.01]] });
    expect(await read()).toEqual({ reputation: { bounceRatePercent: 1 } });
    expect(cloudwatch.requests).toHaveLength(2);

    cloudwatch.reset();
    cloudwatch.on("*", throttled);
    const outcome = await read();
    expect(outcome).toMatchObject({ error: { code: "aws/throttled" } });
    if (!("error" in outcome)) throw new Error("expected an error");
    expect(outcome.error.message).toContain("cloudwatch:GetMetricData was throttled past its retries");
    expect(cloudwatch.requests).toHaveLength(2);
  });

  it.each([
    ["a body that is not JSON", { kind: "raw" as const, status: 200, body: "<html>proxy login</html>" }],
    ["JSON without MetricDataResults", { kind: "raw" as const, status: 200, body: '{"Messages":[]}' }],
    ["a rate that is not a ratio", { kind: "ok" as const, bounce: [[minutesAgo(1), 7]] as [Date, number][] }],
    ["an answer without the queries asked", { kind: "ok" as const, omit: ["bounce", "complaint"] }],
  ])("%s is an error naming cloudwatch:GetMetricData", async (_name, behaviour) => {
    cloudwatch.on("*", behaviour);
    const outcome = await read();
    if (!("error" in outcome)) throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
    expect(outcome.error.message).toContain("cloudwatch:GetMetricData");
  });
});

describe("the live read with reputation", () => {
  it("adds the rates to each readable target, through the same credentials", async () => {
    cloudwatch.on("us-east-1", { kind: "ok", bounce: [[minutesAgo(2), 0.02]] });
    cloudwatch.on("eu-west-1", { kind: "ok" });
    const targets = await readAwsTargets({
      regions: ["us-east-1", "eu-west-1"],
      timeoutSeconds: 5,
      env: testEnv.env,
      reputation: true,
    });
    seen.push(targets);
    expect(targets.map((t) => [t.region, t.status, t.reputation])).toEqual([
      ["us-east-1", "ok", { bounceRatePercent: 2 }],
      ["eu-west-1", "ok", {}],
    ]);
    expect(cloudwatch.requests.map((r) => r.region).sort()).toEqual(["eu-west-1", "us-east-1"]);
    const sesKey = faults
      .accountRequests("us-east-1")[0]
      ?.headers.authorization?.match(/Credential=([^/]+)/)?.[1];
    expect(sesKey).toBe(FAKE_ACCESS_KEY_ID);
    expect(cloudwatch.requests.map((r) => r.accessKeyId)).toEqual([sesKey, sesKey]);
  });

  it("a denied CloudWatch read makes that target an error, and the others are still read", async () => {
    cloudwatch.on("eu-west-1", {
      kind: "error",
      status: 400,
      type: "com.amazon.coral.service#AccessDeniedException",
      queryCode: "AccessDenied",
      message: "not authorized to perform: cloudwatch:GetMetricData",
    });
    const targets = await readAwsTargets({
      regions: ["us-east-1", "eu-west-1"],
      timeoutSeconds: 5,
      env: testEnv.env,
      reputation: true,
    });
    seen.push(targets);
    const [east, west] = targets;
    expect(east).toMatchObject({ status: "ok", reputation: {} });
    expect(west).toMatchObject({ status: "error", error: { code: "aws/access-denied" } });
    expect(west?.account).toBeUndefined();
    expect(west?.error?.message).toContain("cloudwatch:GetMetricData");
  });

  it("does not ask CloudWatch unless told to", async () => {
    const targets = await readAwsTargets({ regions: ["us-east-1"], timeoutSeconds: 5, env: testEnv.env });
    seen.push(targets);
    expect(targets[0]?.status).toBe("ok");
    expect(targets[0]?.reputation).toBeUndefined();
    expect(cloudwatch.requests).toHaveLength(0);
  });

  it("does not ask CloudWatch for a target whose GetAccount failed", async () => {
    faults.on("us-east-1", { kind: "error", status: 403, type: "AccessDeniedException", message: "denied" });
    const targets = await readAwsTargets({
      regions: ["us-east-1"],
      timeoutSeconds: 5,
      env: testEnv.env,
      reputation: true,
    });
    seen.push(targets);
    expect(targets[0]?.status).toBe("error");
    expect(cloudwatch.requests).toHaveLength(0);
  });
});
