/**
 * Credential sources other than environment variables, through the built CLI: a profile's static
 * keys, a profile's credential_process, and a web identity token. The SDK loads each of these
 * lazily; the bundle must carry them in a form that works (they once failed in the bundle with
 * "o is not a function" while the unbundled tests passed).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { createAwsTestEnv } from "../helpers/aws-test-env.js";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { useFaultServer } from "../helpers/use-fault-server.js";

const live = useFaultServer();
const { dir, cleanup } = tempDir("ses-guard-credentials-");
afterAll(cleanup);

/** Runs a live check with no credentials in the environment, only what `files` configure. */
async function checkWith(
  files: { config?: string; credentials?: string },
  extra: Record<string, string> = {},
) {
  const aws = await createAwsTestEnv({ endpointUrl: live.server.url, withoutCredentials: true, ...files });
  try {
    const run = await runCli(["check", "--region", "us-east-1", "--format", "json", "--timeout", "2"], {
      cwd: dir,
      env: {
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SESSION_TOKEN: undefined,
        AWS_ENDPOINT_URL: live.server.url,
        AWS_CONFIG_FILE: aws.env.AWS_CONFIG_FILE,
        AWS_SHARED_CREDENTIALS_FILE: aws.env.AWS_SHARED_CREDENTIALS_FILE,
        HOME: aws.dir,
        ...extra,
      },
    });
    expect(hasStackTrace(run.stderr)).toBe(false);
    return { run, report: JSON.parse(run.stdout) as Report };
  } finally {
    await aws.cleanup();
  }
}

function signedBy(): string[] {
  return live.server.requests
    .filter((r) => r.operation === "GetAccount")
    .map((r) => /Credential=([^/]+)\//.exec(r.headers.authorization ?? "")?.[1] ?? "unsigned");
}

describe("credential sources in the bundled CLI", () => {
  it("signs with a profile's static keys", async () => {
    const { run, report } = await checkWith(
      {
        credentials:
          "[team]\naws_access_key_id = AKIAPROFILESTATIC01\naws_secret_access_key = profileSecretNotReal0123\n",
      },
      { AWS_PROFILE: "team" },
    );
    expect(report.targets[0], run.stderr).toMatchObject({ status: "ok", accountId: "123456789012" });
    expect(signedBy()).toEqual(["AKIAPROFILESTATIC01"]);
  });

  it("signs with what a profile's credential_process returned", async () => {
    const script = join(dir, "credentials.sh");
    writeFileSync(
      script,
      `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "AKIAPROCESSCREDS01", "SecretAccessKey": "processSecretNotReal0123"}'\n`,
      { mode: 0o755 },
    );
    const { run, report } = await checkWith(
      { config: `[profile tool]\ncredential_process = ${script}\n` },
      { AWS_PROFILE: "tool" },
    );
    expect(report.targets[0], run.stderr).toMatchObject({ status: "ok" });
    expect(signedBy()).toEqual(["AKIAPROCESSCREDS01"]);
  });

  it("exchanges a web identity token at STS", async () => {
    const token = join(dir, "token");
    writeFileSync(token, "eyJfake.web.identity");
    const { report } = await checkWith(
      {},
      { AWS_WEB_IDENTITY_TOKEN_FILE: token, AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/ci" },
    );
    // The fault server does not speak AssumeRoleWithWebIdentity: what matters is that the token
    // provider ran and asked STS, and that the failure says so rather than "is not a function".
    const exchange = live.server.requests.find((r) => /Action=AssumeRoleWithWebIdentity/.test(r.body));
    expect(exchange?.body).toContain("WebIdentityToken=eyJfake.web.identity");
    expect(report.targets[0]?.status).toBe("error");
    expect(report.targets[0]?.error?.message).not.toMatch(/is not a function/);
  });
});
