import { describe, expect, it } from "vitest";
import { MINIMAL_IAM_POLICY, renderIamPolicy } from "../../src/aws/iam-policy.js";

describe("the minimal IAM policy", () => {
  it("allows ses:GetAccount and nothing else", () => {
    const actions = MINIMAL_IAM_POLICY.Statement.flatMap((s) => s.Action);
    expect(actions).toEqual(["ses:GetAccount"]);
    expect(MINIMAL_IAM_POLICY.Statement.every((s) => s.Effect === "Allow" && s.Resource === "*")).toBe(true);
  });

  it("renders as valid JSON, indented or on one line", () => {
    expect(JSON.parse(renderIamPolicy())).toEqual(MINIMAL_IAM_POLICY);
    expect(renderIamPolicy()).toContain('\n  "Version": "2012-10-17"');
    expect(renderIamPolicy("compact")).not.toContain("\n");
    expect(JSON.parse(renderIamPolicy("compact"))).toEqual(MINIMAL_IAM_POLICY);
  });
});
