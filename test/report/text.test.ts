/**
 * The terminal report as a pure function: grouped by target, one line per rule, the fix and docs
 * under failures, a summary line stating the exit code; colour only when asked; strings from AWS
 * or policies cannot move the cursor or forge report lines.
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import { formatText } from "../../src/report/text.js";
import type { FormatContext, Policy, Report, TargetData } from "../../src/types.js";
import { leaf, rule, waiver } from "../engine/fixtures.js";

const context = (color = false): FormatContext => ({ color, today: "2026-05-01", rules: [] });

const policy: Policy = {
  rules: [
    rule(leaf("SendingEnabled", "equals", true), { id: "sending-enabled", title: "Sending is enabled" }),
    rule(leaf("SuppressionAttributes.SuppressedReasons", "containsAll", ["BOUNCE", "COMPLAINT"]), {
      id: "suppression",
      severity: "warning",
      remediation: "aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT",
    }),
    rule(leaf("EnforcementStatus", "equals", "HEALTHY"), { id: "healthy", severity: "notice" }),
    rule(leaf("SendingEnabled", "exists", true), { id: "disabled-one", enabled: false }),
  ],
  waivers: [waiver({ rule: "healthy", expires: "2026-12-31", reason: "case 42 open" })],
  files: ["policy.yaml"],
};

const targets: TargetData[] = [
  {
    region: "us-east-1",
    accountId: "123456789012",
    status: "ok",
    account: {
      SendingEnabled: true,
      SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] },
      EnforcementStatus: "PROBATION",
    },
  },
  {
    region: "eu-west-1",
    accountId: "123456789012",
    status: "error",
    error: {
      code: "aws/access-denied",
      message: "AccessDeniedException: not allowed",
      hint: "Allow ses:GetAccount\non this role",
    },
  },
  {
    region: "ap-east-1",
    accountId: null,
    status: "skipped",
    notice: "opt-in region not enabled for the account",
  },
];

function report(failOn: Report["failOn"] = "error", data = targets): Report {
  return evaluatePolicy(policy, data, { today: "2026-05-01", failOn, toolVersion: "0.1.0" });
}

describe("text report", () => {
  it("groups results by target with status, severity, id and message, and a summary line", () => {
    expect(formatText(report(), context())).toBe(
      [
        "us-east-1 · account 123456789012",
        "  PASS   error   sending-enabled  SendingEnabled is true",
        "  FAIL   warning suppression      SuppressionAttributes.SuppressedReasons is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)",
        "                 fix: aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT",
        "                 docs: https://docs.example.com/rule",
        "  WAIVED notice  healthy          EnforcementStatus is PROBATION; must equal HEALTHY (waived until 2026-12-31: case 42 open)",
        "                 waiver: policy.yaml:20",
        "  SKIP   error   disabled-one     disabled by an override",
        "",
        "eu-west-1 · account 123456789012",
        "  could not be read: AccessDeniedException: not allowed [aws/access-denied]",
        "    Allow ses:GetAccount",
        "    on this role",
        "  ERROR  error   sending-enabled  not evaluated: the target could not be read",
        "  ERROR  warning suppression      not evaluated: the target could not be read",
        "  ERROR  notice  healthy          not evaluated: the target could not be read",
        "  SKIP   error   disabled-one     disabled by an override",
        "",
        "ap-east-1 · account unknown",
        "  opt-in region not enabled for the account",
        "  SKIP   error   sending-enabled  not evaluated: opt-in region not enabled for the account",
        "  SKIP   warning suppression      not evaluated: opt-in region not enabled for the account",
        "  SKIP   notice  healthy          not evaluated: opt-in region not enabled for the account",
        "  SKIP   error   disabled-one     disabled by an override",
        "",
        "4 rules on 3 targets: 1 passed, 1 failed, 3 errors, 1 waived, 6 skipped. ERROR (exit 3: a target could not be read)",
        "",
      ].join("\n"),
    );
  });

  it("the summary states the verdict and the exit code", () => {
    const readable = targets.slice(0, 1);
    // A pass with failures below the threshold says so, rather than "OK" beside "1 failed".
    expect(formatText(report("error", readable), context()).trimEnd().split("\n").at(-1)).toBe(
      "4 rules on 1 target: 1 passed, 1 failed, 0 errors, 1 waived, 1 skipped. OK (exit 0: 1 warning below --fail-on error)",
    );
    expect(formatText(report("none", readable), context()).trimEnd().split("\n").at(-1)).toBe(
      "4 rules on 1 target: 1 passed, 1 failed, 0 errors, 1 waived, 1 skipped. OK (exit 0: --fail-on none, 1 failed rule does not fail the run)",
    );
    expect(formatText(report("warning", readable), context()).trimEnd().split("\n").at(-1)).toBe(
      "4 rules on 1 target: 1 passed, 1 failed, 0 errors, 1 waived, 1 skipped. FAILED (exit 1: failures at or above --fail-on warning)",
    );
    const none = evaluatePolicy(policy, [], { today: "2026-05-01", failOn: "error", toolVersion: "0.1.0" });
    expect(formatText(none, context())).toBe(
      "No targets were checked.\n\n0 rules on 0 targets: 0 passed, 0 failed, 0 errors, 0 waived, 0 skipped. ERROR (exit 3: nothing was checked: there were no targets)\n",
    );
  });

  it("a run in which every target was skipped says nothing was checked, and exits 3", () => {
    const skipped = report("none", targets.slice(2));
    expect(skipped.summary.exitCode).toBe(3);
    expect(formatText(skipped, context()).trimEnd().split("\n").at(-1)).toBe(
      "4 rules on 1 target: 0 passed, 0 failed, 0 errors, 0 waived, 4 skipped. ERROR (exit 3: nothing was checked: the only target was skipped)",
    );
  });

  it("an expired waiver shows in the message, and no waiver line points at it", () => {
    const expired: Policy = {
      ...policy,
      waivers: [waiver({ rule: "healthy", expires: "2026-04-30", reason: "old" })],
    };
    const text = formatText(
      evaluatePolicy(expired, targets.slice(0, 1), {
        today: "2026-05-01",
        failOn: "error",
        toolVersion: "0.1.0",
      }),
      context(),
    );
    expect(text).toContain(
      "  FAIL   notice  healthy          EnforcementStatus is PROBATION; must equal HEALTHY (a waiver expired on 2026-04-30: old)\n",
    );
    expect(text).not.toContain("waiver: policy.yaml");
  });

  it("uses ANSI colour only when the context allows it", () => {
    const plain = formatText(report(), context(false));
    const coloured = formatText(report(), context(true));
    expect(plain).not.toContain("\u001b[");
    expect(coloured).toContain("\u001b[32mPASS  \u001b[0m");
    expect(coloured).toContain("\u001b[33mFAIL  \u001b[0m"); // a failing warning is yellow
    expect(coloured).toContain("\u001b[35mERROR \u001b[0m");
    // Stripping the colour codes gives back exactly the plain report.
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(plain);
  });

  it("escapes control characters and bidi overrides from AWS data and policies", () => {
    const hostile: TargetData[] = [
      {
        region: "us-east-1",
        accountId: "123456789012",
        status: "error",
        error: {
          code: "x\u001b[2J",
          message: "line one\nFAKE  PASS  line\r\u001b]8;;http://evil\u0007link\u202e",
        },
      },
    ];
    const text = formatText(report("error", hostile), context(true));
    const withoutOurColours = text.replace(/\u001b\[\d+m/g, "");
    expect(withoutOurColours).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(withoutOurColours).toContain(
      "could not be read: line one\\nFAKE  PASS  line\\r\\x1b]8;;http://evil\\x07link\\u202e [x\\x1b[2J]",
    );
    // A policy file's name comes from the repository (a pull request can choose it).
    const named: Policy = {
      ...policy,
      waivers: [
        waiver({ rule: "healthy", source: { file: "evil\u001b[2J\n  PASS.yaml", line: 3, column: 5 } }),
      ],
    };
    const waived = formatText(
      evaluatePolicy(named, targets.slice(0, 1), {
        today: "2026-05-01",
        failOn: "error",
        toolVersion: "0.1.0",
      }),
      context(),
    );
    expect(waived).toContain("                 waiver: evil\\x1b[2J\\n  PASS.yaml:3\n");
    // The target's heading holds the message on one line; rule lines do not repeat it.
    expect(withoutOurColours.split("\n").filter((l) => l.includes("FAKE"))).toHaveLength(1);
  });
});
