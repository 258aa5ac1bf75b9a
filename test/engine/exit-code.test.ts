/** The exit code is a function of the results (README.md, "Exit codes"): 3 > 1 > 0, by --fail-on. */
import { describe, expect, it } from "vitest";
import { atOrAbove, compareSeverity, exitCodeFor, nothingCheckedReason } from "../../src/engine/exit-code.js";
import type { FailOn, Result, ResultStatus, Severity, TargetSummary } from "../../src/types.js";

function result(status: ResultStatus, severity: Severity): Result {
  return {
    ruleId: `${severity}-${status}`,
    title: "t",
    severity,
    status,
    region: "us-east-1",
    accountId: null,
    message: "m",
    policy: { file: "p.yaml", line: 1 },
  };
}

const ok: TargetSummary[] = [{ region: "us-east-1", accountId: null, status: "ok" }];
const unreadable: TargetSummary[] = [
  ...ok,
  { region: "eu-west-1", accountId: null, status: "error", error: { code: "aws/x", message: "x" } },
];

describe("exitCodeFor", () => {
  // [failing severity present, --fail-on, expected exit code]
  const table: [Severity | "nothing", FailOn, number][] = [
    ["nothing", "error", 0],
    ["nothing", "notice", 0],
    ["error", "error", 1],
    ["error", "warning", 1],
    ["error", "notice", 1],
    ["error", "none", 0],
    ["warning", "error", 0],
    ["warning", "warning", 1],
    ["warning", "notice", 1],
    ["warning", "none", 0],
    ["notice", "error", 0],
    ["notice", "warning", 0],
    ["notice", "notice", 1],
    ["notice", "none", 0],
  ];

  it.each(table)("a failing %s rule with --fail-on %s exits %d", (severity, failOn, expected) => {
    const results = [result("pass", "error"), result("pass", "notice")];
    if (severity !== "nothing") results.push(result("fail", severity));
    expect(exitCodeFor(ok, results, failOn)).toBe(expected);
  });

  it("waived and skipped results never fail the run", () => {
    const results = [result("waived", "error"), result("skipped", "error")];
    expect(exitCodeFor(ok, results, "notice")).toBe(0);
  });

  it.each(["error", "warning", "notice", "none"] as const)(
    "an unreadable target exits 3 even with --fail-on %s and even when rules also fail",
    (failOn) => {
      expect(exitCodeFor(unreadable, [result("error", "notice")], failOn)).toBe(3);
      expect(exitCodeFor(unreadable, [result("fail", "error"), result("error", "notice")], failOn)).toBe(3);
    },
  );

  it("an error result exits 3 on its own, as does an error target with no rules", () => {
    expect(exitCodeFor(ok, [result("error", "notice")], "none")).toBe(3);
    expect(exitCodeFor(unreadable, [], "none")).toBe(3);
  });

  const skippedTargets: TargetSummary[] = [
    { region: "af-south-1", accountId: null, status: "skipped", notice: "opt-in Region not enabled" },
    { region: "me-south-1", accountId: null, status: "skipped", notice: "opt-in Region not enabled" },
  ];

  it.each(["error", "warning", "notice", "none"] as const)(
    "a run that evaluated no rule on any target exits 3 with --fail-on %s, never 0",
    (failOn) => {
      const skipped = [result("skipped", "error"), result("skipped", "warning")];
      expect(exitCodeFor(skippedTargets, skipped, failOn)).toBe(3);
      expect(exitCodeFor(ok, skipped, failOn)).toBe(3);
      expect(exitCodeFor([], [], failOn)).toBe(3);
    },
  );

  it("says why nothing was checked, and nothing when some rule was evaluated", () => {
    const skipped = [result("skipped", "error")];
    expect(nothingCheckedReason(skippedTargets, skipped)).toBe(
      "nothing was checked: all 2 targets were skipped",
    );
    expect(nothingCheckedReason(skippedTargets.slice(0, 1), skipped)).toBe(
      "nothing was checked: the only target was skipped",
    );
    expect(nothingCheckedReason(ok, skipped)).toBe("nothing was checked: no rule applied to any target");
    expect(nothingCheckedReason([], [])).toBe("nothing was checked: there were no targets");
    expect(nothingCheckedReason(ok, [...skipped, result("waived", "error")])).toBeUndefined();
    // An unreadable target is reported as such, not as a run that checked nothing.
    expect(nothingCheckedReason(unreadable, [])).toBeUndefined();
  });

  it("one evaluated rule among skipped ones is enough to pass", () => {
    expect(
      exitCodeFor([...skippedTargets, ...ok], [result("skipped", "error"), result("pass", "error")], "error"),
    ).toBe(0);
  });

  it("severity order: error > warning > notice, and none is below everything", () => {
    expect(atOrAbove("warning", "warning")).toBe(true);
    expect(atOrAbove("notice", "warning")).toBe(false);
    expect(atOrAbove("error", "none")).toBe(false);
    expect((["notice", "error", "warning"] as Severity[]).sort(compareSeverity)).toEqual([
      "error",
      "warning",
      "notice",
    ]);
  });
});
