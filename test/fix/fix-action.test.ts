/** The Action's `fix: plan`: the plan goes into the job summary, and nothing is ever applied. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { NODES, runAction } from "../action/run-action.js";
import { type SesStateServer, startSesStateServer } from "../helpers/ses-state-server.js";
import { FIXABLE_ACCOUNT } from "./fix-helpers.js";

let server: SesStateServer;
const node = NODES[0]?.[1] ?? process.execPath;

beforeAll(async () => {
  server = await startSesStateServer({ "us-east-1": FIXABLE_ACCOUNT });
});

afterAll(async () => {
  await server.close();
});

it("fix: plan adds the plan to the job summary and changes nothing", async () => {
  const run = await runAction({
    node,
    sesEndpoint: server.url,
    stsEndpoint: server.url,
    inputs: { policy: "strict", regions: "us-east-1", fix: "plan" },
  });
  try {
    expect(run.code).toBe(1);
    const plan = run.summary.slice(run.summary.indexOf("## ses-guard fix plan"));
    expect(run.summary.indexOf("## ses-guard fix plan")).toBeGreaterThan(0);
    expect(plan).toContain("2 SES v2 calls would make failed rules pass; nothing was changed.");
    expect(plan).toContain("| PutAccountSuppressionAttributes | suppression-bounce-complaint |");
    expect(plan).toContain("aws sesv2 put-account-vdm-attributes --region us-east-1 --cli-input-json");
    expect(plan).toContain("IAM actions needed to apply: `ses:GetAccount`");
    expect(server.requests.filter((r) => r.operation.startsWith("Put"))).toEqual([]);
  } finally {
    run.cleanup();
  }
});

it("refuses any other fix value: applying is left to the command line", async () => {
  const run = await runAction({
    node,
    sesEndpoint: server.url,
    stsEndpoint: server.url,
    inputs: { regions: "us-east-1", fix: "apply" },
  });
  try {
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("input fix must be");
    expect(server.requests.filter((r) => r.operation.startsWith("Put"))).toEqual([]);
  } finally {
    run.cleanup();
  }
});
