import { describe, expect, it } from "vitest";
import { createMarkdownFormatter, formatMarkdown, SUMMARY_LIMIT_BYTES } from "../../src/report/markdown.js";
import type { Result, Rule, TargetSummary } from "../../src/types.js";
import { expectGolden } from "../helpers/golden.js";
import {
  contextOf,
  fixtureReport,
  passingReport,
  recommendedRules,
  reportOf,
  resultOf,
} from "./sample-reports.js";

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** `count` targets; every `failEvery`-th fails two error rules and carries a waiver. */
function manyTargets(count: number, failEvery: number) {
  const rules = recommendedRules();
  const [sending, production, , , , vdm] = rules as [Rule, Rule, Rule, Rule, Rule, Rule];
  const targets: TargetSummary[] = [];
  const results: Result[] = [];
  for (let i = 0; i < count; i++) {
    const target = { region: `region-${i}`, accountId: String(100000000000 + i) };
    targets.push({ ...target, status: "ok" });
    const failing = i % failEvery === 0;
    for (const rule of rules) {
      if (failing && (rule === sending || rule === production)) {
        results.push(resultOf(rule, target, "fail", `${rule.id} is off; must be on`));
      } else if (failing && rule === vdm) {
        results.push(
          resultOf(rule, target, "waived", "VDM off (waived)", {
            waiver: {
              reason: "rollout pending",
              expires: "2026-06-30",
              expired: false,
              file: ".ses-guard.yaml",
              line: 6,
            },
          }),
        );
      } else {
        results.push(resultOf(rule, target, "pass", `${rule.id} holds`));
      }
    }
  }
  return { report: reportOf(targets, results), context: contextOf(rules) };
}

describe("markdown format", () => {
  it("matches the golden file for the fixture run", () => {
    const { report, context } = fixtureReport();
    expectGolden("markdown/fixtures.md", formatMarkdown(report, context));
  });

  it("matches the golden file for a clean run", () => {
    const { report, context } = passingReport();
    expectGolden("markdown/passing.md", formatMarkdown(report, context));
  });

  it("opens with the verdict and the counts", () => {
    const { report, context } = fixtureReport();
    const lines = formatMarkdown(report, context).split("\n");
    expect(lines[0]).toBe("## ⛔ ses-guard failed: 1 target could not be read");
    expect(lines[2]).toBe(
      "**6 failed rules at or above error.** 9 failed · 6 errors · 20 passed · 1 waived · 6 skipped on 7 targets (fail-on error, exit code 3).",
    );
    const clean = passingReport();
    expect(formatMarkdown(clean.report, clean.context).split("\n").slice(0, 3)).toEqual([
      "## ✅ ses-guard passed",
      "",
      "No failed rule at or above error. 0 failed · 0 errors · 6 passed · 0 waived · 0 skipped on 1 target (fail-on error, exit code 0).",
    ]);
  });

  it("says a run with only warnings failing passes under fail-on error but fails under fail-on warning", () => {
    const rules = recommendedRules();
    const target = { region: "eu-west-1", accountId: "222222222222" };
    const results = [resultOf(rules[4] as Rule, target, "fail", "88% used")];
    const lenient = reportOf([{ ...target, status: "ok" }], results, "error");
    expect(formatMarkdown(lenient, contextOf(rules))).toMatch(
      /^## ✅ ses-guard passed \(fail-on error\): 1 warning below the threshold\n\nNo failed rule at or above error\./,
    );
    expect(formatMarkdown(lenient, contextOf(rules))).toContain("### ⚠️ eu-west-1 222222222222");
    const strict = reportOf([{ ...target, status: "ok" }], results, "warning");
    expect(formatMarkdown(strict, contextOf(rules))).toMatch(
      /^## ❌ ses-guard failed\n\n\*\*1 failed rule at or above warning\.\*\*/,
    );
  });

  it("lists targets with problems first, and a failing target's failures before its passes", () => {
    const { report, context } = fixtureReport();
    const out = formatMarkdown(report, context);
    const headings = out.split("\n").filter((l) => l.startsWith("### "));
    expect(headings).toEqual([
      "### ⛔ eu-central-1 111111111111 could not be read",
      "### ❌ eu-west-1 222222222222",
      "### ❌ us-west-2 333333333333",
      "### ❌ ap-south-1 444444444444",
      "### ✅ us-east-1 111111111111",
      "### ✅ ap-northeast-1 555555555555",
      "### ⏭️ me-south-1 111111111111",
      "### How to fix",
      "### Waivers",
    ]);
    const table = out.slice(out.indexOf("### ❌ eu-west-1"), out.indexOf("### ❌ us-west-2"));
    const statuses = table
      .split("\n")
      .filter((l) => l.startsWith("| ") && !l.startsWith("| Status") && !l.startsWith("| ---"))
      .map((l) => l.split(" | ")[0]);
    expect(statuses).toEqual([
      "| ❌ fail",
      "| ❌ fail",
      "| ❌ fail",
      "| 🔕 waived",
      "| ✅ pass",
      "| ✅ pass",
    ]);
  });

  it("gives remediation per failed rule with the targets it failed on, and the waivers with expiry", () => {
    const { report, context } = fixtureReport();
    const out = formatMarkdown(report, context);
    expect(out).toContain(
      [
        "#### suppression-bounce-complaint: Bounces and complaints are suppressed account-wide",
        "",
        "Severity error; failed on eu-west-1 222222222222, us-west-2 333333333333.",
        "",
        "<pre><code>aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT</code></pre>",
        "",
        "[Documentation](https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html)",
      ].join("\n"),
    );
    expect(out).toContain(
      "| **vdm-enabled** | eu-west-1 222222222222 | VDM rollout for EU is scheduled for Q1 | 2027-03-31 (in 440 days) |",
    );
    expect(out).toContain(
      "| **vdm-enabled** | ap-south-1 444444444444 | Shutdown account kept for audit | ⚠️ **expired** 2025-12-31: the rule is enforced again |",
    );
  });

  it("explains an unreadable target with its cause, hint and the rules not evaluated", () => {
    const { report, context } = fixtureReport();
    const out = formatMarkdown(report, context);
    expect(out).toContain(
      [
        "### ⛔ eu-central-1 111111111111 could not be read",
        "",
        "**AccessDeniedException**: User: arn:aws:sts::111111111111:assumed-role/deploy/ci is not authorized to perform: ses:GetAccount",
        "",
        "Hint: allow &#34;ses:GetAccount&#34; on &#34;&#42;&#34; for the role ses-guard runs as",
        "",
        "6 rules were not evaluated: sending-enabled, production-access, enforcement-healthy, suppression-bounce-complaint, quota-headroom, vdm-enabled.",
      ].join("\n"),
    );
  });
});

