/**
 * Credential sources other than environment variables, through the built CLI: a profile's static
 * keys, a profile's credential_process, and a web identity token. The SDK loads each of these
 * lazily; the bundle must carry them in a form that works (they once failed in the bundle with
 * "o is not a function" while the unbundled tests passed). Then a canary planted in each credential
 * source (environment, profile keys, credential_process, web identity token, endpoint URL) must
 * appear in no output, even when an endpoint echoes everything it was sent.
 */
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/types.js";
import { runAction } from "../action/run-action.js";
import { createAwsTestEnv } from "../helpers/aws-test-env.js";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { useFaultServer } from "../helpers/use-fault-server.js";
import { type EchoEndpoint, startEchoEndpoint } from "./echo-endpoint.js";

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

/** One thing written by a run: standard output or error, or a file. */
interface Written {
  name: string;
  text: string;
}

/**
 * Runs `check` (text on standard output, every other format to a file) and `snapshot` with `env`,
 * and returns everything both wrote.
 */
async function everyOutput(
  env: Record<string, string | undefined>,
  args: readonly string[] = [],
): Promise<{ written: Written[]; codes: Array<number | null> }> {
  const { dir: cwd, cleanup: remove } = tempDir("ses-guard-canary-");
  try {
    const common = { cwd, env: { AWS_MAX_ATTEMPTS: "1", ...env }, timeoutMs: 30_000 };
    const formats = ["json", "sarif", "junit", "markdown", "github"].flatMap((f) => [
      "--format",
      `${f}=out/r.${f}`,
    ]);
    const check = await runCli(
      ["check", "--region", "us-east-1", "--timeout", "1", "--format", "text", ...formats, ...args],
      common,
    );
    const snapshot = await runCli(
      ["snapshot", "--region", "us-east-1", "--timeout", "1", "--out", "out/snapshot.json", ...args],
      common,
    );
    const written: Written[] = [
      { name: "check stdout", text: check.stdout },
      { name: "check stderr", text: check.stderr },
      { name: "snapshot stdout", text: snapshot.stdout },
      { name: "snapshot stderr", text: snapshot.stderr },
    ];
    for (const name of readdirSync(join(cwd, "out")))
      written.push({ name, text: readFileSync(join(cwd, "out", name), "utf8") });
    // The scan is of real output: the report was printed and every file written.
    expect(check.stdout.length).toBeGreaterThan(100);
    expect(written).toHaveLength(10);
    for (const run of [check, snapshot]) expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    return { written, codes: [check.code, snapshot.code] };
  } finally {
    remove();
  }
}

/** Each canary found, with where: `[]` when nothing leaked. */
function leaked(written: readonly Written[], canaries: readonly string[]): string[] {
  const forms = canaries.flatMap((canary) => [canary, encodeURIComponent(canary)]);
  return written.flatMap(({ name, text }) =>
    forms.filter((form) => text.includes(form)).map((form) => `${form} in ${name}: ${text}`),
  );
}

