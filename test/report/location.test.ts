import { describe, expect, it } from "vitest";
import {
  describeResultSource,
  describeSource,
  indexRules,
  packLocation,
  repositoryPath,
  resultLocation,
} from "../../src/report/location.js";
import type { Rule } from "../../src/types.js";
import { FIXTURE_WORKSPACE } from "./fixture-run.js";
import { contextOf, EXTENDS_LINE, recommendedRules, resultOf } from "./sample-reports.js";

describe("repositoryPath", () => {
  const ws = "/home/runner/work/app/app";
  it.each([
    [".ses-guard.yaml", ws, ".ses-guard.yaml"],
    ["./policies/team.yaml", ws, "policies/team.yaml"],
    ["ci/../policies/team.yaml", ws, "policies/team.yaml"],
    ["ci\\policy.yaml", ws, "ci/policy.yaml"],
    [`${ws}/ci/policy.yaml`, ws, "ci/policy.yaml"],
    [`${ws}/ci/policy.yaml`, `${ws}/`, "ci/policy.yaml"],
    ["/home/runner/work/app/app2/p.yaml", ws, undefined],
    ["/etc/ses-guard.yaml", ws, undefined],
    ["../elsewhere.yaml", ws, undefined],
    ["a/../../elsewhere.yaml", ws, undefined],
    [`${ws}/../app/x.yaml`, ws, "x.yaml"],
    ["/abs/p.yaml", undefined, undefined],
    ["C:\\repo\\p.yaml", "C:\\repo", "p.yaml"],
  ])("%s in %s → %s", (file, workspace, expected) => {
    expect(repositoryPath(file, workspace)).toBe(expected);
  });
});

describe("resultLocation", () => {
  const rules = recommendedRules();
  const rule = rules[0] as Rule;
  const target = { region: "us-east-1", accountId: "111111111111" };

  it("points a pack rule at the user's extends line", () => {
    const result = resultOf(rule, target, "fail", "x");
    expect(resultLocation(result, contextOf(rules))).toEqual({
      file: ".ses-guard.yaml",
      line: 2,
      column: 11,
    });
  });

  it("points a user rule at its own line", () => {
    const own: Rule = {
      ...rule,
      pack: undefined,
      via: undefined,
      source: { file: "ci/ses.yaml", line: 9, column: 5 },
    };
    const result = resultOf(own, target, "fail", "x");
    expect(resultLocation(result, contextOf([own]))).toEqual({ file: "ci/ses.yaml", line: 9, column: 5 });
  });

  it("points a rule inherited from another user file at its definition, not the extends line", () => {
    const inherited: Rule = {
      ...rule,
      pack: undefined,
      source: { file: "shared/base.yaml", line: 14, column: 5 },
      via: { ...EXTENDS_LINE },
    };
    const result = resultOf(inherited, target, "fail", "x");
    expect(resultLocation(result, contextOf([inherited]))).toEqual({
      file: "shared/base.yaml",
      line: 14,
      column: 5,
    });
  });

  it("uses the extends line when the defining file lies outside the workspace", () => {
    const outside: Rule = {
      ...rule,
      pack: undefined,
      source: { file: "/opt/policies/org.yaml", line: 3, column: 5 },
      via: { file: `${FIXTURE_WORKSPACE}/.ses-guard.yaml`, line: 4, column: 13 },
    };
    const result = resultOf(outside, target, "fail", "x");
    expect(resultLocation(result, contextOf([outside]))).toEqual({
      file: ".ses-guard.yaml",
      line: 4,
      column: 13,
    });
  });

  it("treats a result with via but no rule metadata as inherited", () => {
    const result = resultOf(rule, target, "fail", "x");
    expect(resultLocation(result, contextOf([]))).toEqual({ file: ".ses-guard.yaml", line: 2, column: 11 });
  });

  it("falls back to the workflow file, then to nothing", () => {
    const packOnly: Rule = { ...rule, via: undefined };
    const result = resultOf(packOnly, target, "fail", "x");
    const workflow = ".github/workflows/deploy.yml";
    expect(resultLocation(result, contextOf([packOnly], { fallbackFile: workflow }))).toEqual({
      file: workflow,
      line: 1,
    });
    expect(resultLocation(result, contextOf([packOnly]))).toBeUndefined();
  });
});

describe("a built-in pack's place", () => {
  const rules = indexRules(recommendedRules());
  const vdm = recommendedRules().find((r) => r.id === "vdm-enabled") as Rule;

  it("is shown as the pack, not as a file of the repository", () => {
    expect(describeSource(vdm.source, vdm.pack)).toBe(`recommended (built-in) line ${vdm.source.line}`);
    expect(describeSource({ file: "policies/recommended.yaml", line: 3 })).toBe(
      "policies/recommended.yaml:3",
    );
    const result = resultOf(vdm, { region: "us-east-1", accountId: null }, "fail", "x");
    expect(describeResultSource(result, rules)).toBe(`recommended (built-in) line ${vdm.source.line}`);
  });

  it("is located in the pack's own file, marked as a pack, for formats that need a place", () => {
    const result = resultOf(vdm, { region: "us-east-1", accountId: null }, "fail", "x");
    expect(packLocation(result, rules)).toEqual({
      file: "recommended.yaml",
      line: vdm.source.line,
      column: vdm.source.column,
      pack: "recommended",
    });
    expect(packLocation({ ...result, ruleId: "own-rule" }, rules)).toBeUndefined();
  });
});
