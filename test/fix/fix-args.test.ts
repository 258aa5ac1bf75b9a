/** The command line of `fix`: its flags, its formats, and flags that belong to it alone. */
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/cli/args.js";
import { SesGuardError } from "../../src/errors.js";

function usage(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof SesGuardError) return error.diagnostics.map((d) => d.message).join("\n");
    throw error;
  }
  throw new Error(`accepted: ${argv.join(" ")}`);
}

describe("ses-guard fix arguments", () => {
  it("takes check's options plus --apply and --yes", () => {
    const invocation = parseCommandLine([
      "fix",
      "--policy",
      "strict",
      "--region",
      "us-east-1,eu-west-1",
      "--apply",
      "--yes",
      "--format",
      "json=plan.json",
    ]);
    expect(invocation).toMatchObject({
      kind: "run",
      command: "fix",
      apply: true,
      yes: true,
      options: {
        policies: ["strict"],
        regions: ["us-east-1", "eu-west-1"],
        formats: [{ name: "json", file: "plan.json" }, { name: "text" }],
      },
    });
  });

  it("takes the account sources of a fleet", () => {
    expect(
      parseCommandLine([
        "fix",
        "--accounts",
        "111111111111,222222222222",
        "--role",
        "audit",
        "--concurrency",
        "4",
      ]),
    ).toMatchObject({
      command: "fix",
      options: {
        concurrency: 4,
        fleet: { source: { kind: "accounts", ids: ["111111111111", "222222222222"] }, role: "audit" },
      },
    });
    expect(parseCommandLine(["fix", "--organization", "--role", "audit", "--apply"])).toMatchObject({
      options: { fleet: { source: { kind: "organization" } } },
    });
    expect(parseCommandLine(["fix", "--profile", "a,b"])).toMatchObject({
      options: { fleet: { source: { kind: "profiles", profiles: ["a", "b"] } } },
    });
    expect(parseCommandLine(["fix", "--accounts-file", "accounts.yaml"])).toMatchObject({
      options: { fleet: { source: { kind: "accounts-file", file: "accounts.yaml" } } },
    });
  });

  it("plans by default", () => {
    const invocation = parseCommandLine(["fix"]);
    expect(invocation).toMatchObject({ command: "fix" });
    expect("apply" in invocation && invocation.apply).toBeFalsy();
  });

  it("prints text, json and markdown only", () => {
    expect(parseCommandLine(["fix", "--format", "markdown"])).toMatchObject({
      options: { formats: [{ name: "markdown" }] },
    });
    expect(usage(["fix", "--format", "sarif"])).toContain('unknown format "sarif"');
  });

  it("--apply and --yes belong to fix", () => {
    expect(usage(["check", "--apply"])).toBe(
      "--apply does not apply to `ses-guard check` (see ses-guard check --help)",
    );
    expect(usage(["check", "--yes"])).toBe(
      "--yes does not apply to `ses-guard check` (see ses-guard check --help)",
    );
  });
});