describe("no credential material from any source appears in any output", () => {
  let echo: EchoEndpoint;
  beforeAll(async () => {
    echo = await startEchoEndpoint();
  });
  afterAll(() => echo.close());

  /** Variables that leave only the credential source under test. */
  const noKeys = {
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
  };

  it("keys and a session token in the environment, echoed back by the endpoint", async () => {
    const secret = "envSecretCanary/0123456789+abcdef";
    const token = "envSessionTokenCanary/FwoGZXIvYXdzEJr+987";
    const { written, codes } = await everyOutput({
      AWS_ACCESS_KEY_ID: "AKIAENVCANARY0000001",
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_SESSION_TOKEN: token,
      AWS_ENDPOINT_URL: echo.url,
    });
    expect(codes).toEqual([3, 3]);
    expect(echo.requests.some((r) => r.headers["x-amz-security-token"] === token)).toBe(true);
    expect(leaked(written, [secret, token, ...echo.signatures])).toEqual([]);
    // The presigned query string and the Authorization header are redacted whole.
    expect(written.map((w) => w.text).join("\n")).not.toMatch(/X-Amz-Credential=AKIA|Credential=AKIAENV/);
  });

  it("static keys of a profile in a shared credentials file", async () => {
    const secret = "profileSecretCanary/0123456789abcdef";
    const token = "profileTokenCanary/FwoGZXIvYXdzEJr0123";
    const { dir: home, cleanup: remove } = tempDir("ses-guard-canary-home-");
    try {
      const credentials = join(home, "credentials");
      writeFileSync(
        credentials,
        `[team]\naws_access_key_id = AKIAPROFILECANARY001\naws_secret_access_key = ${secret}\naws_session_token = ${token}\n`,
      );
      const { written } = await everyOutput({
        ...noKeys,
        AWS_PROFILE: "team",
        AWS_SHARED_CREDENTIALS_FILE: credentials,
        AWS_ENDPOINT_URL: echo.url,
      });
      expect(echo.requests.some((r) => r.headers["x-amz-security-token"] === token)).toBe(true);
      expect(leaked(written, [secret, token, ...echo.signatures])).toEqual([]);
    } finally {
      remove();
    }
  });

  it("a credential_process whose command line holds a token and that prints secrets when it fails", async () => {
    const argument = "cmdLineTokenCanary0123456789";
    const printed = "processStderrCanary0123456789";
    const { dir: home, cleanup: remove } = tempDir("ses-guard-canary-home-");
    try {
      const script = join(home, "get-credentials.sh");
      const ran = join(home, "ran");
      writeFileSync(script, `#!/bin/sh\ntouch ${ran}\necho "token $1 rejected: ${printed}" >&2\nexit 1\n`, {
        mode: 0o755,
      });
      const config = join(home, "config");
      writeFileSync(config, `[profile tool]\ncredential_process = ${script} ${argument}\n`);
      const { written, codes } = await everyOutput({
        ...noKeys,
        AWS_PROFILE: "tool",
        AWS_CONFIG_FILE: config,
        AWS_ENDPOINT_URL: echo.url,
      });
      expect(codes).toEqual([3, 3]);
      expect(existsSync(ran)).toBe(true);
      expect(leaked(written, [argument, printed, script])).toEqual([]);
      expect(written[0]?.text).toContain("the credential_process command failed");
    } finally {
      remove();
    }
  });

  it("what a credential_process returned, echoed back by the endpoint", async () => {
    const secret = "processSecretCanary/0123456789abc";
    const token = "processTokenCanary/FwoGZXIvYXdzEJr456";
    const { dir: home, cleanup: remove } = tempDir("ses-guard-canary-home-");
    try {
      const script = join(home, "get-credentials.sh");
      writeFileSync(
        script,
        `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "AKIAPROCESSCANARY01", "SecretAccessKey": "${secret}", "SessionToken": "${token}"}'\n`,
        { mode: 0o755 },
      );
      const config = join(home, "config");
      writeFileSync(config, `[profile tool]\ncredential_process = ${script}\n`);
      const { written } = await everyOutput({
        ...noKeys,
        AWS_PROFILE: "tool",
        AWS_CONFIG_FILE: config,
        AWS_ENDPOINT_URL: echo.url,
      });
      expect(echo.requests.some((r) => r.headers["x-amz-security-token"] === token)).toBe(true);
      expect(leaked(written, [secret, token, script, ...echo.signatures])).toEqual([]);
    } finally {
      remove();
    }
  });

  it("a web identity token that STS echoes back in its error", async () => {
    const { dir: home, cleanup: remove } = tempDir("ses-guard-canary-home-");
    try {
      // Not shaped like a JWT: what is redacted is the token the file holds, whatever its form.
      const token = "webIdentityCanary.0123456789-abcdefXYZ";
      const file = join(home, "token");
      writeFileSync(file, `${token}\n`);
      const { written, codes } = await everyOutput({
        ...noKeys,
        AWS_WEB_IDENTITY_TOKEN_FILE: file,
        AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/ci",
        AWS_ENDPOINT_URL: echo.url,
      });
      expect(codes).toEqual([3, 3]);
      expect(
        echo.requests.some((r) => r.body.includes(`WebIdentityToken=${encodeURIComponent(token)}`)),
      ).toBe(true);
      expect(leaked(written, [token])).toEqual([]);
      // STS's answer itself is still shown, with the token taken out.
      expect(written[0]?.text).toContain("InvalidIdentityToken");
    } finally {
      remove();
    }
  });

  it("a web identity token echoed back, in the Action's log, annotations, summary, outputs and files", async () => {
    const { dir: home, cleanup: remove } = tempDir("ses-guard-canary-home-");
    try {
      const token = "actionWebIdentityCanary.0123456789-abc";
      const file = join(home, "token");
      writeFileSync(file, token);
      const run = await runAction({
        node: process.execPath,
        sesEndpoint: echo.url,
        stsEndpoint: echo.url,
        inputs: { regions: "us-east-1", "report-file": "out/report.json", "sarif-file": "out/report.sarif" },
        // As aws-actions/configure-aws-credentials leaves it for OIDC: a token file and a role.
        env: {
          AWS_ACCESS_KEY_ID: "",
          AWS_SECRET_ACCESS_KEY: "",
          AWS_WEB_IDENTITY_TOKEN_FILE: file,
          AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/ci",
        },
      });
      try {
        expect(run.code, run.stdout).toBe(3);
        expect(
          echo.requests.some((r) => r.body.includes(`WebIdentityToken=${encodeURIComponent(token)}`)),
        ).toBe(true);
        const written: Written[] = [
          { name: "log", text: `${run.stdout}\n${run.stderr}` },
          { name: "summary", text: run.summary },
          { name: "outputs", text: JSON.stringify(run.outputs) },
          ...["report.json", "report.sarif"].map((name) => ({
            name,
            text: readFileSync(join(run.workspace, "out", name), "utf8"),
          })),
        ];
        expect(run.stdout).toContain("InvalidIdentityToken");
        expect(leaked(written, [token])).toEqual([]);
      } finally {
        run.cleanup();
      }
    } finally {
      remove();
    }
  });

  it("a user name and password in the endpoint URL (--endpoint-url and AWS_ENDPOINT_URL)", async () => {
    const user = "endpointUserCanary01";
    const password = "endpointPassCanary01";
    const hanging = await startHangingEndpoint();
    try {
      const url = `http://${user}:${password}@${hanging.host}`;
      for (const [env, args] of [
        [{ AWS_ENDPOINT_URL: url }, []],
        [{}, ["--endpoint-url", url]],
      ] as const) {
        const { written, codes } = await everyOutput(env, args);
        expect(codes).toEqual([3, 3]);
        // --endpoint-url is named where the answer timed out, without what authenticates to it.
        if (args.length > 0) expect(written[0]?.text).toContain(`http://[redacted]@${hanging.host}`);
        expect(leaked(written, [user, password])).toEqual([]);
      }
    } finally {
      await hanging.close();
    }
  });
});

/** An endpoint that accepts connections and never answers: timeouts name the endpoint URL. */
async function startHangingEndpoint(): Promise<{ host: string; close: () => Promise<void> }> {
  const server = createServer(() => undefined);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
