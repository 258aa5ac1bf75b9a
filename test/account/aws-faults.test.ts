/**
 * Every fault of the live path, produced over real HTTP by the fault server and read with the real
 * SDK: status, code, message, how often the SDK tried, and an upper bound on the time it took.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readAwsTargets } from "../../src/aws/get-account.js";
import { MINIMAL_IAM_POLICY } from "../../src/aws/iam-policy.js";
import { SesGuardError } from "../../src/errors.js";
import type { TargetData } from "../../src/types.js";
import {
  createAwsTestEnv,
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET_ACCESS_KEY,
  FAKE_SESSION_TOKEN,
  useProcessEnv,
} from "../helpers/aws-test-env.js";
import { closedLoopbackUrl, DEFAULT_ACCOUNT } from "../helpers/fault-server.js";
import { useFaultServerEnv } from "../helpers/use-fault-server.js";

const live = useFaultServerEnv();

/** Everything any test got back, checked for secrets after each test. */
const seen: unknown[] = [];

afterEach(() => {
  const text = JSON.stringify(seen);
  expect(text).not.toContain(FAKE_SECRET_ACCESS_KEY);
  expect(text).not.toContain(FAKE_SESSION_TOKEN);
  seen.length = 0;
});

async function read(
  regions: string[] | "all",
  extra: { timeoutSeconds?: number; endpointUrl?: string; env?: Record<string, string | undefined> } = {},
): Promise<{ targets: TargetData[]; ms: number }> {
  const env: Record<string, string> = { ...live.testEnv.env };
  for (const [key, value] of Object.entries(extra.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  // The SDK reads process.env itself: it must see the same variables as readAwsTargets.
  const restore = useProcessEnv(env);
  try {
    const started = performance.now();
    const targets = await readAwsTargets({
      regions,
      timeoutSeconds: extra.timeoutSeconds ?? 5,
      env,
      ...(extra.endpointUrl ? { endpointUrl: extra.endpointUrl } : {}),
    });
    seen.push(targets);
    return { targets, ms: performance.now() - started };
  } finally {
    restore();
  }
}

function only(targets: TargetData[]): TargetData {
  expect(targets).toHaveLength(1);
  return targets[0] as TargetData;
}

describe("readAwsTargets against the fault server", () => {
  it("reads an account and the account id from STS through AWS_ENDPOINT_URL", async () => {
    live.server.onSts({ kind: "ok", account: "210987654321" });
    const { targets } = await read(["us-east-1"]);
    expect(only(targets)).toEqual({
      region: "us-east-1",
      accountId: "210987654321",
      status: "ok",
      account: DEFAULT_ACCOUNT,
    });
    const sts = live.server.requests.filter((r) => r.operation === "GetCallerIdentity");
    expect(sts).toHaveLength(1);
    expect(sts[0]?.service).toBe("sts");
    // Signed with the fake key from the environment, in the Region it asked for.
    const ses = live.server.accountRequests("us-east-1");
    expect(ses).toHaveLength(1);
    expect(ses[0]?.headers.authorization).toContain(`Credential=${FAKE_ACCESS_KEY_ID}/`);
    expect(ses[0]?.service).toBe("ses");
  });

  it("calls STS once per run, not once per Region", async () => {
    await read(["us-east-1", "eu-west-1", "ap-south-1"]);
    expect(live.server.requests.filter((r) => r.operation === "GetCallerIdentity")).toHaveLength(1);
    expect(live.server.requests.filter((r) => r.operation === "GetAccount")).toHaveLength(3);
  });

  it("goes on with a null account id when STS fails", async () => {
    live.server.onSts({ kind: "error", status: 500, code: "InternalFailure", message: "boom" });
    const target = only((await read(["us-east-1"])).targets);
    expect(target.status).toBe("ok");
    expect(target.accountId).toBeNull();
  });

  it("retries throttling with backoff and reports it once the retries are spent", async () => {
    live.server.on("us-east-1", {
      kind: "error",
      status: 429,
      type: "TooManyRequestsException",
      message: "Too many requests",
    });
    const { targets, ms } = await read(["us-east-1"]);
    const target = only(targets);
    expect(target.status).toBe("error");
    expect(target.error?.code).toBe("aws/throttled");
    expect(target.error?.message).toBe(
      "SES throttled GetAccount in us-east-1 after 3 attempts (TooManyRequestsException: Too many requests)",
    );
    expect(target.error?.hint).toContain("AWS_MAX_ATTEMPTS");
    expect(live.server.accountRequests("us-east-1").map((r) => r.attempt)).toEqual([
      "attempt=1; max=3",
      "attempt=2; max=3",
      "attempt=3; max=3",
    ]);
    // Throttling backoff starts at up to 500 ms and doubles: well under 5 s for three attempts.
    expect(ms).toBeLessThan(5_000);
  });

  it("succeeds when throttling ends before the retries do", async () => {
    live.server.on(
      "us-east-1",
      { kind: "error", status: 429, type: "TooManyRequestsException", message: "slow down" },
      { kind: "ok" },
    );
    const target = only((await read(["us-east-1"])).targets);
    expect(target.status).toBe("ok");
    expect(live.server.accountRequests("us-east-1")).toHaveLength(2);
  });

  it("honours AWS_MAX_ATTEMPTS", async () => {
    live.server.on("us-east-1", {
      kind: "error",
      status: 429,
      type: "TooManyRequestsException",
      message: "no",
    });
    await read(["us-east-1"], { env: { AWS_MAX_ATTEMPTS: "1" } });
    expect(live.server.accountRequests("us-east-1")).toHaveLength(1);
    live.server.reset();
    live.server.on("us-east-1", {
      kind: "error",
      status: 503,
      type: "ServiceUnavailableException",
      message: "no",
    });
    const target = only((await read(["us-east-1"], { env: { AWS_MAX_ATTEMPTS: "5" } })).targets);
    expect(live.server.accountRequests("us-east-1")).toHaveLength(5);
    expect(target.error?.message).toContain("after 5 attempts");
  });

  it("refuses an unusable AWS_MAX_ATTEMPTS or AWS_RETRY_MODE as an invalid invocation", async () => {
    await expect(read(["us-east-1"], { env: { AWS_MAX_ATTEMPTS: "many" } })).rejects.toMatchObject({
      code: "aws/invalid-config",
      exitCode: 2,
    });
    await expect(read(["us-east-1"], { env: { AWS_RETRY_MODE: "sometimes" } })).rejects.toBeInstanceOf(
      SesGuardError,
    );
    expect(live.server.requests).toHaveLength(0);
  });

  it("names ses:GetAccount and gives the minimal IAM policy on AccessDenied, without retrying", async () => {
    live.server.on("eu-west-1", {
      kind: "error",
      status: 403,
      type: "AccessDeniedException",
      message: "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ses:GetAccount",
    });
    const { targets, ms } = await read(["eu-west-1"]);
    const target = only(targets);
    expect(target.status).toBe("error");
    expect(target.error?.code).toBe("aws/access-denied");
    expect(target.error?.message).toBe(
      "Access denied: the identity in use may not call ses:GetAccount in eu-west-1 (AccessDeniedException: " +
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ses:GetAccount)",
    );
    const policyText = target.error?.hint?.slice(target.error.hint.indexOf("{"));
    expect(JSON.parse(policyText ?? "")).toEqual(MINIMAL_IAM_POLICY);
    expect(live.server.accountRequests("eu-west-1")).toHaveLength(1);
    expect(ms).toBeLessThan(2_000);
  });

  it("reports expired credentials without retrying", async () => {
    live.server.on("us-east-1", {
      kind: "error",
      status: 403,
      type: "ExpiredTokenException",
      message: "The security token included in the request is expired",
    });
    const target = only((await read(["us-east-1"])).targets);
    expect(target.error?.code).toBe("aws/expired-token");
    expect(target.error?.message).toBe(
      "AWS rejected the credentials in us-east-1 as expired (ExpiredTokenException: The security token included in the request is expired)",
    );
    expect(target.error?.hint).toContain("aws sso login");
    expect(live.server.accountRequests("us-east-1")).toHaveLength(1);
  });

  it("reports an invalid token in a Region that is not opt-in as an error, even when STS works", async () => {
    live.server.on("us-east-1", {
      kind: "error",
      status: 403,
      type: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    });
    const target = only((await read(["us-east-1"])).targets);
    expect(target.status).toBe("error");
    expect(target.error?.code).toBe("aws/invalid-token");
    expect(target.error?.message).toBe(
      "AWS did not accept the credentials in us-east-1 (UnrecognizedClientException: The security token included in the request is invalid.)",
    );
    expect(live.server.accountRequests("us-east-1")).toHaveLength(1);
  });

  it.each([
    [500, "InternalFailure"],
    [503, "ServiceUnavailableException"],
  ])("retries HTTP %i and then reports a server error", async (status, type) => {
    live.server.on("ap-south-1", {
      kind: "error",
      status,
      type,
      message: "We encountered an internal error.",
    });
    const { targets, ms } = await read(["ap-south-1"]);
    const target = only(targets);
    expect(target.error?.code).toBe("aws/server-error");
    expect(target.error?.message).toBe(
      `SES answered GetAccount in ap-south-1 with HTTP ${status} after 3 attempts (${type}: We encountered an internal error.)`,
    );
    expect(live.server.accountRequests("ap-south-1")).toHaveLength(3);
    expect(ms).toBeLessThan(3_000);
  });

  it("treats an HTML error page with a 5xx status as a server error", async () => {
    live.server.on("us-east-1", {
      kind: "raw",
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html><body>Bad Gateway</body></html>",
    });
    const target = only((await read(["us-east-1"])).targets);
    expect(target.error?.code).toBe("aws/server-error");
    expect(target.error?.message).toBe(
      "SES answered GetAccount in us-east-1 with HTTP 502 after 3 attempts (a body that is not JSON)",
    );
    expect(live.server.accountRequests("us-east-1")).toHaveLength(3);
  });

  it("succeeds when a 5xx is followed by an answer", async () => {
    live.server.on(
      "us-east-1",
      { kind: "error", status: 503, type: "ServiceUnavailableException", message: "x" },
      { kind: "ok" },
    );
    expect(only((await read(["us-east-1"])).targets).status).toBe("ok");
    expect(live.server.accountRequests("us-east-1")).toHaveLength(2);
  });

  it("answers within the timeout are not cut", async () => {
    live.server.on("us-east-1", { kind: "ok", delayMs: 300 });
    expect(only((await read(["us-east-1"], { timeoutSeconds: 1 })).targets).status).toBe("ok");
  });

  it("gives up on an endpoint that never answers after the timeout of each attempt", async () => {
    live.server.on("us-east-1", { kind: "hang" });
    const { targets, ms } = await read(["us-east-1"], { timeoutSeconds: 1 });
    const target = only(targets);
    expect(target.status).toBe("error");
    expect(target.error?.code).toBe("aws/timeout");
    expect(target.error?.message).toBe("No answer from GetAccount in us-east-1 within 1 s after 3 attempts");
    expect(target.error?.hint).toContain("--timeout");
    expect(live.server.accountRequests("us-east-1")).toHaveLength(3);
    expect(ms).toBeGreaterThanOrEqual(2_900);
    expect(ms).toBeLessThan(8_000);
  });

  it("stops a body that trickles in forever at the overall deadline", async () => {
    // Each byte arrives well within the per-attempt timeout, so only the overall deadline ends it.
    live.server.on("us-east-1", { kind: "trickle", intervalMs: 100 });
    const { targets, ms } = await read(["us-east-1"], { timeoutSeconds: 1, env: { AWS_MAX_ATTEMPTS: "1" } });
    const target = only(targets);
    expect(target.error?.code).toBe("aws/timeout");
    expect(target.error?.message).toBe(
      "No answer from GetAccount in us-east-1 in time (up to 1 s per attempt, retries included)",
    );
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(3_000);
  });

  it("reports a connection closed without an answer as a reset, after retrying", async () => {
    live.server.on("us-east-1", { kind: "destroy" });
    const { targets, ms } = await read(["us-east-1"]);
    const target = only(targets);
    expect(target.error?.code).toBe("aws/connection-reset");
    expect(target.error?.message).toMatch(
      /^The connection to .+ was cut before SES answered GetAccount in us-east-1 after 3 attempts$/,
    );
    expect(live.server.accountRequests("us-east-1")).toHaveLength(3);
    expect(ms).toBeLessThan(3_000);
  });

  it("reports a connection cut in the middle of the body as a reset", async () => {
    live.server.on("us-east-1", { kind: "destroy-mid-body" });
    const target = only((await read(["us-east-1"])).targets);
    expect(target.error?.code).toBe("aws/connection-reset");
    expect(live.server.accountRequests("us-east-1")).toHaveLength(3);
  });

  it("reports a body that is not JSON as malformed, without retrying", async () => {
    live.server.on("us-east-1", { kind: "raw", status: 200, body: '{"SendingEnabled": tru' });
    const target = only((await read(["us-east-1"])).targets);
    expect(target.status).toBe("error");
    expect(target.error?.code).toBe("aws/malformed-response");
    expect(target.error?.message).toMatch(
      /^SES answered GetAccount in us-east-1 with HTTP 200 and a body that is not the expected JSON \(SyntaxError: .+\)$/,
    );
    expect(target.error?.message).not.toContain("Deserialization error");
    expect(live.server.accountRequests("us-east-1")).toHaveLength(1);
  });

  it("reports an HTML page from a proxy as malformed", async () => {
    live.server.on("us-east-1", {
      kind: "raw",
      status: 200,
      headers: { "content-type": "text/html" },
      body: "<html>Please log in to the proxy</html>",
    });
    const target = only((await read(["us-east-1"])).targets);
    expect(target.error?.code).toBe("aws/malformed-response");
  });

  it.each([
    // JSON that is not an object at all (a list, a string, null) is named as such: see
    // test/hardening/not-account-bodies.test.ts.
    [
      '{"error": "login required"}',
      "the response has none of the GetAccount members (SendQuota, SendingEnabled, EnforcementStatus, ...)",
    ],
    ['{"SendingEnabled": true, "SendQuota": "lots"}', "SendQuota is a string, expected an object"],
    ['{"SendingEnabled": "yes"}', "SendingEnabled is a string, expected a boolean"],
  ])("reports a JSON body of the wrong shape (%s) as malformed", async (body, problem) => {
    live.server.on("us-east-1", { kind: "raw", status: 200, body });
    const target = only((await read(["us-east-1"])).targets);
    expect(target.status).toBe("error");
    expect(target.account).toBeUndefined();
    expect(target.error).toMatchObject({
      code: "aws/malformed-response",
      message: `SES answered GetAccount in us-east-1 with something that is not account data: ${problem}`,
    });
  });

  it("reports connection refused on a closed loopback port", async () => {
    const closed = await closedLoopbackUrl();
    const { targets, ms } = await read(["us-east-1"], { endpointUrl: closed });
    const target = only(targets);
    expect(target.error?.code).toBe("aws/connection-refused");
    expect(target.error?.message).toBe(
      `Connection refused by ${new URL(closed).host} while reading us-east-1 after 3 attempts`,
    );
    expect(target.error?.hint).toContain("--endpoint-url");
    expect(ms).toBeLessThan(3_000);
  });

  it("reports a host name that does not resolve as a DNS failure", async () => {
    // `.invalid` never resolves (RFC 2606), so no request can leave the machine.
    const { targets, ms } = await read(["us-east-1"], { endpointUrl: "http://ses-guard-test.invalid" });
    const target = only(targets);
    expect(target.error?.code).toBe("aws/dns");
    expect(target.error?.message).toMatch(
      /^Could not resolve ses-guard-test\.invalid \((ENOTFOUND|EAI_AGAIN)\) while reading us-east-1$/,
    );
    expect(target.error?.hint).toContain("--endpoint-url");
    expect(ms).toBeLessThan(5_000);
  });

  it("prefers --endpoint-url for SES while STS keeps AWS_ENDPOINT_URL", async () => {
    const closed = await closedLoopbackUrl();
    const target = only(
      (await read(["us-east-1"], { endpointUrl: live.server.url, env: { AWS_ENDPOINT_URL: closed } }))
        .targets,
    );
    expect(target.status).toBe("ok");
    expect(live.server.accountRequests("us-east-1")).toHaveLength(1);
    // STS went to the closed port (it honours only AWS_ENDPOINT_URL*) and failed: no account id.
    expect(live.server.requests.filter((r) => r.operation === "GetCallerIdentity")).toHaveLength(0);
    expect(target.accountId).toBeNull();
  });

  it("reports a Region code that cannot be one without sending anything", async () => {
    const target = only((await read(["us_east_1"])).targets);
    expect(target.error?.code).toBe("aws/invalid-region");
    expect(target.error?.message).toBe(
      '"us_east_1" is not a Region code (expected something like us-east-1)',
    );
    expect(live.server.requests.filter((r) => r.operation === "GetAccount")).toHaveLength(0);
  });

  it("never prints the secret key or session token, even when an endpoint echoes them", async () => {
    live.server.on("us-east-1", {
      kind: "error",
      status: 400,
      type: "BadRequestException",
      message: `bad request signed with ${FAKE_SECRET_ACCESS_KEY} and token ${FAKE_SESSION_TOKEN}`,
    });
    const target = only((await read(["us-east-1"])).targets);
    expect(target.error?.code).toBe("aws/unknown");
    expect(target.error?.message).toBe(
      "GetAccount in us-east-1 failed: HTTP 400 BadRequestException: bad request signed with [redacted] and token [redacted]",
    );
  });

  it("keeps reading the other Regions when some fail, in the order asked", async () => {
    live.server.on("eu-west-1", {
      kind: "error",
      status: 403,
      type: "AccessDeniedException",
      message: "denied",
    });
    live.server.on("ap-south-1", { kind: "error", status: 500, type: "InternalFailure", message: "boom" });
    const { targets } = await read(["us-east-1", "eu-west-1", "ap-south-1", "sa-east-1"]);
    expect(targets.map((t) => [t.region, t.status, t.error?.code])).toEqual([
      ["us-east-1", "ok", undefined],
      ["eu-west-1", "error", "aws/access-denied"],
      ["ap-south-1", "error", "aws/server-error"],
      ["sa-east-1", "ok", undefined],
    ]);
    expect(targets.every((t) => t.accountId === "123456789012")).toBe(true);
  });
});

describe("readAwsTargets without credentials", () => {
  it("reports no credentials for every Region and sends nothing", async () => {
    const bare = await createAwsTestEnv({ endpointUrl: live.server.url, withoutCredentials: true });
    const restore = useProcessEnv(bare.env);
    try {
      const started = performance.now();
      const targets = await readAwsTargets({
        regions: ["us-east-1", "eu-west-1"],
        timeoutSeconds: 5,
        env: bare.env,
      });
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(targets.map((t) => t.status)).toEqual(["error", "error"]);
      for (const target of targets) {
        expect(target.error?.code).toBe("aws/no-credentials");
        expect(target.error?.message).toBe(
          "No AWS credentials found: CredentialsProviderError: Could not load credentials from any providers",
        );
        expect(target.error?.hint).toContain("AWS_ACCESS_KEY_ID");
        expect(target.error?.hint).toContain("--profile");
      }
      expect(live.server.requests).toHaveLength(0);
    } finally {
      restore();
      await bare.cleanup();
    }
  });

  it("names the profile that has no credentials", async () => {
    const bare = await createAwsTestEnv({
      endpointUrl: live.server.url,
      withoutCredentials: true,
      config: "[profile audit]\nregion = eu-west-1\n",
    });
    const restore = useProcessEnv(bare.env);
    try {
      const [target] = await readAwsTargets({
        regions: [],
        profile: "audit",
        timeoutSeconds: 5,
        env: bare.env,
      });
      expect(target?.region).toBe("eu-west-1");
      expect(target?.error?.code).toBe("aws/no-credentials");
      expect(target?.error?.message).toBe(
        'No AWS credentials found for profile "audit": Could not resolve credentials using profile: [audit] in configuration/credentials file(s).',
      );
    } finally {
      restore();
      await bare.cleanup();
    }
  });
});

describe("readAwsTargets with a credential_process profile", () => {
  /** A profile whose credentials come from a script, the way many SSO wrappers supply them. */
  async function withProcessProfile<T>(
    script: string,
    body: (env: Record<string, string>) => Promise<T>,
  ): Promise<T> {
    const dir = await createAwsTestEnv({ endpointUrl: live.server.url, withoutCredentials: true });
    const scriptPath = join(dir.dir, "creds.cjs");
    await writeFile(scriptPath, script);
    await writeFile(
      dir.env.AWS_CONFIG_FILE as string,
      `[profile tool]\nregion = us-east-1\ncredential_process = "${process.execPath}" "${scriptPath}"\n`,
    );
    const restore = useProcessEnv(dir.env);
    try {
      return await body(dir.env);
    } finally {
      restore();
      await dir.cleanup();
    }
  }

  it("signs with what the process returned", async () => {
    const targets = await withProcessProfile(
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: "AKIAPROCESSKEY000001", SecretAccessKey: ${JSON.stringify(FAKE_SECRET_ACCESS_KEY)} }));`,
      (env) => readAwsTargets({ regions: [], profile: "tool", timeoutSeconds: 5, env }),
    );
    seen.push(targets);
    expect(targets.map((t) => [t.region, t.status])).toEqual([["us-east-1", "ok"]]);
    expect(live.server.accountRequests("us-east-1")[0]?.headers.authorization).toContain(
      "Credential=AKIAPROCESSKEY000001/",
    );
  });

  it("reports expired credentials from the process", async () => {
    const targets = await withProcessProfile(
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: "AKIAPROCESSKEY000001", SecretAccessKey: "x".repeat(40), SessionToken: "t", Expiration: "2001-01-01T00:00:00Z" }));`,
      (env) => readAwsTargets({ regions: ["us-east-1"], profile: "tool", timeoutSeconds: 5, env }),
    );
    expect(targets[0]?.error?.code).toBe("aws/expired-token");
    expect(targets[0]?.error?.message).toBe(
      'The AWS credentials for profile "tool" have expired: Profile tool credential_process returned expired credentials.',
    );
    expect(live.server.requests).toHaveLength(0);
  });

  it("gives up on a credential source that never answers", async () => {
    const started = performance.now();
    const targets = await withProcessProfile("setTimeout(() => {}, 60_000);", (env) =>
      readAwsTargets({
        regions: ["us-east-1"],
        profile: "tool",
        timeoutSeconds: 1,
        env: { ...env, AWS_MAX_ATTEMPTS: "1" },
      }),
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(targets[0]?.error).toMatchObject({
      code: "aws/timeout",
      message: "Resolving AWS credentials took longer than 1 s",
    });
    expect(live.server.requests).toHaveLength(0);
  });
});
