/** Role credentials are fetched once, shared, and fetched again only shortly before they expire. */
import { describe, expect, it } from "vitest";
import { isThrottlingError, throttleBackoffMs } from "../../src/aws/assume-role.js";
import { REFRESH_BEFORE_EXPIRY_MS, refreshingCredentials } from "../../src/aws/refreshing-credentials.js";

describe("refreshingCredentials", () => {
  it("fetches once for concurrent callers and reuses the result until near expiry", async () => {
    let clock = 0;
    let fetches = 0;
    const provider = refreshingCredentials(
      async () => {
        fetches += 1;
        return {
          accessKeyId: `key${fetches}`,
          secretAccessKey: "s",
          expiration: new Date(clock + 60 * 60 * 1000),
        };
      },
      () => clock,
    );
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a.accessKeyId).toBe("key1");
    expect(b.accessKeyId).toBe("key1");
    clock = 60 * 60 * 1000 - REFRESH_BEFORE_EXPIRY_MS - 1;
    expect((await provider()).accessKeyId).toBe("key1");
    // A long run outlives them: the next request gets fresh credentials.
    clock += 2;
    expect((await provider()).accessKeyId).toBe("key2");
    expect(fetches).toBe(2);
  });

  it("does not remember a failure", async () => {
    let calls = 0;
    const provider = refreshingCredentials(async () => {
      calls += 1;
      if (calls === 1) throw new Error("denied");
      return { accessKeyId: "k", secretAccessKey: "s" };
    });
    await expect(provider()).rejects.toThrow("denied");
    expect((await provider()).accessKeyId).toBe("k");
  });

  it("keeps credentials without an expiration", async () => {
    let fetches = 0;
    const provider = refreshingCredentials(
      async () => {
        fetches += 1;
        return { accessKeyId: "k", secretAccessKey: "s" };
      },
      () => Number.MAX_SAFE_INTEGER,
    );
    await provider();
    await provider();
    expect(fetches).toBe(1);
  });
});

describe("AssumeRole throttling", () => {
  it.each([
    [{ name: "Throttling" }, true],
    [{ name: "ThrottlingException" }, true],
    [{ name: "RequestLimitExceeded" }, true],
    [{ name: "Other", $metadata: { httpStatusCode: 429 } }, true],
    [{ name: "AccessDenied", $metadata: { httpStatusCode: 403 } }, false],
    [new Error("x"), false],
  ])("%o is throttling: %s", (error, expected) => {
    expect(isThrottlingError(error)).toBe(expected);
  });

  it("backs off from about a second, doubling, to at most 20 s", () => {
    expect(throttleBackoffMs(0, () => 0)).toBe(500);
    expect(throttleBackoffMs(0, () => 1)).toBe(1000);
    expect(throttleBackoffMs(1, () => 1)).toBe(2000);
    expect(throttleBackoffMs(10, () => 1)).toBe(20_000);
  });
});