describe("the 1 MiB job summary cap", () => {
  it("keeps a large run under GitHub's limit, failing targets first, and says what was left out", () => {
    const { report, context } = manyTargets(12_000, 50);
    const out = formatMarkdown(report, context);
    expect(bytes(out)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(bytes(out)).toBeGreaterThan(SUMMARY_LIMIT_BYTES * 0.9);
    // All 240 failing targets and the fix section survive; healthy targets are cut.
    expect(out.match(/^### ❌ /gm)).toHaveLength(240);
    expect(out).toContain("### How to fix");
    expect(out).toContain("### Waivers");
    const shownTargets = (out.match(/^### [❌✅] /gm) ?? []).length;
    expect(shownTargets).toBeLessThan(12_000);
    expect(out).toContain(
      `**This summary was cut to stay under GitHub's 1 MiB job summary limit:** ${12_000 - shownTargets} of 12000 target sections are not shown. ` +
        "Every result is in the complete report (ses-guard check --format json, or the Action&#39;s report-file output).",
    );
    expect(out.endsWith("<sub>ses-guard 0.1.0</sub>\n")).toBe(true);
  });

  it("cuts whole sections at a small cap and names the report file it was given", () => {
    const { report, context } = manyTargets(40, 4);
    const format = createMarkdownFormatter({ maxBytes: 8_000, fullReport: "ses-guard-report.json" });
    const out = format(report, context);
    expect(bytes(out)).toBeLessThanOrEqual(8_000);
    // Tables are never cut in the middle: every shown table is complete.
    for (const section of out.split("\n### ").slice(1)) {
      if (!section.startsWith("❌") && !section.startsWith("✅")) continue;
      expect(section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"))).toHaveLength(7);
    }
    expect(out).toMatch(
      /target sections (and \d+ of \d+ waivers )?are not shown\. Every result is in ses-guard-report\.json\./,
    );
  });

  it("is not cut when it fits", () => {
    const { report, context } = manyTargets(30, 3);
    const out = formatMarkdown(report, context);
    expect(out).not.toContain("This summary was cut");
    expect(out.match(/^### [❌✅] /gm)).toHaveLength(30);
  });

  it("clips a single huge value instead of dropping everything else", () => {
    const rules = recommendedRules();
    const target = { region: "us-east-1", accountId: "1" };
    const report = reportOf(
      [{ ...target, status: "ok" }],
      [resultOf(rules[0] as Rule, target, "fail", `x${"y".repeat(2_000_000)}`)],
    );
    const out = formatMarkdown(report, contextOf(rules));
    expect(bytes(out)).toBeLessThan(20_000);
    expect(out).toContain(`x${"y".repeat(498)}…`);
  });
});
