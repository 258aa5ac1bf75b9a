/**
 * The transport of the live path bounds every attempt as a whole, over real HTTP with the real
 * SDK: a body far larger than any AWS answer is cut off (not collected into memory), a body that
 * trickles in is cut at --timeout on each attempt (the socket timeout alone only bounds silence),
 * and an HTML page (a proxy or captive portal) is named as such.
 */
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readAwsTargets } from "../../src/aws/get-account.js";
import type { TargetData } from "../../src/types.js";
import { createAwsTestEnv, useProcessEnv } from "../helpers/aws-test-env.js";
import { type BodyServer, startBodyServer } from "../helpers/body-server.js";
import { useFaultServerEnv } from "../helpers/use-fault-server.js";

const live = useFaultServerEnv();
let bodyServer: BodyServer | undefined;
afterEach(async () => {
  await bodyServer?.close();
  bodyServer = undefined;
});

async function readOne(extra: { endpointUrl?: string; timeoutSeconds?: number } = {}): Promise<TargetData> {
  const [target] = await readAwsTargets({
    regions: ["us-east-1"],
    timeoutSeconds: extra.timeoutSeconds ?? 5,
    env: live.testEnv.env,
    ...(extra.endpointUrl ? { endpointUrl: extra.endpointUrl } : {}),
  });
  return target as TargetData;
}

const MiB = 1024 * 1024;

describe("the size of a response body", () => {
  it("stops reading a chunked body past 4 MiB and reports it, without retrying", async () => {
    bodyServer = await startBodyServer({ totalBytes: 256 * MiB });
    const target = await readOne({ endpointUrl: bodyServer.url });
    expect(target.status).toBe("error");
    expect(target.error?.code).toBe("aws/response-too-large");
    expect(target.error?.message).toBe(
      "The answer to GetAccount in us-east-1 is larger than 4 MiB; a GetAccount response is a few KiB, so ses-guard stopped reading it",
    );
    // Socket buffers hold a few MiB at most beyond what was read: nowhere near the whole body.
    expect(bodyServer.bytesSent()).toBeLessThan(32 * MiB);
  });

  it("refuses a declared Content-Length past 4 MiB before reading the body", async () => {
    bodyServer = await startBodyServer({ totalBytes: 600 * MiB, declareLength: true });
    const target = await readOne({ endpointUrl: bodyServer.url });
    expect(target.error?.code).toBe("aws/response-too-large");
    expect(bodyServer.bytesSent()).toBeLessThan(32 * MiB);
  });

  it("still reads a body just under the bound", async () => {
    bodyServer = await startBodyServer({ totalBytes: 4 * MiB - 1024 });
    const target = await readOne({ endpointUrl: bodyServer.url });
    expect(target.status, JSON.stringify(target.error)).toBe("ok");
  });
});

describe("a body that trickles in", () => {
  it("is cut at --timeout on every attempt, and the SDK retries it like any timeout", async () => {
    // One byte every 100 ms: each byte resets the socket's idle timer, so only a bound on the
    // attempt as a whole ends it. Before, the first attempt ran until the Region's deadline.
    live.server.on("*", { kind: "trickle", intervalMs: 100 });
    const started = performance.now();
    const target = await readOne({ timeoutSeconds: 1 });
    const elapsed = performance.now() - started;
    expect(target.error?.code).toBe("aws/timeout");
    expect(target.error?.message).toBe("No answer from GetAccount in us-east-1 within 1 s after 3 attempts");
    expect(live.server.accountRequests("us-east-1").map((r) => r.attempt)).toEqual([
      "attempt=1; max=3",
      "attempt=2; max=3",
      "attempt=3; max=3",
    ]);
    // Three attempts of 1 s and the SDK's short backoff; far below the Region's 14.5 s deadline.
    expect(elapsed).toBeLessThan(8_000);
  });
});

describe("an HTML page instead of an AWS answer", () => {
  const page =
    "<!DOCTYPE html>\n<html><head><title>Sign in to the guest network</title></head><body>…</body></html>";

  it("says so for SES, whatever content type the page claims", async () => {
    for (const contentType of ["text/html; charset=utf-8", "application/json"]) {
      live.server.on("*", { kind: "raw", status: 200, headers: { "content-type": contentType }, body: page });
      const target = await readOne();
      expect(target.error?.code, contentType).toBe("aws/malformed-response");
      expect(target.error?.message, contentType).toBe(
        "GetAccount in us-east-1 was answered with an HTML page (HTTP 200), not by SES: a proxy, captive portal or firewall page is the likely sender",
      );
      expect(JSON.stringify(target)).not.toMatch(/SyntaxError|Unexpected token|parseAllDocuments/);
    }
  });

  it("says so for a page sent with an error status", async () => {
    live.server.on("*", { kind: "raw", status: 403, headers: { "content-type": "text/html" }, body: page });
    const target = await readOne();
    expect(target.error?.message).toContain("was answered with an HTML page (HTTP 403)");
  });

  it("says so when STS answers a web identity exchange with a page", async () => {
    const portal = await startPortal(page);
    const dir = mkdtempSync(join(tmpdir(), "ses-guard-portal-"));
    const tokenFile = join(dir, "token");
    writeFileSync(tokenFile, "eyJfake.web.identity.token");
    const aws = await createAwsTestEnv({
      endpointUrl: live.server.url,
      withoutCredentials: true,
      extra: {
        AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
        AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/ses-guard",
        AWS_ENDPOINT_URL_STS: portal.url,
      },
    });
    const restore = useProcessEnv(aws.env);
    try {
      const [target] = await readAwsTargets({ regions: ["us-east-1"], timeoutSeconds: 5, env: aws.env });
      expect(target?.error?.code).toBe("aws/no-credentials");
      expect(target?.error?.message).toContain(
        "answered with an HTML page (HTTP 200) instead of an AWS response; a proxy, captive portal or firewall may be in the way",
      );
      expect(target?.error?.message).not.toMatch(/XML|parse|Unexpected|char/i);
      expect(live.server.requests).toHaveLength(0);
    } finally {
      restore();
      await aws.cleanup();
      await portal.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A server that answers every request with the same HTML page, as a captive portal does. */
async function startPortal(page: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "text/html" });
    res.end(page);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
