/**
 * When STS cannot tell whose credentials these are, the account id stays null and the report says
 * why, instead of a silent "account unknown": over real HTTP, a loopback STS answering an error.
 */
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { hasStackTrace, runCli } from "../helpers/cli.js";
import { useFaultServer } from "../helpers/use-fault-server.js";

const live = useFaultServer();

const REASON = "STS GetCallerIdentity failed: ";

function check(format: string, extra: string[] = []) {
  return runCli(["check", "--region", "us-east-1", "--format", format, ...extra], {
    env: { AWS_ENDPOINT_URL: live.server.url, AWS_ENDPOINT_URL_STS: live.server.url },
  });
}

describe("an account STS could not identify", () => {
  it("JSON keeps accountId null and gives the reason", async () => {
    live.server.onSts({
      kind: "error",
      status: 403,
      code: "AccessDenied",
      message: "not allowed to call sts",
    });
    const run = await check("json");
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.targets).toHaveLength(1);
    expect(report.targets[0]?.accountId).toBeNull();
    expect(report.targets[0]?.accountIdUnknownReason).toMatch(
      new RegExp(`^${REASON}.*not allowed to call sts`),
    );
    expect(live.server.requests.some((r) => r.operation === "GetCallerIdentity")).toBe(true);
  });

  it("the text report says the account is unknown and why", async () => {
    live.server.onSts({
      kind: "error",
      status: 403,
      code: "AccessDenied",
      message: "not allowed to call sts",
    });
    const run = await check("text");
    const heading = run.stdout.split("\n")[0] ?? "";
    expect(heading).toMatch(
      /^us-east-1 · account unknown \(STS GetCallerIdentity failed: .*not allowed to call sts.*\)$/,
    );
  });

  it("the job summary says so too", async () => {
    live.server.onSts({ kind: "error", status: 500, code: "InternalFailure", message: "sts is down" });
    const run = await check("markdown");
    expect(run.stdout).toMatch(/Account unknown: STS GetCallerIdentity failed: .*sts is down/);
  });

  it("no reason when STS answers, or when --account-id names the account", async () => {
    live.server.onSts({ kind: "ok", account: "210987654321" });
    const told = JSON.parse((await check("json")).stdout) as Report;
    expect(told.targets[0]).toEqual({ region: "us-east-1", accountId: "210987654321", status: "ok" });
    live.server.onSts({ kind: "error", status: 403, code: "AccessDenied", message: "not allowed" });
    const labelled = JSON.parse((await check("json", ["--account-id", "111122223333"])).stdout) as Report;
    expect(labelled.targets[0]).toEqual({ region: "us-east-1", accountId: "111122223333", status: "ok" });
  });
});
