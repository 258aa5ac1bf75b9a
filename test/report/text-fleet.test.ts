/**
 * The terminal report at fleet scale: `--quiet` lists only what needs attention, past 20 targets
 * a passing target is one line, and the policy in force is named above the verdict.
 */
import { describe, expect, it } from "vitest";
import { formatText } from "../../src/report/text.js";
import { fleetReport } from "./fleet-report.js";

describe("text report at fleet scale", () => {
  const { report, context } = fleetReport();
  const needsAttention = report.results.filter((r) => r.status !== "pass" && r.status !== "skipped");

  it("prints only failed, errored and waived results and the verdict with --quiet", () => {
    const text = formatText(report, { ...context, quiet: true });
    const lines = text.trimEnd().split("\n");
    expect(lines.some((line) => line.includes("PASS "))).toBe(false);
    expect(lines.filter((line) => /^ {2}FAIL /.test(line))).toHaveLength(
      needsAttention.filter((r) => r.status === "fail").length,
    );
    // Unreadable targets keep their heading and cause, with their rules counted on one line.
    expect(lines.filter((line) => line.startsWith("  could not be read"))).toHaveLength(10);
    expect(lines.filter((line) => line === "  6 rules not evaluated")).toHaveLength(10);
    // No heading of a target with nothing to act on.
    expect(text).not.toContain("us-east-1 · account 100000007919");
    expect(lines.at(-2)).toBe("Policy: .ses-guard.yaml, recommended (pack)");
    expect(lines.at(-1)).toMatch(/^6 rules on 17000 targets: .* ERROR \(exit 3/);
  });

  it("says each failed rule's fix once, at the end, past 20 targets", () => {
    const text = formatText(report, context);
    const failedRules = new Set(report.results.filter((r) => r.status === "fail").map((r) => r.ruleId));
    expect(failedRules.size).toBeGreaterThan(0);
    const howTo = text.slice(text.indexOf("\nHow to fix\n"));
    expect(text.indexOf("\nHow to fix\n")).toBeGreaterThan(0);
    for (const ruleId of failedRules) {
      const failures = report.results.filter((r) => r.ruleId === ruleId && r.status === "fail").length;
      expect(howTo).toContain(`  ${ruleId} (${failures} target${failures === 1 ? "" : "s"})\n`);
    }
    // Under the failures themselves there is no fix line any more.
    const before = text.slice(0, text.indexOf("\nHow to fix\n"));
    expect(before).not.toMatch(/^ {17}fix: /m);
    expect(howTo.split("\n").filter((line) => line.startsWith("    fix: ")).length).toBeLessThanOrEqual(
      failedRules.size,
    );
  });

  it("writes a target whose rules all pass as one line past 20 targets", () => {
    const text = formatText(report, context);
    expect(text).toContain("us-east-1 · account 100000007919: 6 passed\n");
    // One line per quiet target, so the whole stays small: well under 5 MB for 17,000 targets.
    expect(Buffer.byteLength(text)).toBeLessThan(5_000_000);
    // Past 20 targets passing results are counted, never listed, on targets with failures too.
    expect(text.split("\n").filter((line) => line.startsWith("  PASS"))).toHaveLength(0);
    expect(text).toMatch(/^ {2}\d+ passed$/m);
  });

  it("keeps every result line for 20 targets or fewer", () => {
    const small = fleetReport({ accounts: 20, regions: ["us-east-1"] });
    const text = formatText(small.report, small.context);
    expect(text.split("\n").filter((line) => line.startsWith("  PASS"))).toHaveLength(
      small.report.results.filter((r) => r.status === "pass").length,
    );
  });

  it("formats 1,000,000 results without overflowing the stack", () => {
    const big = fleetReport({ accounts: 10_000, regions: ["us-east-1", "eu-west-1"] });
    big.report.results = big.report.results.concat(big.report.results.slice(0, 1_000_000 - 120_000));
    expect(() => formatText(big.report, { ...big.context, quiet: true })).not.toThrow();
  });
});
