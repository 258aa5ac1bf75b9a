/** The JSON report keeps the shape README.md's "The JSON report" documents (a contract: extend, never break). */
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import { formatJson } from "../../src/report/json.js";
import type { Policy, TargetData } from "../../src/types.js";
import { leaf, rule, waiver } from "../engine/fixtures.js";
import { jsonReportContract } from "./json-contract.js";

const policy: Policy = {
  rules: [
    rule(leaf("SuppressionAttributes.SuppressedReasons", "containsAll", ["BOUNCE", "COMPLAINT"]), {
      id: "suppression-bounce-complaint",
      title: "Bounces and complaints are suppressed account-wide",
    }),
    rule(leaf("VdmAttributes.VdmEnabled", "equals", "ENABLED"), { id: "vdm-enabled", severity: "warning" }),
  ],
  waivers: [waiver({ rule: "vdm-enabled" })],
  files: ["policy.yaml"],
};
const targets: TargetData[] = [
  {
    region: "us-east-1",
    accountId: "123456789012",
    status: "ok",
    account: { SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] } },
  },
  {
    region: "eu-west-1",
    accountId: "123456789012",
    status: "error",
    error: { code: "aws/throttled", message: "TooManyRequestsException after 3 attempts" },
  },
];

const report = evaluatePolicy(policy, targets, {
  today: "2026-05-01",
  failOn: "error",
  toolVersion: "0.1.0",
});
const text = formatJson(report, { color: true, today: "2026-05-01", rules: policy.rules });
const parsed = JSON.parse(text) as Record<string, unknown>;

describe("json report", () => {
  it("matches the documented contract of the JSON report", () => {
    const validate = new Ajv({ allErrors: true }).compile(jsonReportContract);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  });

  it("has the contract's top-level keys first, in order, and ends with a newline", () => {
    expect(Object.keys(parsed)).toEqual(["version", "tool", "summary", "failOn", "targets", "results"]);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).not.toContain("\u001b["); // colour never reaches JSON
  });

  it("holds the summary, the targets and a result per rule per target", () => {
    expect(parsed.tool).toEqual({ name: "ses-guard", version: "0.1.0" });
    expect(parsed.summary).toEqual({ pass: 0, fail: 1, error: 2, waived: 1, skipped: 0, exitCode: 3 });
    expect(parsed.targets).toEqual([
      { region: "us-east-1", accountId: "123456789012", status: "ok" },
      {
        region: "eu-west-1",
        accountId: "123456789012",
        status: "error",
        error: { code: "aws/throttled", message: "TooManyRequestsException after 3 attempts" },
      },
    ]);
    const results = parsed.results as Record<string, unknown>[];
    expect(results.map((r) => [r.region, r.ruleId, r.status])).toEqual([
      ["us-east-1", "suppression-bounce-complaint", "fail"],
      ["us-east-1", "vdm-enabled", "waived"],
      ["eu-west-1", "suppression-bounce-complaint", "error"],
      ["eu-west-1", "vdm-enabled", "error"],
    ]);
  });

  it("a failing result carries the DESIGN fields with their values", () => {
    const [first] = parsed.results as Record<string, unknown>[];
    expect(first).toEqual({
      ruleId: "suppression-bounce-complaint",
      title: "Bounces and complaints are suppressed account-wide",
      severity: "error",
      status: "fail",
      region: "us-east-1",
      accountId: "123456789012",
      message:
        "SuppressionAttributes.SuppressedReasons is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)",
      path: "SuppressionAttributes.SuppressedReasons",
      actual: ["BOUNCE"],
      expected: ["BOUNCE", "COMPLAINT"],
      policy: { file: "policy.yaml", line: 3, column: 5 },
      remediation: "aws sesv2 put-something",
      docs: "https://docs.example.com/rule",
    });
  });

  it("an absent value is left out of `actual` rather than written as null, and a waiver is described", () => {
    const waived = (parsed.results as Record<string, unknown>[])[1];
    expect(waived).not.toHaveProperty("actual");
    expect(waived).toMatchObject({
      path: "VdmAttributes.VdmEnabled",
      expected: "ENABLED",
      message:
        "VdmAttributes.VdmEnabled is not set; must equal ENABLED (waived until 2030-06-30: accepted until the migration)",
      waiver: {
        reason: "accepted until the migration",
        expires: "2030-06-30",
        expired: false,
        file: "policy.yaml",
        line: 20,
      },
    });
  });
});
