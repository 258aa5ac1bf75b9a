/**
 * The live path end to end with the real SDK against aws-ses-v2-local, a real SES v2 emulator
 * listening on loopback: one Region, several Regions, the account id, and how the Region is found
 * when none is named.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAwsTargets } from "../../src/aws/get-account.js";
import { SesGuardError } from "../../src/errors.js";
import { type AwsTestEnv, createAwsTestEnv, useProcessEnv } from "../helpers/aws-test-env.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { type SesEmulator, startSesEmulator } from "../helpers/ses-emulator.js";

/** A full account (the emulator insists on Details and SendQuota), with values worth checking. */
const ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  EnforcementStatus: "PROBATION",
  ProductionAccessEnabled: true,
  SendQuota: { Max24HourSend: 100000, MaxSendRate: 25, SentLast24Hours: 91234 },
  SendingEnabled: true,
  SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] },
  Details: {
    MailType: "MARKETING",
    WebsiteURL: "https://news.example.com",
    ContactLanguage: "EN",
    UseCaseDescription: "Weekly newsletter",
    AdditionalContactEmailAddresses: ["mail-ops@example.com"],
    ReviewDetails: { Status: "GRANTED", CaseId: "998877" },
  },
};

let emulator: SesEmulator;
let sts: FaultServer;

beforeAll(async () => {
  emulator = await startSesEmulator(ACCOUNT);
  // The emulator does not answer STS; most tests take the account id from the fault server.
  sts = await startFaultServer();
  sts.onSts({ kind: "ok", account: "123456789012" });
});

afterAll(async () => {
  await emulator.stop();
  await sts.close();
});

/** Runs `body` with a test env whose SES endpoint is the emulator. */
async function withEnv<T>(
  options: {
    sts?: "fault-server" | "emulator";
    extra?: Record<string, string | undefined>;
    config?: string;
    credentials?: string;
    withoutCredentials?: boolean;
  },
  body: (env: Record<string, string>) => Promise<T>,
): Promise<T> {
  const stsUrl = options.sts === "emulator" ? emulator.url : sts.url;
  const testEnv: AwsTestEnv = await createAwsTestEnv({
    endpointUrl: emulator.url,
    extra: { AWS_ENDPOINT_URL_STS: stsUrl, ...options.extra },
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    ...(options.withoutCredentials ? { withoutCredentials: true } : {}),
  });
  const restore = useProcessEnv(testEnv.env);
  try {
    return await body(testEnv.env);
  } finally {
    restore();
    await testEnv.cleanup();
  }
}

