/** Several --profile values: each profile is one account, read with its own credentials. */
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/run.js";
import { accessKeyFor } from "../helpers/fake-sts.js";
import { useFleetServer } from "../helpers/use-fleet-server.js";

const profile = (name: string, account: string) =>
  `[${name}]\naws_access_key_id = ${accessKeyFor(account)}\naws_secret_access_key = secret${account}\n`;

const fleet = useFleetServer({
  credentials: `${profile("prod", "111111111111")}${profile("staging", "222222222222")}[audit]\naws_access_key_id = AKIAAUDITPROFILE0001\naws_secret_access_key = auditSecret\n`,
});

describe("--profile A,B", () => {
  it("reads each profile's account with that profile's credentials", async () => {
    fleet.server.accountData.set("222222222222", { SendingEnabled: false });
    const outcome = await runCheck(
      fleet.options({ source: { kind: "profiles", profiles: ["prod", "staging"] } }),
      fleet.host(),
    );
    expect(outcome.report.targets.map((t) => `${t.accountId} ${t.region} ${t.status}`)).toEqual([
      "111111111111 us-east-1 ok",
      "111111111111 eu-west-1 ok",
      "222222222222 us-east-1 ok",
      "222222222222 eu-west-1 ok",
    ]);
    const failing = outcome.report.results.filter(
      (r) => r.status === "fail" && r.ruleId === "sending-enabled",
    );
    expect(failing.map((r) => r.accountId)).toEqual(["222222222222", "222222222222"]);
    expect(fleet.server.sts.assumeRoleCalls).toHaveLength(0);
    expect(new Set(fleet.server.sesCalls.map((c) => c.accessKeyId))).toEqual(
      new Set([accessKeyFor("111111111111"), accessKeyFor("222222222222")]),
    );
    expect(outcome.exitCode).toBe(1);
  });

  it("with a role-based source, a single --profile names the credentials that assume the roles", async () => {
    const outcome = await runCheck(
      fleet.options(
        { source: { kind: "accounts", ids: ["333333333333"] }, role: "ses-audit" },
        { profile: "audit", regions: ["us-east-1"] },
      ),
      fleet.host(),
    );
    expect(outcome.report.targets.map((t) => `${t.accountId} ${t.status}`)).toEqual(["333333333333 ok"]);
    expect(fleet.server.sts.assumeRoleKeys).toEqual(["AKIAAUDITPROFILE0001"]);
    expect(fleet.server.sesCalls.map((c) => c.accessKeyId)).toEqual([accessKeyFor("333333333333")]);
  });
});
