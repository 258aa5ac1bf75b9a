/**
 * The fixture cases of the golden text and JSON reports: each a `ses-guard check` command line
 * run from the repository root. `$SNAPSHOT` stands for a snapshot with an unreadable target.
 */

/** One golden case: its name (the golden file's base name) and the CLI arguments. */
export interface GoldenCase {
  name: string;
  args: string[];
  exitCode: number;
}

/** The cases, each with the exit code the CLI must end with. */
export const goldenCases: GoldenCase[] = [
  {
    name: "recommended-probation",
    args: [
      "--input",
      "examples/accounts/probation-bounce-only.json",
      "--region",
      "us-east-1",
      "--account-id",
      "123456789012",
    ],
    exitCode: 1,
  },
  {
    name: "strict-sandbox",
    args: ["--policy", "strict", "--input", "examples/accounts/sandbox-new.json", "--region", "eu-west-1"],
    exitCode: 1,
  },
  {
    name: "strict-healthy",
    args: [
      "--policy",
      "strict",
      "--input",
      "examples/accounts/production-healthy.json",
      "--region",
      "us-east-1",
    ],
    exitCode: 0,
  },
  { name: "snapshot-unreadable-target", args: ["--input", "$SNAPSHOT"], exitCode: 3 },
  {
    name: "team-policy-eu",
    args: [
      "--policy",
      "test/fixtures/policies/good/team.yaml",
      "--input",
      "examples/accounts/probation-bounce-only.json",
      "--region",
      "eu-west-1",
      "--account-id",
      "123456789012",
    ],
    exitCode: 1,
  },
  {
    // Region and account unknown: the EU rule is evaluated anyway, the account-scoped waiver does not apply.
    name: "team-policy-unknown-target",
    args: [
      "--policy",
      "test/fixtures/policies/good/team.yaml",
      "--input",
      "examples/accounts/probation-bounce-only.json",
    ],
    exitCode: 1,
  },
  {
    // Outside the EU the EU rule is skipped; a shut-down account fails the `not` rule with its template.
    name: "team-policy-us-shutdown",
    args: [
      "--policy",
      "test/fixtures/policies/good/team.yaml",
      "--input",
      "examples/accounts/shutdown-sending-paused.json",
      "--region",
      "us-east-1",
      "--account-id",
      "123456789012",
    ],
    exitCode: 1,
  },
];
