/**
 * The optional IAM statement for the reputation facts: the one action CloudWatch is called with,
 * kept out of the minimal policy, and documented word for word where users copy it from.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPUTATION_IAM_ACTION } from "../../src/aws/cloudwatch.js";
import { MINIMAL_IAM_POLICY, REPUTATION_IAM_STATEMENT } from "../../src/aws/iam-policy.js";
import { repoRoot } from "../helpers/cli.js";

/** Every JSON code block of a Markdown file that parses, as values. */
function jsonBlocks(file: string): unknown[] {
  const text = readFileSync(join(repoRoot, file), "utf8");
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].flatMap((match) => {
    try {
      return [JSON.parse(match[1] ?? "")];
    } catch {
      return [];
    }
  });
}

describe("the reputation IAM statement", () => {
  it("allows cloudwatch:GetMetricData on * and is not part of the minimal policy", () => {
    expect(REPUTATION_IAM_STATEMENT).toMatchObject({
      Effect: "Allow",
      Action: ["cloudwatch:GetMetricData"],
      Resource: "*",
    });
    expect(REPUTATION_IAM_ACTION).toBe("cloudwatch:GetMetricData");
    expect(MINIMAL_IAM_POLICY.Statement.flatMap((s) => s.Action)).toEqual(["ses:GetAccount"]);
  });

  it.each(["README.md", "SECURITY.md"])("is documented in %s as an optional statement", (file) => {
    expect(jsonBlocks(file)).toContainEqual(REPUTATION_IAM_STATEMENT);
  });
});