describe("readAwsTargets against aws-ses-v2-local", () => {
  it("reads one Region: the GetAccount response without $metadata, and the account id", async () => {
    const targets = await withEnv({}, (env) =>
      readAwsTargets({ regions: ["us-east-1"], timeoutSeconds: 5, env }),
    );
    expect(targets).toEqual([
      { region: "us-east-1", accountId: "123456789012", status: "ok", account: ACCOUNT },
    ]);
  });

  it("reads several Regions in the order they were named, without duplicates", async () => {
    const targets = await withEnv({}, (env) =>
      readAwsTargets({
        regions: ["eu-west-1", "us-east-1", "eu-west-1", " ap-northeast-1 "],
        timeoutSeconds: 5,
        env,
      }),
    );
    expect(targets.map((t) => [t.region, t.status])).toEqual([
      ["eu-west-1", "ok"],
      ["us-east-1", "ok"],
      ["ap-northeast-1", "ok"],
    ]);
    for (const target of targets) expect(target.account).toEqual(ACCOUNT);
  });

  it("goes on with a null account id when STS cannot answer (the emulator has no STS)", async () => {
    const started = performance.now();
    const targets = await withEnv({ sts: "emulator" }, (env) =>
      readAwsTargets({ regions: ["us-east-1", "eu-west-1"], timeoutSeconds: 1, env }),
    );
    const ms = performance.now() - started;
    expect(targets.map((t) => [t.region, t.status, t.accountId])).toEqual([
      ["us-east-1", "ok", null],
      ["eu-west-1", "ok", null],
    ]);
    // STS is abandoned after its attempts time out; it must not hold the run much longer.
    expect(ms).toBeLessThan(8_000);
  });

  it("honours AWS_ENDPOINT_URL_SESV2 over AWS_ENDPOINT_URL", async () => {
    const targets = await withEnv(
      { extra: { AWS_ENDPOINT_URL: "http://127.0.0.1:9", AWS_ENDPOINT_URL_SESV2: emulator.url } },
      (env) => readAwsTargets({ regions: ["us-east-1"], timeoutSeconds: 5, env }),
    );
    expect(targets[0]?.status).toBe("ok");
  });

  it("reports progress once per Region", async () => {
    const calls: [number, number][] = [];
    await withEnv({}, (env) =>
      readAwsTargets({
        regions: ["us-east-1", "eu-west-1", "sa-east-1"],
        timeoutSeconds: 5,
        env,
        onProgress: (done, total) => calls.push([done, total]),
      }),
    );
    expect(calls).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});

describe("the Region when none is named", () => {
  it("comes from AWS_REGION", async () => {
    const targets = await withEnv(
      { extra: { AWS_REGION: "eu-west-2", AWS_DEFAULT_REGION: "us-west-2" } },
      (env) => readAwsTargets({ regions: [], timeoutSeconds: 5, env }),
    );
    expect(targets.map((t) => [t.region, t.status])).toEqual([["eu-west-2", "ok"]]);
  });

  it("comes from AWS_DEFAULT_REGION when AWS_REGION is not set", async () => {
    const targets = await withEnv({ extra: { AWS_DEFAULT_REGION: "us-west-2" } }, (env) =>
      readAwsTargets({ regions: [], timeoutSeconds: 5, env }),
    );
    expect(targets.map((t) => t.region)).toEqual(["us-west-2"]);
  });

  it("comes from the default profile's region in the config file", async () => {
    const targets = await withEnv({ config: "[default]\nregion = ca-central-1\n" }, (env) =>
      readAwsTargets({ regions: [], timeoutSeconds: 5, env }),
    );
    expect(targets.map((t) => [t.region, t.status])).toEqual([["ca-central-1", "ok"]]);
  });

  it("comes from the region of the profile given with --profile or AWS_PROFILE, with its credentials", async () => {
    const config = "[default]\nregion = ca-central-1\n\n[profile audit]\nregion = ap-southeast-2\n";
    const credentials =
      "[audit]\naws_access_key_id = AKIAPROFILEAUDIT0001\naws_secret_access_key = profileSecretDoNotPrint0123456789\n";
    for (const how of ["option", "AWS_PROFILE"] as const) {
      sts.reset();
      sts.onSts({ kind: "ok", account: "123456789012" });
      const targets = await withEnv(
        {
          config,
          credentials,
          withoutCredentials: true,
          extra: how === "AWS_PROFILE" ? { AWS_PROFILE: "audit" } : {},
        },
        (env) =>
          readAwsTargets({
            regions: [],
            timeoutSeconds: 5,
            env,
            ...(how === "option" ? { profile: "audit" } : {}),
          }),
      );
      expect(targets.map((t) => [t.region, t.status, t.accountId])).toEqual([
        ["ap-southeast-2", "ok", "123456789012"],
      ]);
      // STS (on the fault server) was signed with the profile's key, in the profile's Region.
      const call = sts.requests.find((r) => r.operation === "GetCallerIdentity");
      expect(call?.headers.authorization).toContain("Credential=AKIAPROFILEAUDIT0001/");
      expect(call?.region).toBe("ap-southeast-2");
    }
  });

  it("is an invalid invocation (exit 2) that says how to give one when nothing names it", async () => {
    const attempt = withEnv({}, (env) => readAwsTargets({ regions: [], timeoutSeconds: 5, env }));
    await expect(attempt).rejects.toBeInstanceOf(SesGuardError);
    const error = (await attempt.catch((e: unknown) => e)) as SesGuardError;
    expect(error.code).toBe("aws/no-region");
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain("--region");
    expect(error.message).toContain("--all-regions");
    expect(error.message).toContain("AWS_REGION");
    expect(error.message).toContain("aws configure set region");
  });
});
