/**
 * Rules and waivers written flow-style share a line: each is still its own entry, told apart by
 * its column, so a second waiver on the line is not dropped as a repeat of the first.
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import type { TargetData } from "../../src/types.js";
import { load } from "./memory-host.js";

const flowPolicy = `version: 1
rules: [{ id: a-one, check: { path: SendingEnabled, equals: true } }, { id: b-two, check: { path: ProductionAccessEnabled, equals: true } }]
waivers: [{ rule: a-one, reason: first, expires: 2099-01-01, regions: [us-east-1] }, { rule: a-one, reason: second, expires: 2099-01-01, regions: [eu-west-1] }]
`;

/** The 1-based column where `text` starts on a line of the policy. */
const columnOf = (line: number, text: string) => (flowPolicy.split("\n")[line - 1] ?? "").indexOf(text) + 1;

const paused = (region: string): TargetData => ({
  region,
  accountId: "123456789012",
  status: "ok",
  account: { SendingEnabled: false, ProductionAccessEnabled: true },
});

describe("flow-style entries on one line", () => {
  it("two rules on one line are two rules, each at its own column", async () => {
    const policy = await load(["p.yaml"], { "p.yaml": flowPolicy });
    expect(policy.rules.map((r) => [r.id, r.source.line, r.source.column])).toEqual([
      ["a-one", 2, columnOf(2, "{ id: a-one")],
      ["b-two", 2, columnOf(2, "{ id: b-two")],
    ]);
  });

  it("two waivers on one line are two waivers, and each one applies", async () => {
    const policy = await load(["p.yaml"], { "p.yaml": flowPolicy });
    expect(policy.waivers.map((w) => [w.reason, w.source.line, w.source.column])).toEqual([
      ["first", 3, columnOf(3, "{ rule: a-one, reason: first")],
      ["second", 3, columnOf(3, "{ rule: a-one, reason: second")],
    ]);
    const report = evaluatePolicy(policy, [paused("us-east-1"), paused("eu-west-1")], {
      today: "2026-01-01",
      failOn: "error",
      toolVersion: "0.0.0",
    });
    const aOne = report.results.filter((r) => r.ruleId === "a-one");
    expect(aOne.map((r) => [r.region, r.status, r.waiver?.reason])).toEqual([
      ["us-east-1", "waived", "first"],
      ["eu-west-1", "waived", "second"],
    ]);
    expect(report.summary.exitCode).toBe(0);
  });

  it("a file extended twice still brings each of its waivers once", async () => {
    const policy = await load(["a.yaml"], {
      "a.yaml": "version: 1\nextends: [./b.yaml, ./b.yaml]\n",
      "b.yaml": flowPolicy,
    });
    expect(policy.waivers.map((w) => w.reason)).toEqual(["first", "second"]);
  });
});
