/** The account-source flags: exactly one source, and each fleet flag only where it applies. */
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/cli/args.js";
import { SesGuardError } from "../../src/errors.js";

function options(argv: string[]) {
  const invocation = parseCommandLine(argv);
  if (invocation.kind !== "run") throw new Error("expected a run");
  return invocation.options;
}

function usageCode(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(SesGuardError);
    expect((error as SesGuardError).exitCode).toBe(2);
    return (error as SesGuardError).code;
  }
  throw new Error(`${argv.join(" ")} parsed, but a usage error was expected`);
}

describe("account sources on the command line", () => {
  it("reads one account per profile with --profile A,B or repeated --profile", () => {
    for (const argv of [
      ["--profile", "prod,staging"],
      ["--profile", "prod", "--profile", "staging"],
    ]) {
      expect(options(argv).fleet?.source).toEqual({ kind: "profiles", profiles: ["prod", "staging"] });
      expect(options(argv).profile).toBeUndefined();
    }
  });

  it("keeps a single --profile as the caller's account, or the caller's credentials with a source", () => {
    expect(options(["--profile", "prod"])).toMatchObject({ profile: "prod" });
    expect(options(["--profile", "prod"]).fleet).toBeUndefined();
    const withSource = options(["--profile", "audit", "--accounts", "111111111111", "--role", "r"]);
    expect(withSource.profile).toBe("audit");
    expect(withSource.fleet?.source).toEqual({ kind: "accounts", ids: ["111111111111"] });
  });

  it("takes --accounts repeated or comma-separated, with the role flags", () => {
    const parsed = options([
      "--accounts",
      "111111111111,222222222222",
      "--accounts",
      "333333333333",
      "--role",
      "arn:aws:iam::{accountId}:role/audit",
      "--external-id",
      "ext-1",
      "--role-session-name",
      "nightly-audit",
      "--exclude-accounts",
      "222222222222",
      "--concurrency",
      "8",
    ]);
    expect(parsed.fleet).toEqual({
      source: { kind: "accounts", ids: ["111111111111", "222222222222", "333333333333"] },
      role: "arn:aws:iam::{accountId}:role/audit",
      externalId: "ext-1",
      roleSessionName: "nightly-audit",
      excludeAccounts: ["222222222222"],
    });
    expect(parsed.concurrency).toBe(8);
  });

  it("defaults the session name to ses-guard and lets an accounts file go without --role", () => {
    expect(options(["--accounts-file", "fleet.yaml"]).fleet).toEqual({
      source: { kind: "accounts-file", file: "fleet.yaml" },
      roleSessionName: "ses-guard",
      excludeAccounts: [],
    });
  });

  it("takes --organization with --ou", () => {
    expect(
      options(["--organization", "--ou", "ou-ab12-abcdefgh,r-ab12", "--role", "r"]).fleet?.source,
    ).toEqual({
      kind: "organization",
      ous: ["ou-ab12-abcdefgh", "r-ab12"],
    });
  });

  it.each([
    [["--accounts", "111111111111", "--organization", "--role", "r"], "cli/sources-conflict"],
    [["--accounts", "111111111111", "--accounts-file", "f.yaml", "--role", "r"], "cli/sources-conflict"],
    [["--accounts", "111111111111", "--profile", "a,b", "--role", "r"], "cli/sources-conflict"],
    [["--accounts", "111111111111", "--role", "r", "--input", "a.json"], "cli/sources-conflict"],
    [["--profile", "a,b", "--account-id", "111111111111"], "cli/sources-conflict"],
    [["--accounts", "111111111111"], "cli/missing-role"],
    [["--organization"], "cli/missing-role"],
    [["--accounts", "11111111111", "--role", "r"], "cli/invalid-account-id"],
    [["--accounts", "111111111111", "--role", "r", "--exclude-accounts", "x"], "cli/invalid-account-id"],
    [["--ou", "ou-ab12-abcdefgh"], "cli/ou-without-organization"],
    [["--organization", "--ou", "nope", "--role", "r"], "cli/invalid-ou"],
    [["--role", "r"], "cli/needs-account-source"],
    [["--external-id", "abc"], "cli/needs-account-source"],
    [["--accounts", "111111111111", "--role", "r", "--concurrency", "0"], "cli/invalid-concurrency"],
    [["--concurrency", "257"], "cli/invalid-concurrency"],
    [["--concurrency", "2.5"], "cli/invalid-concurrency"],
    [
      ["--accounts", "111111111111", "--role", "r", "--role-session-name", "a b"],
      "cli/invalid-role-session-name",
    ],
    [["--accounts", "111111111111", "--role", "r", "--external-id", "x"], "cli/invalid-external-id"],
    [["accounts"], "cli/needs-account-source"],
    [["accounts", "--accounts", "111111111111", "--role", "r", "--format", "sarif"], "cli/unknown-format"],
    [["validate", "--accounts", "111111111111"], "cli/option-not-for-command"],
  ])("refuses %j (%s)", (argv, code) => {
    expect(usageCode(argv)).toBe(code);
  });

  it("takes the source flags on snapshot and accounts too", () => {
    expect(
      options(["snapshot", "--out", "s.json", "--accounts", "111111111111", "--role", "r"]).fleet,
    ).toBeDefined();
    expect(options(["accounts", "--organization", "--role", "r", "--format", "json"]).fleet).toBeDefined();
  });
});
