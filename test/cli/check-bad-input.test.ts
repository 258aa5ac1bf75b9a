/**
 * Every bad input of issue 2, through the built CLI: exit 2, a specific message naming the file,
 * line and column where it applies, nothing on standard output, and never a stack trace.
 * Policies are in test/fixtures/policies/bad/; the CLI runs from the repository root, so it names
 * them by their repository path.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";

const bad = "test/fixtures/policies/bad";
const account = "examples/accounts/production-healthy.json";

async function expectUsageError(
  args: string[],
  stderr: string | string[],
  options: { stdin?: string; cwd?: string } = {},
) {
  const run = await runCli(args, options);
  expect(run.stderr).toBe(`${(Array.isArray(stderr) ? stderr : [stderr]).join("\n")}\n`);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(hasStackTrace(run.stderr)).toBe(false);
  expect(run.stderr).not.toContain("internal error");
  return run;
}

const checkPolicy = (file: string) => ["check", "--policy", `${bad}/${file}`, "--input", account];

describe("bad policies", () => {
  const cases: [string, string, string][] = [
    [
      "malformed YAML",
      "malformed-yaml.yaml",
      "malformed-yaml.yaml:5:1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }",
    ],
    ["an empty file", "empty.yaml", "empty.yaml:1:1: file is empty; a policy starts with `version: 1`"],
    [
      "an unsupported version",
      "unsupported-version.yaml",
      "unsupported-version.yaml:1:10: unsupported policy version 2; this ses-guard reads version: 1",
    ],
    [
      "an unknown operator, with a suggestion",
      "unknown-operator.yaml",
      'unknown-operator.yaml:6:7: unknown operator "equal" in rules[0].check (did you mean "equals"?); operators are equals, notEquals, in, notIn, contains, containsAll, containsAny, containsNone, exists, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, matches',
    ],
    [
      "two operators in one check",
      "two-operators.yaml",
      "two-operators.yaml:5:7: rules[0].check has 2 operators (equals, notEquals); a check takes exactly one — combine checks with all/any",
    ],
    [
      "an unknown path, with did you mean",
      "unknown-path.yaml",
      'unknown-path.yaml:5:13: unknown path "SendQuota.Max24HourSends" (did you mean "SendQuota.Max24HourSend"?); paths are spelt as in GetAccountResponse (e.g. SuppressionAttributes.SuppressedReasons) or are computed facts ($quotaUsedPercent, $quotaUnlimited, $region, $accountId, $accountName, $reputation.bounceRatePercent, $reputation.complaintRatePercent, $accountTags.<Key>)',
    ],
    [
      "an operator that cannot apply to the field's type",
      "operator-type.yaml",
      "operator-type.yaml:6:7: operator greaterThan cannot apply to SendingEnabled, which is a boolean; greaterThan works on number fields",
    ],
    [
      "duplicate rule ids",
      "duplicate-rule-ids.yaml",
      'duplicate-rule-ids.yaml:5:9: rule id "sending" is already used at line 3; rule ids must be unique',
    ],
    [
      "an invalid rule id",
      "invalid-rule-id.yaml",
      'invalid-rule-id.yaml:3:9: "Sending_Enabled" is not a valid rule id: use lower-case letters, digits and hyphens, starting with a letter or digit (at most 128 characters)',
    ],
    [
      "an unknown severity, with a suggestion",
      "unknown-severity.yaml",
      'unknown-severity.yaml:4:15: rules[0].severity is "erorr"; must be one of error, warning, notice (did you mean "error"?)',
    ],
    [
      "an unknown pack name, with a suggestion",
      "unknown-pack.yaml",
      'unknown-pack.yaml:2:11: unknown pack "recomended" (did you mean "recommended"?); built-in packs are recommended, reputation, strict (a file path needs a / or a .yaml ending)',
    ],
    [
      "an override naming a missing rule",
      "override-missing-rule.yaml",
      'override-missing-rule.yaml:4:3: override names rule "vdm-enable", which does not exist here (did you mean "vdm-enabled"?)',
    ],
    [
      "a waiver naming a missing rule",
      "waiver-missing-rule.yaml",
      'waiver-missing-rule.yaml:4:5: waiver names rule "vdm-enable", which does not exist (did you mean "vdm-enabled"?)',
    ],
    [
      "a waiver without a reason",
      "waiver-without-reason.yaml",
      'waiver-without-reason.yaml:4:5: waivers[0] is missing required key "reason"',
    ],
    [
      "a waiver without expires",
      "waiver-without-expires.yaml",
      'waiver-without-expires.yaml:4:5: waivers[0] is missing required key "expires"',
    ],
    [
      "a regex that does not compile (lookahead is not RE2)",
      "regex-lookahead.yaml",
      'regex-lookahead.yaml:6:16: matches on Details.WebsiteURL: invalid regular expression "^(?=https://)": error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    ],
    [
      "an enum value typo, with a suggestion",
      "enum-typo.yaml",
      'enum-typo.yaml:6:15: equals on VdmAttributes.VdmEnabled: "ENABLD" is not a valid value; valid values are ENABLED, DISABLED (did you mean "ENABLED"?)',
    ],
    [
      "an account id written as an unquoted number",
      "account-id-number.yaml",
      'account-id-number.yaml:5:16: waivers[0].accounts[0] must be a string, not number 123456789012; write account ids in quotes ("123456789012") so YAML keeps them as text',
    ],
  ];

  it.concurrent.each(cases)("%s", async (_name, file, message) => {
    await expectUsageError(checkPolicy(file), `ses-guard: ${bad}/${message}`);
  });

  it.concurrent("an extends cycle (cycle-a.yaml → cycle-b.yaml → cycle-a.yaml)", async () => {
    await expectUsageError(
      checkPolicy("cycle-a.yaml"),
      `ses-guard: ${bad}/cycle-b.yaml:2:11: extends cycle: ${bad}/cycle-a.yaml → ${bad}/cycle-b.yaml → ${bad}/cycle-a.yaml`,
    );
  });

  // Refused by counting, before anything expands: an expanded bomb would outlive runCli's kill timer.
  it.concurrent("a YAML alias bomb is refused before it expands", async () => {
    await expectUsageError(
      checkPolicy("alias-bomb.yaml"),
      `ses-guard: ${bad}/alias-bomb.yaml:2:7: file expands to more than 20000 values (aliases repeat what they point at); refusing it as a resource-exhaustion risk`,
    );
  });

  it.concurrent("several problems in one file are all reported in one run, then counted", async () => {
    const f = `ses-guard: ${bad}/several-problems.yaml`;
    await expectUsageError(checkPolicy("several-problems.yaml"), [
      `${f}:4:9: "Sending" is not a valid rule id: use lower-case letters, digits and hyphens, starting with a letter or digit (at most 128 characters)`,
      `${f}:5:15: rules[0].severity is "eror"; must be one of error, warning, notice (did you mean "error"?)`,
      `${f}:6:20: unknown path "SendingEnabld" (did you mean "SendingEnabled"?); paths are spelt as in GetAccountResponse (e.g. SuppressionAttributes.SuppressedReasons) or are computed facts ($quotaUsedPercent, $quotaUnlimited, $region, $accountId, $accountName, $reputation.bounceRatePercent, $reputation.complaintRatePercent, $accountTags.<Key>)`,
      `${f}:8:46: unknown operator "equal" in rules[1].check (did you mean "equals"?); operators are equals, notEquals, in, notIn, contains, containsAll, containsAny, containsNone, exists, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, matches`,
      `${f}:10:3: override names rule "vdm-enable", which does not exist here (did you mean "vdm-enabled"?)`,
      `${f}:12:5: waivers[0] is missing required key "reason"`,
      "ses-guard: 6 problems found",
    ]);
  });

  it.concurrent("a policy file that does not exist, and an unknown pack on the command line", async () => {
    await expectUsageError(
      ["check", "--policy", "nope.yaml", "--input", account],
      "ses-guard: cannot read policy nope.yaml: no such file",
    );
    await expectUsageError(
      ["check", "--policy", "strickt", "--input", account],
      'ses-guard: unknown pack "strickt" (did you mean "strict"?); built-in packs are recommended, reputation, strict (a file path needs a / or a .yaml ending)',
    );
  });

  it.concurrent("validate reports the same problems with the same exit code", async () => {
    await expectUsageError(
      ["validate", "--policy", `${bad}/enum-typo.yaml`],
      `ses-guard: ${bad}/enum-typo.yaml:6:15: equals on VdmAttributes.VdmEnabled: "ENABLD" is not a valid value; valid values are ENABLED, DISABLED (did you mean "ENABLED"?)`,
    );
  });
});

describe("bad --input", () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const check = (...input: string[]) => [
    "check",
    "--policy",
    "recommended",
    ...input.flatMap((i) => ["--input", i]),
  ];

  it.concurrent("a missing file", async () => {
    await expectUsageError(
      check(join(dir, "missing.json")),
      `ses-guard: cannot read input ${join(dir, "missing.json")}: no such file`,
    );
  });

  it.concurrent("a directory", async () => {
    mkdirSync(join(dir, "accounts.json"));
    await expectUsageError(
      check(join(dir, "accounts.json")),
      `ses-guard: cannot read input ${join(dir, "accounts.json")}: it is a directory`,
    );
  });

  it.concurrent("a path through a file", async () => {
    const through = join(file("plain.json", "{}"), "x.json");
    await expectUsageError(
      check(through),
      `ses-guard: cannot read input ${through}: a part of the path is not a directory`,
    );
  });

  it.skipIf(process.getuid?.() === 0)("an unreadable file (permission denied)", async () => {
    const locked = file("locked.json", "{}");
    chmodSync(locked, 0o000);
    await expectUsageError(check(locked), `ses-guard: cannot read input ${locked}: permission denied`);
  });

  it.concurrent("malformed JSON, with line and column", async () => {
    const broken = file(
      "broken.json",
      '{\n  "SendingEnabled": true,,\n  "EnforcementStatus": "HEALTHY"\n}\n',
    );
    const run = await runCli(check(broken));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^ses-guard: ${broken.replaceAll(".", "\\.")}:2:26: input is not valid JSON: `),
    );
    expect(run.stderr.split("\n")).toHaveLength(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it.concurrent("malformed JSON on standard input is named <stdin>", async () => {
    const run = await runCli(check("-"), { stdin: '{"SendingEnabled": tru}' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ses-guard: <stdin>:1:20: input is not valid JSON: /);
  });

  it.concurrent("empty input, and JSON that is not a GetAccount response", async () => {
    await expectUsageError(
      check("-"),
      "ses-guard: <stdin>: input is empty; expected the JSON output of `aws sesv2 get-account`",
    );
    await expectUsageError(
      check(file("list.json", "[]")),
      `ses-guard: ${join(dir, "list.json")}: input must be a JSON object: the output of \`aws sesv2 get-account\` or a ses-guard snapshot`,
    );
  });

  it.concurrent("two inputs that would be the same target", async () => {
    await expectUsageError(
      check(account, "examples/accounts/sandbox-new.json"),
      `ses-guard: examples/accounts/sandbox-new.json holds the same target as ${account} (region unknown, account unknown); reports could not tell them apart. Check each get-account file in its own run, labelled with --region and --account-id`,
    );
  });
});

// Each kind of usage error once through the bundle; parseCommandLine's other errors are unit-tested
// in args.test.ts, and they all leave through the same path.
describe("bad flags and values", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "an unknown flag, with a suggestion",
      ["check", "--polcy", "x"],
      /^ses-guard: unknown option --polcy \(did you mean "--policy"\?\) \(see --help\)$/,
    ],
    [
      "an unknown command, with a suggestion",
      ["chek"],
      /^ses-guard: unknown command "chek" \(did you mean "check"\?\); commands are check, validate, snapshot/,
    ],
    ["a missing value", ["check", "--input"], /^ses-guard: --input needs a value \(see --help\)$/],
    [
      "a bad --fail-on",
      ["check", "--fail-on", "warn"],
      /^ses-guard: --fail-on "warn" is not valid \(did you mean "warning"\?\); use one of error, warning, notice, none$/,
    ],
    [
      "an unknown --format",
      ["check", "--format", "jsn"],
      /^ses-guard: unknown format "jsn" \(did you mean "json"\?\); formats are text, json/,
    ],
    [
      "two formats to standard output",
      ["check", "--format", "text", "--format", "json"],
      /^ses-guard: only one format can go to standard output \(got text, json\); write the others to files with --format NAME=FILE$/,
    ],
    [
      "a bad --region",
      ["check", "--region", "us-east-1x"],
      /^ses-guard: "us-east-1x" is not an AWS region name; did you mean "us-east-1"\?$/,
    ],
    [
      "--input with several regions",
      ["check", "--input", account, "--region", "us-east-1,eu-west-1"],
      /^ses-guard: --input holds one account's data; name at most one --region to label it \(got us-east-1, eu-west-1\)$/,
    ],
    [
      "--input with --all-regions",
      ["check", "--input", account, "--all-regions"],
      /^ses-guard: --all-regions applies to reading the live account; it cannot be used with --input \(saved data\)$/,
    ],
  ];

  it.concurrent.each(cases)("%s", async (_name, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
