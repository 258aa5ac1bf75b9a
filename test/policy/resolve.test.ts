/**
 * Resolution (README.md, "Extends, overrides and waivers"): extends (packs and relative paths), one rule per id, overrides
 * and waivers in extended files, cycles, and problems collected from every file in one pass.
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import { lines, load, loadErrors } from "./memory-host.js";

const ownRule = `version: 1
rules:
  - id: quota-set
    title: The quota is known
    check:
      path: SendQuota.Max24HourSend
      exists: true
`;

describe("extends", () => {
  it("a pack name and a relative path both load; the path is relative to the extending file", async () => {
    const policy = await load(["teams/mail/.ses-guard.yaml"], {
      "teams/mail/.ses-guard.yaml": "version: 1\nextends: [recommended, ../shared/base.yaml]\n",
      "teams/shared/base.yaml": ownRule,
    });
    expect(policy.rules.map((r) => r.id)).toContain("quota-set");
    expect(policy.rules.find((r) => r.id === "quota-set")?.source).toEqual({
      file: "teams/shared/base.yaml",
      line: 3,
      column: 5,
    });
    expect(policy.files).toEqual([
      "teams/mail/.ses-guard.yaml",
      "policies/recommended.yaml",
      "teams/shared/base.yaml",
    ]);
  });

  it("the same rule arriving through two entries is one rule", async () => {
    const policy = await load(["a.yaml"], {
      "a.yaml": "version: 1\nextends: [./b.yaml, ./c.yaml]\n",
      "b.yaml": "version: 1\nextends: [./base.yaml]\n",
      "c.yaml": "version: 1\nextends: [./base.yaml]\n",
      "base.yaml": ownRule,
    });
    expect(policy.rules.map((r) => r.id)).toEqual(["quota-set"]);
  });

  it("two different definitions of one id are an error pointing at both", async () => {
    const errors = await loadErrors(["a.yaml"], {
      "a.yaml": `version: 1\nextends: [./base.yaml]\n${ownRule.replace("version: 1\n", "")}`,
      "base.yaml": ownRule,
    });
    expect(lines(errors)).toEqual([
      'a.yaml:4:5: rule "quota-set" is defined twice: here and at base.yaml:3; change an inherited rule with overrides instead',
    ]);
  });

  it("a rule of a pack cannot be redefined: it must be changed with overrides", async () => {
    const errors = await loadErrors([".ses-guard.yaml"], {
      ".ses-guard.yaml":
        "version: 1\nextends: [recommended]\nrules:\n  - id: vdm-enabled\n    check: { path: VdmAttributes.VdmEnabled, exists: true }\n",
    });
    expect(errors[0]).toMatchObject({
      code: "policy/duplicate-rule",
      file: ".ses-guard.yaml",
      line: 4,
      column: 5,
    });
  });

  it("an extends cycle is an error naming the chain, at the entry that closes it", async () => {
    const errors = await loadErrors(["a.yaml"], {
      "a.yaml": "version: 1\nextends: [./b.yaml]\n",
      "b.yaml": "version: 1\nextends: [./a.yaml]\n",
    });
    expect(lines(errors)).toEqual(["b.yaml:2:11: extends cycle: a.yaml → b.yaml → a.yaml"]);
  });

  it("a file extending itself is a cycle", async () => {
    const errors = await loadErrors(["a.yaml"], { "a.yaml": "version: 1\nextends: [a.yaml]\n" });
    expect(lines(errors)).toEqual(["a.yaml:2:11: extends cycle: a.yaml → a.yaml"]);
  });

  it("a missing extended file is an error at the extends entry", async () => {
    const errors = await loadErrors(["a.yaml"], { "a.yaml": "version: 1\nextends:\n  - ./nope.yaml\n" });
    expect(lines(errors)).toEqual(["a.yaml:3:5: cannot read policy nope.yaml: no such file"]);
  });

  it("an extends entry may not reach outside the repository", async () => {
    const errors = await loadErrors(["a.yaml"], { "a.yaml": "version: 1\nextends: [../../etc/x.yaml]\n" });
    expect(errors[0]).toMatchObject({ code: "policy/extends-outside", file: "a.yaml", line: 2, column: 11 });
  });

  it("an unknown pack gets a suggestion and the list of packs", async () => {
    const errors = await loadErrors(["a.yaml"], { "a.yaml": "version: 1\nextends: [strikt]\n" });
    expect(lines(errors)).toEqual([
      'a.yaml:2:11: unknown pack "strikt" (did you mean "strict"?); built-in packs are recommended, reputation, strict (a file path needs a / or a .yaml ending)',
    ]);
  });
});

describe("overrides", () => {
  it("change severity and disable inherited rules; a disabled rule is skipped", async () => {
    const policy = await load([".ses-guard.yaml"], {
      ".ses-guard.yaml":
        "version: 1\nextends: [recommended]\noverrides:\n  vdm-enabled: { severity: notice }\n  production-access: { enabled: false }\n",
    });
    const byId = Object.fromEntries(policy.rules.map((r) => [r.id, r]));
    expect(byId["vdm-enabled"]).toMatchObject({ severity: "notice", enabled: true });
    expect(byId["production-access"]).toMatchObject({ severity: "error", enabled: false });
    const report = evaluatePolicy(
      policy,
      [{ region: "us-east-1", accountId: null, status: "ok", account: { ProductionAccessEnabled: false } }],
      { today: "2026-01-01", failOn: "error", toolVersion: "t" },
    );
    expect(report.results.find((r) => r.ruleId === "production-access")).toMatchObject({
      status: "skipped",
      message: "disabled by an override",
    });
  });

  it("hold whatever the order of extends: [strict, recommended] keeps vdm-enabled at error", async () => {
    for (const order of ["[strict, recommended]", "[recommended, strict]"]) {
      const policy = await load([".ses-guard.yaml"], {
        ".ses-guard.yaml": `version: 1\nextends: ${order}\n`,
      });
      expect(policy.rules.find((r) => r.id === "vdm-enabled")?.severity, order).toBe("error");
      expect(policy.rules).toHaveLength(9);
    }
    const both = await load(["strict", "recommended"]);
    expect(both.rules.find((r) => r.id === "vdm-enabled")?.severity).toBe("error");
  });

  it("an override in an extended file holds, and the extending file can override it again", async () => {
    const files = {
      "team.yaml": "version: 1\nextends: [recommended]\noverrides:\n  quota-headroom: { enabled: false }\n",
      "a.yaml": "version: 1\nextends: [./team.yaml, recommended]\n",
      "b.yaml":
        "version: 1\nextends: [./team.yaml]\noverrides:\n  quota-headroom: { enabled: true, severity: error }\n",
    };
    const a = await load(["a.yaml"], files);
    expect(a.rules.find((r) => r.id === "quota-headroom")?.enabled).toBe(false);
    const b = await load(["b.yaml"], files);
    expect(b.rules.find((r) => r.id === "quota-headroom")).toMatchObject({
      enabled: true,
      severity: "error",
    });
  });

  it("an override naming a missing rule is an error with a suggestion", async () => {
    const errors = await loadErrors(["a.yaml"], {
      "a.yaml": "version: 1\nextends: [recommended]\noverrides:\n  vdm-enable: { severity: notice }\n",
    });
    expect(lines(errors)).toEqual([
      'a.yaml:4:3: override names rule "vdm-enable", which does not exist here (did you mean "vdm-enabled"?)',
    ]);
  });
});

describe("waivers", () => {
  it("waivers in extended files apply", async () => {
    const policy = await load(["a.yaml"], {
      "a.yaml": "version: 1\nextends: [./exceptions.yaml]\n",
      "exceptions.yaml":
        'version: 1\nextends: [recommended]\nwaivers:\n  - rule: vdm-enabled\n    accounts: ["123456789012"]\n    reason: VDM rollout in Q1\n    expires: 2027-03-31\n',
    });
    expect(policy.waivers).toEqual([
      {
        rule: "vdm-enabled",
        accounts: ["123456789012"],
        reason: "VDM rollout in Q1",
        expires: "2027-03-31",
        source: { file: "exceptions.yaml", line: 4, column: 5 },
      },
    ]);
    const report = evaluatePolicy(
      policy,
      [
        {
          region: "us-east-1",
          accountId: "123456789012",
          status: "ok",
          account: { VdmAttributes: { VdmEnabled: "DISABLED" } },
        },
      ],
      { today: "2027-03-31", failOn: "error", toolVersion: "t" },
    );
    expect(report.results.find((r) => r.ruleId === "vdm-enabled")?.status).toBe("waived");
  });

  it("a waiver naming a missing rule is an error with a suggestion", async () => {
    const errors = await loadErrors(["a.yaml"], {
      "a.yaml":
        "version: 1\nextends: [recommended]\nwaivers:\n  - rule: vdm-enable\n    reason: x\n    expires: 2030-01-01\n",
    });
    expect(lines(errors)).toEqual([
      'a.yaml:4:5: waiver names rule "vdm-enable", which does not exist (did you mean "vdm-enabled"?)',
    ]);
  });

  it("an impossible date is refused", async () => {
    const errors = await loadErrors(["a.yaml"], {
      "a.yaml":
        "version: 1\nextends: [recommended]\nwaivers:\n  - rule: vdm-enabled\n    reason: x\n    expires: 2027-02-30\n",
    });
    expect(lines(errors)).toEqual(["a.yaml:6:14: expires 2027-02-30 is not a calendar date"]);
  });
});

describe("problems are collected across files", () => {
  it("reports problems in the extending and the extended file in one run", async () => {
    const errors = await loadErrors(["a.yaml"], {
      "a.yaml":
        "version: 1\nextends: [./b.yaml, recomended]\nrules:\n  - id: x\n    severity: high\n    check: { path: SendingEnabled, equals: true }\n",
      "b.yaml": "version: 2\n",
    });
    expect(lines(errors)).toEqual([
      'a.yaml:2:21: unknown pack "recomended" (did you mean "recommended"?); built-in packs are recommended, reputation, strict (a file path needs a / or a .yaml ending)',
      'a.yaml:5:15: rules[0].severity is "high"; must be one of error, warning, notice',
      "b.yaml:1:10: unsupported policy version 2; this ses-guard reads version: 1",
    ]);
  });
});
