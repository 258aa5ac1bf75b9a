import { describe, expect, it } from "vitest";
import { createCredentialLog } from "../../src/aws/credential-log.js";

const chainOf = (...messages: string[]) => messages.map((m) => `@smithy/property-provider -> ${m}`);

describe("createCredentialLog", () => {
  it("keeps the reason of the source that mattered and skips sources that are not configured", () => {
    const log = createCredentialLog(() => undefined);
    for (const line of chainOf(
      "AWS_PROFILE is set, skipping fromEnv provider.",
      "Skipping SSO provider in default chain (inputs do not include SSO fields).",
      "Could not resolve credentials using profile: [audit] in configuration/credentials file(s).",
      "Could not load credentials from any providers",
    )) {
      log.logger.debug(line);
    }
    log.logger.debug("endpoints Resolved endpoint: {...}");
    expect(log.reason(true)).toBe(
      "Could not resolve credentials using profile: [audit] in configuration/credentials file(s).",
    );
    // Without a profile the generic message is clearer than the default profile's.
    expect(log.reason(false)).toBeUndefined();
  });

  it("always reports an expiry", () => {
    const log = createCredentialLog(() => undefined);
    for (const line of chainOf(
      "Unable to find environment variable credentials.",
      "Token is expired. To refresh this SSO session run aws sso login",
    )) {
      log.logger.debug(line);
    }
    expect(log.reason(false)).toBe("Token is expired. To refresh this SSO session run aws sso login");
  });

  it("forwards warnings and ignores everything else", () => {
    const warnings: string[] = [];
    const log = createCredentialLog((message) => warnings.push(message));
    log.logger.warn("Multiple credential sources detected");
    log.logger.info({ commandName: "GetCallerIdentityCommand" });
    log.logger.error({ error: "x" });
    expect(warnings).toEqual(["Multiple credential sources detected"]);
    expect(log.reason(true)).toBeUndefined();
  });
});
