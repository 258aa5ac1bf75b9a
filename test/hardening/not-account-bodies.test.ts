/**
 * A 200 answer from SES whose JSON is not an object (`null`, a list, a string, a number, a
 * boolean) is named for what it is, over real HTTP with the real SDK, instead of surfacing as the
 * parser's "TypeError: Cannot read properties of null". An object that is not account data is
 * still told apart by the account shape check.
 */
import { describe, expect, it } from "vitest";
import { jsonOtherThanObject } from "../../src/aws/bounded-body.js";
import { readAwsTargets } from "../../src/aws/get-account.js";
import type { TargetData } from "../../src/types.js";
import { useFaultServerEnv } from "../helpers/use-fault-server.js";

const live = useFaultServerEnv();

async function answer(body: string): Promise<TargetData> {
  live.server.on("*", { kind: "raw", status: 200, headers: { "content-type": "application/json" }, body });
  const [target] = await readAwsTargets({ regions: ["eu-west-1"], timeoutSeconds: 5, env: live.testEnv.env });
  return target as TargetData;
}

describe("a 200 body that is JSON but not an object", () => {
  it.each([
    ["null", "null"],
    [" null\n", "null"],
    ["[]", "a list"],
    ['[{"SendingEnabled":true}]', "a list"],
    ['"account"', "a string"],
    ["42", "a number"],
    ["true", "the value true"],
  ])("%j is named as %s", async (body, what) => {
    const target = await answer(body);
    expect(target.status).toBe("error");
    expect(target.error?.code).toBe("aws/malformed-response");
    expect(target.error?.message).toBe(
      `SES answered GetAccount in eu-west-1 with ${what} (HTTP 200), not with account data (a JSON object)`,
    );
    expect(JSON.stringify(target.error)).not.toMatch(/TypeError|Cannot read/);
  });

  it("an object without account members is still refused by the shape check", async () => {
    const target = await answer('{"hello":"proxy"}');
    expect(target.error?.message).toContain("none of the GetAccount members");
  });

  it("tells the kinds apart from the first bytes, and leaves objects and non-JSON alone", () => {
    expect(jsonOtherThanObject('  {"a":1}')).toBeUndefined();
    expect(jsonOtherThanObject("")).toBeUndefined();
    expect(jsonOtherThanObject("<xml/>")).toBeUndefined();
    expect(jsonOtherThanObject("-1.5")).toBe("a number");
    expect(jsonOtherThanObject("false")).toBe("the value false");
  });
});
