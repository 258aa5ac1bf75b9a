/**
 * The fault classifier on its own, table-driven, with errors shaped like the ones the SDK, the
 * credential chain and Node throw (the integration tests produce the real ones over HTTP).
 */
import { describe, expect, it } from "vitest";
import {
  AwsErrorCode,
  classifyAwsError,
  classifyCredentialsError,
  oneLine,
  redactSecrets,
} from "../../src/aws/aws-errors.js";

const context = { region: "eu-west-1", timeoutSeconds: 10, secrets: [] as string[] };

function serviceError(name: string, status: number, message: string, attempts = 1) {
  return {
    name,
    message,
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status, attempts },
  };
}

function networkError(code: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(`${code} happened`), { code, $metadata: { attempts: 3 } }, extra);
}

describe("classifyAwsError", () => {
  it.each([
    [serviceError("AccessDeniedException", 403, "not authorized"), AwsErrorCode.accessDenied],
    [
      serviceError("AccessDenied", 403, "explicit deny in a service control policy"),
      AwsErrorCode.accessDenied,
    ],
    [
      serviceError("Forbidden", 403, "User is not authorized to perform ses:GetAccount"),
      AwsErrorCode.accessDenied,
    ],
    [
      serviceError("ExpiredTokenException", 403, "The security token included in the request is expired"),
      AwsErrorCode.expiredToken,
    ],
    [serviceError("ExpiredToken", 400, "token expired"), AwsErrorCode.expiredToken],
    [
      serviceError(
        "UnrecognizedClientException",
        403,
        "The security token included in the request is invalid.",
      ),
      AwsErrorCode.invalidToken,
    ],
    [
      serviceError("InvalidClientTokenId", 403, "The security token included in the request is invalid."),
      AwsErrorCode.invalidToken,
    ],
    [
      serviceError("SignatureDoesNotMatch", 403, "The request signature we calculated does not match"),
      AwsErrorCode.invalidToken,
    ],
    [serviceError("TooManyRequestsException", 429, "Too many requests", 3), AwsErrorCode.throttled],
    [serviceError("ThrottlingException", 400, "Rate exceeded", 3), AwsErrorCode.throttled],
    [serviceError("InternalFailure", 500, "boom", 3), AwsErrorCode.serverError],
    [serviceError("ServiceUnavailableException", 503, "down", 3), AwsErrorCode.serverError],
    [networkError("ECONNREFUSED", { address: "127.0.0.1", port: 9 }), AwsErrorCode.connectionRefused],
    [networkError("ECONNRESET", { name: "TimeoutError" }), AwsErrorCode.connectionReset],
    [networkError("EPIPE"), AwsErrorCode.connectionReset],
    [networkError("ENOTFOUND", { hostname: "email.xx-nowhere-1.amazonaws.com" }), AwsErrorCode.dns],
    [networkError("EAI_AGAIN", { hostname: "email.us-east-1.amazonaws.com" }), AwsErrorCode.dns],
    [networkError("EHOSTUNREACH"), AwsErrorCode.networkUnreachable],
    [networkError("UNABLE_TO_VERIFY_LEAF_SIGNATURE"), AwsErrorCode.tls],
    [networkError("ETIMEDOUT", { name: "TimeoutError" }), AwsErrorCode.timeout],
    [
      { name: "SyntaxError", message: "Unexpected token '<'", $metadata: { httpStatusCode: 200 } },
      AwsErrorCode.malformedResponse,
    ],
    [
      { name: "CredentialsProviderError", message: "Could not load credentials from any providers" },
      AwsErrorCode.noCredentials,
    ],
    [serviceError("BadRequestException", 400, "bad"), AwsErrorCode.unknown],
    ["something odd", AwsErrorCode.unknown],
  ])("classifies %o as %s", (error, code) => {
    const info = classifyAwsError(error, context);
    expect(info.code).toBe(code);
    expect(info.message).not.toMatch(/[\r\n]/);
    expect(info.message.length).toBeGreaterThan(10);
  });

  it("says how many attempts were made", () => {
    expect(
      classifyAwsError(serviceError("TooManyRequestsException", 429, "slow down", 3), context).message,
    ).toBe("SES throttled GetAccount in eu-west-1 after 3 attempts (TooManyRequestsException: slow down)");
    expect(
      classifyAwsError(serviceError("TooManyRequestsException", 429, "slow down", 1), context).message,
    ).toBe("SES throttled GetAccount in eu-west-1 (TooManyRequestsException: slow down)");
  });

  it("names the host for network faults", () => {
    expect(
      classifyAwsError(networkError("ENOTFOUND", { hostname: "email.eu-west-1.amazonaws.com" }), context)
        .message,
    ).toBe("Could not resolve email.eu-west-1.amazonaws.com (ENOTFOUND) while reading eu-west-1");
    expect(
      classifyAwsError(networkError("ECONNREFUSED", { address: "127.0.0.1", port: 4566 }), context).message,
    ).toBe("Connection refused by 127.0.0.1:4566 while reading eu-west-1 after 3 attempts");
  });

  it("points endpoint problems at --endpoint-url when one is set", () => {
    const overridden = { ...context, endpointUrl: "http://localhost:8005" };
    expect(classifyAwsError(networkError("ECONNREFUSED"), overridden).hint).toContain("--endpoint-url");
    expect(classifyAwsError(networkError("ECONNREFUSED"), context).hint).not.toContain("--endpoint-url");
    expect(
      classifyAwsError(serviceError("UnknownOperationException", 404, "nope"), overridden).hint,
    ).toContain("--endpoint-url");
  });

  it("puts the minimal IAM policy in the access-denied hint, on one line", () => {
    const info = classifyAwsError(serviceError("AccessDeniedException", 403, "denied"), context);
    expect(info.hint).toContain('"Action":["ses:GetAccount"]');
    expect(info.hint).not.toMatch(/\n/);
  });

  it("reports an exceeded overall deadline and an interrupt whatever the error", () => {
    const error = { name: "AbortError", message: "This operation was aborted" };
    expect(classifyAwsError(error, { ...context, deadlineExceeded: true }).code).toBe(AwsErrorCode.timeout);
    expect(classifyAwsError(error, { ...context, aborted: true })).toEqual({
      code: AwsErrorCode.aborted,
      message: "Interrupted before GetAccount in eu-west-1 finished",
    });
  });

  it("removes secrets and control characters from what AWS sent", () => {
    const info = classifyAwsError(
      serviceError("BadRequestException", 400, "key wJalrXUtnFEMI/K7MDENG\r\n\u001b[31mred"),
      {
        ...context,
        secrets: ["wJalrXUtnFEMI/K7MDENG"],
      },
    );
    expect(info.message).toBe(
      "GetAccount in eu-west-1 failed: HTTP 400 BadRequestException: key [redacted] [31mred",
    );
  });
});

