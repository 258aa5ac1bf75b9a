/**
 * Every account Put* call ses-guard can make, sent by the real SDK commands in the bundle to the
 * state server, with the request bodies the server received and the state they left.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { type SesStateServer, startSesStateServer } from "../helpers/ses-state-server.js";
import { FIXABLE_ACCOUNT, fixEnv, parsePlan, VALIDATION } from "./fix-helpers.js";

let server: SesStateServer;

beforeEach(async () => {
  server = await startSesStateServer({
    "us-east-1": {
      ...FIXABLE_ACCOUNT,
      SendingEnabled: false,
      DedicatedIpAutoWarmupEnabled: true,
      VdmAttributes: { VdmEnabled: "DISABLED", GuardianAttributes: { OptimizedSharedDelivery: "ENABLED" } },
      DeliveryAttributes: { SharedPoolDeliveryMode: "GLOBAL" },
    },
  });
});

afterEach(async () => {
  await server.close();
});

it("sends each call with its complete input and leaves the state the policy wants", async () => {
  const args = ["fix", "--policy", "test/fixtures/fix/every-call.yaml", "--region", "us-east-1"];
  const result = await runCli([...args, "--apply", "--yes", "--format", "json"], { env: fixEnv(server.url) });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(parsePlan(result.stdout).summary).toMatchObject({ calls: 5, applied: 5 });
  expect(
    server.requests.filter((r) => r.operation.startsWith("Put")).map((r) => [r.operation, r.body]),
  ).toEqual([
    ["PutAccountSendingAttributes", { SendingEnabled: true }],
    ["PutAccountDedicatedIpWarmupAttributes", { AutoWarmupEnabled: false }],
    [
      "PutAccountSuppressionAttributes",
      { SuppressedReasons: ["BOUNCE", "COMPLAINT"], ValidationAttributes: VALIDATION },
    ],
    [
      "PutAccountVdmAttributes",
      {
        VdmAttributes: {
          VdmEnabled: "ENABLED",
          DashboardAttributes: { EngagementMetrics: "ENABLED" },
          GuardianAttributes: { OptimizedSharedDelivery: "ENABLED" },
        },
      },
    ],
    ["PutAccountDeliveryAttributes", { SharedPoolDeliveryMode: "REGIONAL" }],
  ]);
  expect(server.account("us-east-1")).toMatchObject({
    SendingEnabled: true,
    DedicatedIpAutoWarmupEnabled: false,
    DeliveryAttributes: { SharedPoolDeliveryMode: "REGIONAL" },
  });
  const again = await runCli([...args, "--format", "json"], { env: fixEnv(server.url) });
  expect(parsePlan(again.stdout).summary.calls).toBe(0);
  expect(again.code).toBe(0);
});
