/**
 * A policy must check something: one without rules, or whose every rule an override turns off,
 * would pass every account unseen, so it is refused (exit 2) with the place to fix.
 */
import { describe, expect, it } from "vitest";
import { lines, load, loadErrors } from "./memory-host.js";

const everyRecommendedRuleOff = `version: 1
extends: [recommended]
overrides:
  sending-enabled: { enabled: false }
  production-access: { enabled: false }
  enforcement-healthy: { enabled: false }
  suppression-bounce-complaint: { enabled: false }
  quota-headroom: { enabled: false }
  vdm-enabled: { enabled: false }
`;

describe("a policy with no enabled rule is refused", () => {
  it("every rule disabled by overrides: an error at the last override that turned one off", async () => {
    const errors = await loadErrors([".ses-guard.yaml"], { ".ses-guard.yaml": everyRecommendedRuleOff });
    expect(lines(errors)).toEqual([
      ".ses-guard.yaml:9:3: every rule is disabled by overrides (6 in all), so the policy would pass without checking anything; enable at least one rule",
    ]);
    expect(errors[0]?.code).toBe("policy/no-enabled-rules");
  });

  it("overrides in an extended file count too", async () => {
    const errors = await loadErrors(["team.yaml"], {
      "team.yaml": "version: 1\nextends: [./base.yaml]\n",
      "base.yaml": everyRecommendedRuleOff,
    });
    expect(errors.map((d) => [d.code, d.file, d.line])).toEqual([
      ["policy/no-enabled-rules", "base.yaml", 9],
    ]);
  });

  it("a policy without rules: an error naming the file", async () => {
    const errors = await loadErrors(["empty.yaml"], { "empty.yaml": "version: 1\nrules: []\n" });
    expect(lines(errors)).toEqual([
      "empty.yaml:1:1: the policy defines no rules, so it would pass without checking anything; add rules or extends: [recommended]",
    ]);
  });

  it("one rule left on is enough", async () => {
    const oneOn = everyRecommendedRuleOff.replace("  vdm-enabled: { enabled: false }\n", "");
    const policy = await load([".ses-guard.yaml"], { ".ses-guard.yaml": oneOn });
    expect(policy.rules.filter((r) => r.enabled).map((r) => r.id)).toEqual(["vdm-enabled"]);
  });
});
