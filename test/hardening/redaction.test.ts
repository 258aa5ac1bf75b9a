/**
 * src/aws/redact.ts and src/aws/credential-material.ts on their own: every form of credential
 * material that can reach an error message, table by table.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { classifyCredentialsError } from "../../src/aws/aws-errors.js";
import { createCredentialLog } from "../../src/aws/credential-log.js";
import { credentialMaterial, urlCredentials } from "../../src/aws/credential-material.js";
import { redactSecrets } from "../../src/aws/redact.js";
import { parseCommandLine } from "../../src/cli/args.js";

const dir = mkdtempSync(join(tmpdir(), "ses-guard-redact-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIGNATURE = "a".repeat(64);

describe("redactSecrets without knowing the secret", () => {
  it.each([
    [
      "an Authorization header",
      `Authorization: AWS4-HMAC-SHA256 Credential=AKIAABCDEFGHIJKLMNOP/20260101/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=${SIGNATURE}`,
      "Authorization: [redacted]",
    ],
    [
      "an Authorization header in echoed JSON",
      `{"authorization":"AWS4-HMAC-SHA256 Credential=AKIAABCDEFGHIJKLMNOP/x, Signature=${SIGNATURE}","host":"h"}`,
      `{"authorization":"[redacted]","host":"h"}`,
    ],
    [
      "the header value alone",
      `was AWS4-HMAC-SHA256 Credential=AKIAABCDEFGHIJKLMNOP/20260101/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=${SIGNATURE} end`,
      "was [redacted] end",
    ],
    [
      "a presigned query string",
      `GET /?X-Amz-Credential=AKIAABCDEFGHIJKLMNOP%2F20260101&X-Amz-Security-Token=FwoGZXIvYXdzEJr%2Babc&X-Amz-Signature=${SIGNATURE}&x=1`,
      "GET /?X-Amz-Credential=[redacted]&X-Amz-Security-Token=[redacted]&X-Amz-Signature=[redacted]&x=1",
    ],
    [
      "a security token header",
      "x-amz-security-token: FwoGZXIvYXdzEJr/abc+def",
      "x-amz-security-token: [redacted]",
    ],
    [
      "a web identity token in a form body",
      "Action=AssumeRoleWithWebIdentity&WebIdentityToken=tokenValue123456&Version=2011-06-15",
      "Action=AssumeRoleWithWebIdentity&WebIdentityToken=[redacted]&Version=2011-06-15",
    ],
    [
      "a JSON Web Token anywhere",
      "Token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvIn0.c2lnbmF0dXJl is bad",
      "Token [redacted] is bad",
    ],
    ["a bearer token", "Authorization was Bearer abcdefgh12345678", "Authorization was Bearer [redacted]"],
    [
      "a user name and password in a URL",
      "no answer at https://deploy:hunter2hunter2@proxy.example:8443/v2",
      "no answer at https://[redacted]@proxy.example:8443/v2",
    ],
    [
      "a credential_process line",
      "credential_process = /usr/bin/get-creds --token abc123 --role x",
      "credential_process = [redacted]",
    ],
    [
      "keys as the shared files spell them",
      "aws_secret_access_key=abcDEF123/+x aws_session_token = FwoGZX",
      "aws_secret_access_key=[redacted] aws_session_token = [redacted]",
    ],
  ])("%s", (_, text, expected) => {
    expect(redactSecrets(text, [])).toBe(expected);
  });

  it("leaves ordinary text alone", () => {
    const text =
      "Access denied: the identity is not authorized to call ses:GetAccount in us-east-1 (see https://docs.aws.amazon.com/ses/)";
    expect(redactSecrets(text, [])).toBe(text);
  });
});

describe("redactSecrets with known secrets", () => {
  it("removes a known secret plain and URL-encoded, the longest first", () => {
    const secret = "abc/def+ghi=jkl";
    expect(redactSecrets(`x ${secret} y ${encodeURIComponent(secret)}`, [secret, "abc/def+"])).toBe(
      "x [redacted] y [redacted]",
    );
  });
});

describe("credentialMaterial", () => {
  it("finds the keys, the web identity token, profile secrets, process command lines and URL passwords", () => {
    const token = join(dir, "token");
    writeFileSync(token, "webIdentityTokenValue\n");
    const config = join(dir, "config");
    writeFileSync(
      config,
      "[profile a]\ncredential_process = /bin/creds --secret s3cr3t-arg\nregion = eu-west-1\n",
    );
    const credentials = join(dir, "credentials");
    writeFileSync(
      credentials,
      "[b]\naws_access_key_id = AKIAB\naws_secret_access_key = profileSecretValue\n",
    );
    const material = credentialMaterial(
      {
        AWS_SECRET_ACCESS_KEY: "envSecretValue",
        AWS_SESSION_TOKEN: "envSessionToken",
        AWS_WEB_IDENTITY_TOKEN_FILE: token,
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: credentials,
        AWS_ENDPOINT_URL_SESV2: "https://user1:pa%24%24word@proxy.example",
      },
      "http://other:otherPassword@127.0.0.1:1",
    );
    expect(material).toEqual(
      expect.arrayContaining([
        "envSecretValue",
        "envSessionToken",
        "webIdentityTokenValue",
        "/bin/creds --secret s3cr3t-arg",
        "profileSecretValue",
        "pa%24%24word",
        "pa$$word",
        "otherPassword",
      ]),
    );
    expect(material).not.toContain("eu-west-1");
    expect(material).not.toContain("AKIAB");
  });

  it("reads nothing that is not a regular file (a named pipe would block)", () => {
    expect(
      credentialMaterial({ AWS_WEB_IDENTITY_TOKEN_FILE: dir, AWS_CONFIG_FILE: "/dev/null", HOME: dir }),
    ).toEqual([]);
  });

  it("takes URLs without a user name as they are", () => {
    expect(urlCredentials("http://127.0.0.1:4566")).toEqual([]);
  });
});

describe("where SDK errors become ses-guard errors", () => {
  it("keeps a failed credential_process's command line and output out of the message", () => {
    const info = classifyCredentialsError(
      new Error("Command failed: /bin/creds --token abc123\nabc123 was rejected"),
      "ci",
    );
    expect(info.message).not.toMatch(/abc123|\/bin\/creds/);
    expect(info.message).toContain('for profile "ci": the credential_process command failed');
  });

  it("redacts what it was told is secret, even before any key was resolved", () => {
    const info = classifyCredentialsError(
      new Error("token knownTokenValue1 rejected"),
      undefined,
      undefined,
      ["knownTokenValue1"],
    );
    expect(info.message).toBe("No AWS credentials found: token [redacted] rejected");
  });

  it("redacts the SDK's warnings before they reach standard error", () => {
    const warnings: string[] = [];
    const log = createCredentialLog((message) => warnings.push(message), ["knownSecretValue"]);
    log.logger.warn("profile uses knownSecretValue and https://u:password1@h");
    expect(warnings).toEqual(["profile uses [redacted] and https://[redacted]@h"]);
  });
});

describe("the command line", () => {
  it("does not repeat the password of an --endpoint-url it refuses", () => {
    let message = "";
    try {
      parseCommandLine(["check", "--endpoint-url", "ftp://deploy:endpointPassword1@proxy.example"]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('--endpoint-url "ftp://[redacted]@proxy.example" is not an http(s) URL');
  });
});
