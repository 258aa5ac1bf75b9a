import { describe, expect, it } from "vitest";
import { accountShapeProblem } from "../../src/account/account-shape.js";

describe("accountShapeProblem", () => {
  it.each([
    [{ SendingEnabled: true }, undefined],
    [{ SendQuota: { Max24HourSend: 200 }, EnforcementStatus: "HEALTHY", NewMember: { x: 1 } }, undefined],
    [{ SendingEnabled: true, VdmAttributes: { VdmEnabled: "ENABLED" } }, undefined],
    [null, "the response is not a JSON object"],
    [[1, 2], "the response is not a JSON object"],
    ["text", "the response is not a JSON object"],
    [
      {},
      "the response has none of the GetAccount members (SendQuota, SendingEnabled, EnforcementStatus, ...)",
    ],
    [
      { Message: "login" },
      "the response has none of the GetAccount members (SendQuota, SendingEnabled, EnforcementStatus, ...)",
    ],
    [{ SendQuota: [1] }, "SendQuota is an array, expected an object"],
    [{ SendQuota: null }, "SendQuota is a null, expected an object"],
    [{ EnforcementStatus: 3 }, "EnforcementStatus is a number, expected a string"],
    [{ ProductionAccessEnabled: "true" }, "ProductionAccessEnabled is a string, expected a boolean"],
  ])("judges %j", (account, problem) => {
    expect(accountShapeProblem(account)).toBe(problem);
  });
});
