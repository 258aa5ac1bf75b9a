import { describe, expect, it } from "vitest";
import { formatJunit } from "../../src/report/junit.js";
import { expectGolden } from "../helpers/golden.js";
import { junitSchemaErrors, parseJunit, wellFormed } from "./junit-validators.js";
import { fixtureReport, passingReport } from "./sample-reports.js";

describe("junit format", () => {
  it("matches the golden file for the fixture run", () => {
    const { report, context } = fixtureReport();
    expectGolden("junit/fixtures.xml", formatJunit(report, context));
  });

  it("is well-formed and valid against the JUnit XSD, for a failing and a clean run", async () => {
    for (const { report, context } of [fixtureReport(), passingReport()]) {
      const xml = formatJunit(report, context);
      expect(wellFormed(xml)).toBe(true);
      expect(await junitSchemaErrors(xml)).toEqual([]);
    }
  });

  it("the XSD check is real: it rejects a test suite without its counts", async () => {
    const { report, context } = passingReport();
    const broken = formatJunit(report, context).replace(/ failures="0" errors="0" skipped="0"/, "");
    expect((await junitSchemaErrors(broken)).join("\n")).toMatch(/failures/);
  });

  it("has a suite per target and a case per rule, with counts that add up", () => {
    const { report, context } = fixtureReport();
    const doc = parseJunit(formatJunit(report, context));
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s["@name"])).toEqual([
      "ses-guard us-east-1 111111111111",
      "ses-guard eu-west-1 222222222222",
      "ses-guard us-west-2 333333333333",
      "ses-guard ap-south-1 444444444444",
      "ses-guard ap-northeast-1 555555555555",
      "ses-guard eu-central-1 111111111111",
      "ses-guard me-south-1 111111111111",
    ]);
    for (const suite of suites) {
      const cases = suite.testcase;
      expect(Number(suite["@tests"])).toBe(cases.length);
      expect(Number(suite["@failures"])).toBe(cases.filter((c) => c.failure).length);
      expect(Number(suite["@errors"])).toBe(cases.filter((c) => c.error).length);
      expect(Number(suite["@skipped"])).toBe(cases.filter((c) => c.skipped).length);
    }
    expect(doc.testsuites["@tests"]).toBe(String(report.results.length));
    expect(doc.testsuites["@failures"]).toBe(String(report.summary.fail));
    expect(doc.testsuites["@errors"]).toBe(String(report.summary.error));
  });

  it("writes a failure with message, severity, remediation, docs and policy place", () => {
    const { report, context } = fixtureReport();
    const suite = parseJunit(formatJunit(report, context)).testsuites.testsuite[1];
    const testcase = suite?.testcase.find((c) => c["@name"].startsWith("suppression-bounce-complaint"));
    expect(testcase?.["@classname"]).toBe("ses-guard.eu-west-1");
    expect(testcase?.["@name"]).toBe(
      "suppression-bounce-complaint — Bounces and complaints are suppressed account-wide",
    );
    expect(testcase?.failure?.["@type"]).toBe("error");
    expect(testcase?.failure?.["@message"]).toBe(
      "SuppressionAttributes.SuppressedReasons is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)",
    );
    expect(testcase?.failure?.["#text"]).toBe(
      [
        "SuppressionAttributes.SuppressedReasons is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)",
        "",
        "Remediation: aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT",
        "Documentation: https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html",
        "Policy: recommended (built-in) line 36 (brought in by extends at .ses-guard.yaml:2)",
      ].join("\n"),
    );
  });

  it("writes waived and skipped rules as skipped with the reason, unreadable targets as errors", () => {
    const { report, context } = fixtureReport();
    const suites = parseJunit(formatJunit(report, context)).testsuites.testsuite;
    const waived = suites[1]?.testcase.find((c) => c["@name"].startsWith("vdm-enabled"));
    expect(waived?.skipped?.["@message"]).toBe(
      "waived until 2027-03-31: VDM rollout for EU is scheduled for Q1",
    );
    const expired = suites[3]?.testcase.find((c) => c["@name"].startsWith("vdm-enabled"));
    expect(expired?.failure?.["#text"]).toContain(
      "Waiver expired on 2025-12-31: Shutdown account kept for audit",
    );
    const unreadable = suites[5];
    expect(unreadable?.testcase.every((c) => c.error?.["@type"] === "error")).toBe(true);
    expect(unreadable?.["system-err"]).toBe(
      "AccessDeniedException: User: arn:aws:sts::111111111111:assumed-role/deploy/ci is not authorized to perform: ses:GetAccount\n" +
        'Hint: allow "ses:GetAccount" on "*" for the role ses-guard runs as',
    );
    expect(suites[6]?.testcase.every((c) => c.skipped !== undefined)).toBe(true);
    expect(suites[6]?.["system-out"]).toBe("me-south-1 is an opt-in region not enabled for this account");
  });
});