describe("classifyCredentialsError", () => {
  it("tells missing credentials from expired ones, naming the profile", () => {
    const missing = classifyCredentialsError(
      { name: "CredentialsProviderError", message: "Could not load credentials from any providers" },
      "audit",
    );
    expect(missing.code).toBe(AwsErrorCode.noCredentials);
    expect(missing.message).toBe(
      'No AWS credentials found for profile "audit": CredentialsProviderError: Could not load credentials from any providers',
    );
    const expired = classifyCredentialsError({
      name: "TokenProviderError",
      message: "The SSO session associated with this profile has expired or is otherwise invalid.",
    });
    expect(expired.code).toBe(AwsErrorCode.expiredToken);
    expect(expired.hint).toContain("aws sso login");
  });
});

describe("redactSecrets and oneLine", () => {
  it("redacts known secrets and secret-looking assignments", () => {
    expect(redactSecrets("a SECRETVALUE123 b SECRETVALUE123", ["SECRETVALUE123"])).toBe(
      "a [redacted] b [redacted]",
    );
    expect(redactSecrets("aws_secret_access_key=abc123XYZ rest", [])).toBe(
      "aws_secret_access_key=[redacted] rest",
    );
    expect(redactSecrets('"SessionToken": "FwoGZX"', [])).toBe('"SessionToken": "[redacted]"');
    // Too short to be a real secret: replacing it would mangle ordinary words.
    expect(redactSecrets("abc", ["abc"])).toBe("abc");
  });

  it("keeps messages on one bounded line", () => {
    expect(oneLine("a\n\tb\r\nc")).toBe("a b c");
    expect(oneLine("x".repeat(600))).toHaveLength(500);
  });
});
