/**
 * Flags are never silently dropped (through the bundle): a single-valued flag given twice, a flag
 * that does not apply to the data being checked, a profile that does not exist, a misspelt Region.
 * Every case exits 2 before anything is read or printed on standard output.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { accountsDir, hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { snapshotJson } from "../helpers/snapshot.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const account = join(accountsDir, "production-healthy.json");
const snapshot = join(dir, "snapshot.json");
writeFileSync(
  snapshot,
  snapshotJson([
    {
      region: "eu-west-1",
      accountId: "111111111111",
      status: "ok",
      account: { SendingEnabled: true },
    },
  ]),
);

const CANARY_KEY = "AKIAPROFILECANARY0001";
const CANARY_SECRET = "profileCanarySecret/NeverPrinted";
const config = join(dir, "config");
const credentials = join(dir, "credentials");
writeFileSync(
  config,
  [
    "[default]",
    "region = us-east-1",
    "[profile prod]",
    "role_arn = arn:aws:iam::123456789012:role/CanaryRoleName",
    "source_profile = default",
    "[profile staging]",
    "credential_process = /usr/bin/canary-credential-command --secret",
    "[sso-session corp]",
    "sso_start_url = https://canary.awsapps.com/start",
    "",
  ].join("\n"),
);
writeFileSync(
  credentials,
  ["[ci]", `aws_access_key_id = ${CANARY_KEY}`, `aws_secret_access_key = ${CANARY_SECRET}`, ""].join("\n"),
);
const profileEnv = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };

async function refused(args: string[], env: Record<string, string> = {}): Promise<string> {
  const run = await runCli(args, { cwd: dir, env });
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe("");
  expect(hasStackTrace(run.stderr)).toBe(false);
  return run.stderr;
}

describe("flags are never silently dropped", () => {
  it.concurrent.each([
    ["--fail-on", ["--input", account, "--fail-on", "none", "--fail-on", "error"]],
    ["--format", ["--input", account, "--format", "json", "--format", "sarif"]],
    ["--account-id", ["--input", account, "--account-id", "111111111111", "--account-id", "222222222222"]],
    ["--timeout", ["--region", "us-east-1", "--timeout", "5", "--timeout", "1"]],
    ["--out", ["snapshot", "--out", "a.json", "--out=b.json"]],
  ])("%s given twice is refused", async (flag, args) => {
    const stderr = await refused(args);
    // --format is repeatable; two formats on standard output is its own error.
    if (flag === "--format") expect(stderr).toContain("only one format can go to standard output");
    else
      expect(stderr).toBe(
        `ses-guard: ${flag} is given more than once; it takes one value, so give it once (see --help)\n`,
      );
  });

  it.concurrent.each(["--profile=prod", "--endpoint-url=http://127.0.0.1:9", "--timeout=5", "--all-regions"])(
    "%s with --input is refused: nothing would be read live",
    async (flag) => {
      expect(await refused(["--input", account, flag])).toBe(
        `ses-guard: ${flag.split("=")[0]} applies to reading the live account; it cannot be used with --input (saved data)\n`,
      );
    },
  );

  it.concurrent("--region and --account-id label a get-account input, but not a snapshot", async () => {
    const labelled = await runCli(
      ["--input", account, "--region", "eu-west-2", "--account-id", "123456789012", "--format", "json"],
      { cwd: dir },
    );
    expect(labelled.code, labelled.stderr).toBe(0);
    expect((JSON.parse(labelled.stdout) as { targets: unknown[] }).targets).toEqual([
      { region: "eu-west-2", accountId: "123456789012", status: "ok" },
    ]);
    expect(await refused(["--input", snapshot, "--account-id", "123456789012"])).toBe(
      `ses-guard: --account-id labels a get-account input; ${snapshot} is a snapshot, which names the Region and account of each target itself: leave it out\n`,
    );
    expect(
      await refused(["--input", "snapshot.json", "--region", "eu-west-1", "--account-id", "111111111111"]),
    ).toBe(
      "ses-guard: --region and --account-id label a get-account input; snapshot.json is a snapshot, which names the Region and account of each target itself: leave them out\n",
    );
  });

  it.concurrent("a mistyped --profile names the profiles that exist, and nothing else from the files", async () => {
    for (const command of ["check", "snapshot"]) {
      const stderr = await refused(
        [
          command,
          "--profile",
          "prodd",
          "--region",
          "us-east-1",
          ...(command === "snapshot" ? ["--out", "s.json"] : []),
        ],
        profileEnv,
      );
      expect(stderr).toBe(
        'ses-guard: --profile "prodd" is not in the AWS config or credentials file (did you mean "prod"?); profiles there: ci, default, prod, staging\n',
      );
      for (const secret of [
        CANARY_KEY,
        CANARY_SECRET,
        "CanaryRoleName",
        "canary-credential-command",
        "canary.awsapps",
        "corp",
      ]) {
        expect(stderr).not.toContain(secret);
      }
    }
    expect(
      await refused(["--profile", "prod", "--region", "us-east-1"], {
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: join(dir, "missing"),
      }),
    ).toBe(
      'ses-guard: --profile "prod" is not in the AWS config or credentials file; no profiles are defined there\n',
    );
  });

  it.concurrent("a profile that exists is read (here: its credentials fail on the closed port, exit 3)", async () => {
    const run = await runCli(["--profile", "ci", "--region", "us-east-1", "--format", "json"], {
      cwd: dir,
      env: profileEnv,
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout + run.stderr).not.toContain(CANARY_SECRET);
  });

  it.concurrent("--region us-east1 offers a did-you-mean", async () => {
    expect(await refused(["--region", "us-east1"])).toBe(
      'ses-guard: "us-east1" is not an AWS region name; did you mean "us-east-1"?\n',
    );
  });

  it.concurrent("--timeout 0 names the range that is accepted", async () => {
    expect(await refused(["--region", "us-east-1", "--timeout", "0"])).toBe(
      'ses-guard: --timeout "0" must be a number of seconds from 0.1 to 3600\n',
    );
  });
});
