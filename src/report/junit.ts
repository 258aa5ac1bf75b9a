/**
 * The `junit` format: JUnit XML for CI test report views (Jenkins, GitLab, test reporter
 * actions). One test suite per target, one test case per rule; a failed rule is a `<failure>`
 * with its message and remediation, an unevaluated one an `<error>`, a waived or skipped one a
 * `<skipped>` with the reason. The output is well-formed XML 1.0 whatever the data contains.
 */

import type { FormatContext, Formatter, Report, Result, Rule, TargetSummary } from "../types.js";
import { resultsByTarget, targetLabel } from "./common.js";
import { escapeXmlAttribute, escapeXmlText } from "./escape.js";
import { describeResultSource, indexRules } from "./location.js";

type Rules = ReadonlyMap<string, Rule>;

function attributes(values: Array<[string, string | number]>): string {
  return values.map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`).join("");
}

function policyLine(result: Result, rules: Rules): string {
  const via = result.policy.via;
  const own = `Policy: ${describeResultSource(result, rules)}`;
  return via ? `${own} (brought in by extends at ${via.file}:${via.line})` : own;
}

function details(result: Result, rules: Rules): string {
  const lines = [result.message, ""];
  if (result.remediation) lines.push(`Remediation: ${result.remediation}`);
  if (result.docs) lines.push(`Documentation: ${result.docs}`);
  if (result.waiver?.expired)
    lines.push(`Waiver expired on ${result.waiver.expires}: ${result.waiver.reason}`);
  lines.push(policyLine(result, rules));
  return lines.join("\n");
}

function testCase(result: Result, rules: Rules): string {
  const open = `    <testcase${attributes([
    ["classname", `ses-guard.${result.region}`],
    ["name", `${result.ruleId} — ${result.title}`],
  ])}`;
  switch (result.status) {
    case "pass":
      return `${open}/>`;
    case "fail":
      return [
        `${open}>`,
        `      <failure${attributes([
          ["message", result.message],
          ["type", result.severity],
        ])}>${escapeXmlText(details(result, rules))}</failure>`,
        "    </testcase>",
      ].join("\n");
    case "error":
      return [
        `${open}>`,
        `      <error${attributes([
          ["message", result.message],
          ["type", "error"],
        ])}>${escapeXmlText(details(result, rules))}</error>`,
        "    </testcase>",
      ].join("\n");
    case "waived": {
      const reason = result.waiver
        ? `waived until ${result.waiver.expires}: ${result.waiver.reason}`
        : result.message;
      return `${open}>\n      <skipped${attributes([["message", reason]])}/>\n    </testcase>`;
    }
    case "skipped":
      return `${open}>\n      <skipped${attributes([["message", result.message]])}/>\n    </testcase>`;
  }
}

function counts(results: readonly Result[]) {
  const count = (...statuses: Result["status"][]) =>
    results.filter((r) => statuses.includes(r.status)).length;
  return {
    tests: results.length,
    failures: count("fail"),
    errors: count("error"),
    skipped: count("skipped", "waived"),
  };
}

function testSuite(target: TargetSummary, results: Result[], rules: Rules): string {
  const c = counts(results);
  const lines = [
    `  <testsuite${attributes([
      ["name", `ses-guard ${targetLabel(target)}`],
      ["tests", c.tests],
      ["failures", c.failures],
      ["errors", c.errors],
      ["skipped", c.skipped],
    ])}>`,
    "    <properties>",
    `      <property${attributes([
      ["name", "region"],
      ["value", target.region],
    ])}/>`,
    `      <property${attributes([
      ["name", "accountId"],
      ["value", target.accountId ?? ""],
    ])}/>`,
    `      <property${attributes([
      ["name", "targetStatus"],
      ["value", target.status],
    ])}/>`,
    "    </properties>",
    ...results.map((result) => testCase(result, rules)),
  ];
  if (target.status === "error") {
    const error = target.error;
    const text = error
      ? [`${error.code}: ${error.message}`, ...(error.hint ? [`Hint: ${error.hint}`] : [])].join("\n")
      : "the account data could not be read";
    lines.push(`    <system-err>${escapeXmlText(text)}</system-err>`);
  } else if (target.status === "skipped" && target.notice) {
    lines.push(`    <system-out>${escapeXmlText(target.notice)}</system-out>`);
  }
  lines.push("  </testsuite>");
  return lines.join("\n");
}

/** The `junit` format: a `<testsuites>` document with one `<testsuite>` per target. */
export const formatJunit: Formatter = (report: Report, context: FormatContext) => {
  const groups = resultsByTarget(report);
  // Rules tell which results come from a built-in pack, so their place is named as the pack.
  const rules = indexRules(context.rules);
  const total = counts(report.results);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes([
      ["name", "ses-guard"],
      ["tests", total.tests],
      ["failures", total.failures],
      ["errors", total.errors],
    ])}>`,
    ...groups.map(({ target, results }) => testSuite(target, results, rules)),
    "</testsuites>",
    "",
  ].join("\n");
};
