import { describe, expect, it } from "vitest";
import { createMarkdownFormatter, formatMarkdown, SUMMARY_LIMIT_BYTES } from "../../src/report/markdown.js";
import type { Result, Rule, TargetSummary } from "../../src/types.js";
import { expectGolden } from "../helpers/golden.js";
import { fleetReport } from "./fleet-report.js";
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
    expect(formatMarkdown(lenient, contextOf(rules))).toContain(
      "<summary>⚠️ eu-west-1 222222222222: 1 failed rule</summary>",
    );
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
      "### Accounts",
      "### ⛔ eu-central-1 111111111111 could not be read",
      "### How to fix",
      "### Waivers",
    ]);
    // Seven targets (20 or fewer): each has a collapsible section, problems first.
    const summaries = out.split("\n").filter((l) => l.startsWith("<summary>"));
    expect(summaries).toEqual([
      "<summary>❌ eu-west-1 222222222222: 3 failed rules</summary>",
      "<summary>❌ us-west-2 333333333333: 3 failed rules</summary>",
      "<summary>❌ ap-south-1 444444444444: 3 failed rules</summary>",
      "<summary>✅ us-east-1 111111111111</summary>",
      "<summary>✅ ap-northeast-1 555555555555</summary>",
      "<summary>⏭️ me-south-1 111111111111</summary>",
    ]);
    const accounts = out.slice(out.indexOf("### Accounts"), out.indexOf("### ⛔"));
    expect(accounts.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"))).toEqual([
      "| Account | Regions | Failures | Errors |",
      "| ⛔ 111111111111 | 3 (1 not read, 1 skipped) | 0 | 6 |",
      "| ❌ 222222222222 | 1 | 3 | 0 |",
      "| ❌ 333333333333 | 1 | 3 | 0 |",
      "| ❌ 444444444444 | 1 | 3 | 0 |",
      "| ✅ 555555555555 | 1 | 0 | 0 |",
    ]);
    const table = out.slice(out.indexOf("<summary>❌ eu-west-1"), out.indexOf("<summary>❌ us-west-2"));
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
  const closing = (parts: string) =>
    `**This summary was cut to stay under GitHub's 1 MiB job summary limit:** ${parts} are not shown. ` +
    "Every result is in the complete report (ses-guard check --format json, or the Action&#39;s report-file output).";

  it("keeps 1,000 accounts × 17 Regions under GitHub's limit: verdict, every account, every fix, and says what was cut", () => {
    const { report, context } = fleetReport({ failEvery: 1 });
    const out = formatMarkdown(report, context);
    expect(bytes(out)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(bytes(out)).toBeGreaterThan(SUMMARY_LIMIT_BYTES * 0.9);
    expect(out.split("\n")[0]).toBe("## ⛔ ses-guard failed: 10 targets could not be read");
    expect(out.split("\n")[4]).toBe(
      "Policy: .ses-guard.yaml, recommended (pack) (digest `sha256:abababababab…`)",
    );
    // One row per account, all of them, before any target section.
    const accounts = out.slice(out.indexOf("### Accounts"), out.indexOf("### ⛔"));
    expect(accounts.split("\n").filter((l) => /^\| (⛔|❌|⚠️|✅) \d{12} \|/.test(l))).toHaveLength(1000);
    expect(accounts).toContain("| ⛔ 100000000000 | 17 (1 not read) | 17 | 6 |");
    expect(out).toContain("### How to fix");
    expect(out).toContain(
      "#### suppression-bounce-complaint: Bounces and complaints are suppressed account-wide",
    );
    const shown = (out.match(/^<summary>/gm) ?? []).length + (out.match(/^### ⛔ /gm) ?? []).length;
    expect(shown).toBeLessThan(17_000);
    expect(out).toContain(closing(`${17_000 - shown} of 17000 target sections`));
    expect(out.endsWith("<sub>ses-guard 0.1.0</sub>\n")).toBe(true);
  });

  it("cuts whole sections at a small cap and names the report file it was given", () => {
    const { report, context } = manyTargets(40, 4);
    const format = createMarkdownFormatter({ maxBytes: 8_000, fullReport: "ses-guard-report.json" });
    const out = format(report, context);
    expect(bytes(out)).toBeLessThanOrEqual(8_000);
    // Sections are never cut in the middle: every shown table is complete.
    for (const rest of out.split("<details>\n").slice(1)) {
      expect(rest).toContain("</details>");
      const section = rest.slice(0, rest.indexOf("</details>"));
      expect(section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"))).toHaveLength(7);
    }
    expect(out).toMatch(
      /\d+ of 10 target sections(, \d+ of \d+ waivers)? are not shown\. Every result is in ses-guard-report\.json\./,
    );
  });

  it("names every kind of block it cuts, the fixes included", () => {
    const rules = recommendedRules();
    const targets: TargetSummary[] = [];
    const results: Result[] = [];
    for (let i = 0; i < 30; i++) {
      const target = { region: "us-east-1", accountId: String(100000000000 + i) };
      targets.push({ ...target, status: "ok" });
      const rule = { ...(rules[0] as Rule), id: `rule-${i}`, remediation: `aws sesv2 ${"x".repeat(400)}` };
      results.push(resultOf(rule, target, "fail", "off"));
    }
    const out = createMarkdownFormatter({ maxBytes: 9_000 })(reportOf(targets, results), contextOf(rules));
    expect(bytes(out)).toBeLessThanOrEqual(9_000);
    expect(out).toMatch(/\d+ of 30 fixes/);
    expect(out).toMatch(/\d+ of 30 target sections/);
  });

  it("is not cut when it fits, and past 20 targets gives sections only to targets with problems", () => {
    const { report, context } = manyTargets(30, 3);
    const out = formatMarkdown(report, context);
    expect(out).not.toContain("This summary was cut");
    expect(out.match(/^<summary>❌ /gm)).toHaveLength(10);
    expect(out.match(/^<summary>✅ /gm)).toBeNull();
    expect(out.match(/^\| ✅ \d{12} \|/gm)).toHaveLength(20);
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
