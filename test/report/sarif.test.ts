import { describe, expect, it } from "vitest";
import { buildSarif, createSarifFormatter, formatSarif, targetFingerprint } from "../../src/report/sarif.js";
import type { Report, Rule } from "../../src/types.js";
import { expectGolden } from "../helpers/golden.js";
import {
  contextOf,
  fixtureReport,
  passingReport,
  recommendedRules,
  reportOf,
  resultOf,
} from "./sample-reports.js";
import { runMultitool, sarifSchemaValidator } from "./sarif-validators.js";

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn?: number };
    };
  }>;
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
  suppressions?: Array<{ kind: string; status: string; justification: string }>;
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string; enabled?: boolean };
  properties: Record<string, unknown>;
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    results: SarifResult[];
    invocations: Array<{ toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
    automationDetails?: { id: string };
  }>;
}

function parse(report: Report, context = fixtureReport().context): SarifLog {
  return JSON.parse(formatSarif(report, context)) as SarifLog;
}

const validate = sarifSchemaValidator();

describe("sarif format", () => {
  it("matches the golden file for the fixture run", () => {
    const { report, context } = fixtureReport();
    expectGolden("sarif/fixtures.sarif.json", formatSarif(report, context));
  });

  it("is valid against the OASIS SARIF 2.1.0 schema, for a failing and for a clean run", () => {
    for (const { report, context } of [fixtureReport(), passingReport()]) {
      expect(validate(JSON.parse(formatSarif(report, context)))).toEqual([]);
    }
  });

  it("the schema check is real: it rejects a result without a message", () => {
    const { report, context } = fixtureReport();
    const log = JSON.parse(formatSarif(report, context)) as SarifLog;
    (log.runs[0]?.results[0] as unknown as Record<string, unknown>).message = {};
    expect(validate(log).length).toBeGreaterThan(0);
  });

  it("describes the tool and every rule, with levels and security severity from the rule severity", () => {
    const { report, context } = fixtureReport();
    const log = parse(report, context);
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    const driver = log.runs[0]?.tool.driver;
    expect(driver?.name).toBe("ses-guard");
    expect(driver?.version).toBe("0.1.0");
    expect(driver?.informationUri).toMatch(/^https:\/\//);
    expect(driver?.rules.map((r) => r.id)).toEqual(context.rules.map((r) => r.id));
    const suppression = driver?.rules[3];
    expect(suppression).toMatchObject({
      shortDescription: { text: "Bounces and complaints are suppressed account-wide" },
      fullDescription: {
        text: "Bounces and complaints are suppressed account-wide. Passes when SuppressionAttributes.SuppressedReasons contains all of [BOUNCE, COMPLAINT].",
      },
      helpUri: "https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html",
      defaultConfiguration: { level: "error" },
      properties: { "security-severity": "8.0", tags: ["security", "aws", "ses", "pack:recommended"] },
    });
    expect(suppression?.help.text).toBe(
      "Remediation: aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT\n" +
        "Documentation: https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html",
    );
    expect(suppression?.help.markdown).toContain(
      "```\naws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT\n```",
    );
    const levels = Object.fromEntries(driver?.rules.map((r) => [r.id, r.defaultConfiguration.level]) ?? []);
    expect(levels["quota-headroom"]).toBe("warning");
    const notice: Rule = { ...(context.rules[0] as Rule), id: "notice-rule", severity: "notice" };
    const noticeLog = parse(report, { ...context, rules: [notice] });
    expect(noticeLog.runs[0]?.tool.driver.rules[0]).toMatchObject({
      defaultConfiguration: { level: "note" },
      properties: { "security-severity": "2.0" },
    });
  });

  it("reports failures and errors, waived rules as accepted suppressions, and leaves out passes and skips", () => {
    const { report, context } = fixtureReport();
    const results = parse(report, context).runs[0]?.results ?? [];
    const statuses = results.map((r) => r.properties.status);
    expect(statuses.filter((s) => s === "error")).toHaveLength(6);
    expect(statuses.filter((s) => s === "fail")).toHaveLength(9);
    expect(statuses.filter((s) => s === "waived")).toHaveLength(1);
    expect(statuses).toHaveLength(16);
    const waived = results.find((r) => r.properties.status === "waived");
    expect(waived?.suppressions).toEqual([
      {
        kind: "external",
        status: "accepted",
        justification: "VDM rollout for EU is scheduled for Q1 (waived until 2027-03-31)",
        location: {
          physicalLocation: { artifactLocation: { uri: ".ses-guard.yaml" }, region: { startLine: 4 } },
        },
      },
    ]);
  });

  it("puts each result at the policy line, names region and account in message and properties", () => {
    const { report, context } = fixtureReport();
    const results = parse(report, context).runs[0]?.results ?? [];
    const failure = results.find(
      (r) => r.ruleId === "enforcement-healthy" && r.properties.region === "eu-west-1",
    );
    expect(failure).toMatchObject({
      level: "error",
      ruleIndex: 2,
      message: {
        text: "EnforcementStatus is PROBATION; must equal HEALTHY (region eu-west-1, account 222222222222).",
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: ".ses-guard.yaml" },
            region: { startLine: 2, startColumn: 11 },
          },
        },
      ],
      properties: {
        status: "fail",
        region: "eu-west-1",
        accountId: "222222222222",
        path: "EnforcementStatus",
      },
    });
    const warning = results.find((r) => r.ruleId === "quota-headroom" && r.properties.status === "fail");
    expect(warning?.level).toBe("warning");
  });

  it("gives a rule's results on different targets different fingerprints, stable across runs and line moves", () => {
    const { report, context } = fixtureReport();
    const results = parse(report, context).runs[0]?.results ?? [];
    const keys = results.map((r) => r.partialFingerprints.primaryLocationLineHash);
    expect(new Set(keys).size).toBe(keys.length);

    const moved = structuredClone(report);
    for (const r of moved.results) if (r.policy.via) r.policy.via.line += 10;
    const again = parse(moved, context).runs[0]?.results ?? [];
    expect(again.map((r) => r.partialFingerprints)).toEqual(results.map((r) => r.partialFingerprints));
    expect(again[0]?.locations[0]?.physicalLocation.region.startLine).toBe(12);

    // Pinned: a changed fingerprint makes code scanning close every alert and open a new one.
    expect(targetFingerprint("vdm-enabled", "1", "eu-west-1")).toBe("f6ba93dbded23446f3c029d7b83ca2c9");
    expect(targetFingerprint("vdm-enabled", "1", "eu-west-1")).not.toBe(
      targetFingerprint("vdm-enabled", "1", "eu-west-2"),
    );
    expect(targetFingerprint("vdm-enabled", null, "eu-west-1")).not.toBe(
      targetFingerprint("vdm-enabled", "1", "eu-west-1"),
    );
  });

  it("reports unreadable and skipped targets as tool notifications", () => {
    const { report, context } = fixtureReport();
    const notifications = parse(report, context).runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(notifications.map((n) => n.level)).toEqual(["error", "note"]);
    expect(notifications[0]?.message.text).toBe(
      "eu-central-1 111111111111 could not be read. AccessDeniedException: User: arn:aws:sts::111111111111:assumed-role/deploy/ci is not authorized to perform: ses:GetAccount. " +
        'Hint: allow "ses:GetAccount" on "*" for the role ses-guard runs as.',
    );
  });

  it("falls back to the workflow file for a rule with no repository file, and to the pack last", () => {
    const rules = recommendedRules().map((r) => ({ ...r, via: undefined }));
    const target = { region: "us-east-1", accountId: "111111111111" };
    const report = reportOf(
      [{ ...target, status: "ok" }],
      [resultOf(rules[0] as Rule, target, "fail", "no")],
    );
    const withWorkflow = buildSarif(
      report,
      contextOf(rules, { fallbackFile: ".github/workflows/ses guard.yml" }),
    );
    expect(withWorkflow.runs[0]?.results).toMatchObject([
      {
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: ".github/workflows/ses%20guard.yml" },
              region: { startLine: 1 },
            },
          },
        ],
      },
    ]);
    // Without a workflow, the pack's own file, named relative to the packs ses-guard ships, not
    // as policies/recommended.yaml, which would look like a file of the repository.
    const bare = buildSarif(report, contextOf(rules));
    expect(bare.runs[0]?.results).toMatchObject([
      {
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "recommended.yaml", uriBaseId: "SESGUARD_PACKS" },
              region: { startLine: (rules[0] as Rule).source.line },
            },
          },
        ],
      },
    ]);
    expect(bare.runs[0]?.originalUriBaseIds).toEqual({
      SESGUARD_PACKS: {
        uri: `https://unpkg.com/ses-guard@${report.tool.version}/policies/`,
        description: { text: "The built-in policy packs that ship with ses-guard." },
      },
    });
    expect(validate(bare)).toEqual([]);
    expect(withWorkflow.runs[0]?.originalUriBaseIds).toBeUndefined();
  });

  it("a pack location passes the SARIF Multitool's GitHub and SARIF rules", async () => {
    const rules = recommendedRules().map((r) => ({ ...r, via: undefined }));
    const target = { region: "us-east-1", accountId: "111111111111" };
    const report = reportOf(
      [{ ...target, status: "ok" }],
      [resultOf(rules[0] as Rule, target, "fail", "no")],
    );
    const findings = await runMultitool(formatSarif(report, contextOf(rules)));
    expect(findings.filter((f) => f.level === "error" || f.level === "warning")).toEqual([]);
  });

  it("describes rules it only knows from results, and sets the automation id when asked", () => {
    const { report } = fixtureReport();
    const log = JSON.parse(
      createSarifFormatter({ automationId: "ses-guard/production/" })(report, contextOf([])),
    ) as SarifLog;
    const run = log.runs[0];
    expect(run?.automationDetails).toEqual({ id: "ses-guard/production/" });
    expect(run?.tool.driver.rules.map((r) => r.id).sort()).toEqual(
      recommendedRules()
        .map((r) => r.id)
        .sort(),
    );
    for (const result of run?.results ?? [])
      expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(validate(log)).toEqual([]);
  });
});
