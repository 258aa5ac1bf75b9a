/**
 * Opt-in Regions: AWS answers a call into a Region the account has not enabled as if the token
 * were invalid. ses-guard skips such a Region when --all-regions found it, reports it as an error
 * when the user named it, and never mistakes a really invalid token for a disabled Region.
 */
import { describe, expect, it } from "vitest";
import { readAwsTargets } from "../../src/aws/get-account.js";
import { isOptInRegion, SES_REGIONS } from "../../src/targets/regions.js";
import type { TargetData } from "../../src/types.js";
import type { Behaviour } from "../helpers/fault-server.js";
import { useFaultServerEnv } from "../helpers/use-fault-server.js";

const TOKEN_INVALID: Behaviour = {
  kind: "error",
  status: 403,
  type: "UnrecognizedClientException",
  message: "The security token included in the request is invalid.",
};

const live = useFaultServerEnv();

/** Scripts every opt-in SES Region to reject the token, as AWS does when they are not enabled. */
function disableOptInRegions(): void {
  for (const region of SES_REGIONS) if (region.optIn) live.server.on(region.name, TOKEN_INVALID);
}

function read(regions: string[] | "all"): Promise<TargetData[]> {
  return readAwsTargets({ regions, timeoutSeconds: 5, env: live.testEnv.env });
}

describe("opt-in Regions", () => {
  it("skips disabled opt-in Regions found by --all-regions, with a notice", async () => {
    disableOptInRegions();
    const targets = await read("all");
    expect(targets.map((t) => t.region)).toEqual(SES_REGIONS.map((r) => r.name));
    const optIn = targets.filter((t) => isOptInRegion(t.region));
    expect(optIn.length).toBeGreaterThan(0);
    for (const target of optIn) {
      expect(target).toEqual({
        region: target.region,
        accountId: "123456789012",
        status: "skipped",
        notice: `${target.region} is an opt-in Region that is not enabled for this account; skipped`,
      });
    }
    for (const target of targets.filter((t) => !isOptInRegion(t.region))) expect(target.status).toBe("ok");
  });

  it("reads an opt-in Region that is enabled like any other", async () => {
    const targets = await read(["me-south-1"]);
    expect(targets.map((t) => [t.region, t.status])).toEqual([["me-south-1", "ok"]]);
  });

  it("reports a disabled opt-in Region the user named as an error", async () => {
    disableOptInRegions();
    const targets = await read(["us-east-1", "me-south-1"]);
    expect(targets[0]?.status).toBe("ok");
    expect(targets[1]).toMatchObject({
      region: "me-south-1",
      status: "error",
      error: {
        code: "aws/opt-in-region-disabled",
        message:
          "me-south-1 is an opt-in Region that is not enabled for this account (AWS did not accept the credentials in " +
          "me-south-1 (UnrecognizedClientException: The security token included in the request is invalid.))",
      },
    });
    expect(targets[1]?.error?.hint).toContain("Enable me-south-1");
  });

  it("asks STS in a Region that is surely enabled when only opt-in Regions are named", async () => {
    disableOptInRegions();
    const targets = await read(["af-south-1"]);
    expect(targets[0]?.error?.code).toBe("aws/opt-in-region-disabled");
    const sts = live.server.requests.filter((r) => r.operation === "GetCallerIdentity");
    expect(sts.map((r) => r.region)).toEqual(["us-east-1"]);
  });

  it("does not hide an invalid token behind --all-regions: nothing is skipped when STS rejects it too", async () => {
    live.server.on("*", TOKEN_INVALID);
    live.server.onSts({
      kind: "error",
      status: 403,
      code: "InvalidClientTokenId",
      message: "The security token included in the request is invalid.",
    });
    const targets = await read("all");
    expect(targets.every((t) => t.status === "error" && t.error?.code === "aws/invalid-token")).toBe(true);
    expect(targets.some((t) => t.status === "skipped")).toBe(false);
  });

  it("does not hide an invalid token when other Regions reject it although STS cannot tell", async () => {
    live.server.on("*", TOKEN_INVALID);
    live.server.onSts({ kind: "error", status: 500, code: "InternalFailure", message: "down" });
    const targets = await read(["us-east-1", "me-south-1"]);
    expect(targets.map((t) => [t.status, t.error?.code])).toEqual([
      ["error", "aws/invalid-token"],
      ["error", "aws/invalid-token"],
    ]);
    expect(targets[1]?.error?.hint).toMatch(/^me-south-1 is an opt-in Region: /);
  });

  it("keeps the error when nothing shows the credentials work", async () => {
    live.server.on("me-south-1", TOKEN_INVALID);
    live.server.onSts({ kind: "error", status: 500, code: "InternalFailure", message: "down" });
    const [target] = await read(["me-south-1"]);
    expect(target?.status).toBe("error");
    expect(target?.error?.code).toBe("aws/invalid-token");
  });

  it("treats other faults in an opt-in Region as errors, never as skipped", async () => {
    live.server.on("af-south-1", {
      kind: "error",
      status: 403,
      type: "AccessDeniedException",
      message: "denied",
    });
    const targets = await read("all");
    const capeTown = targets.find((t) => t.region === "af-south-1");
    expect(capeTown?.status).toBe("error");
    expect(capeTown?.error?.code).toBe("aws/access-denied");
  });
});
