/**
 * Credentials never appear in any output: the built CLI runs through every fault the fault server
 * can produce, and through an endpoint that echoes the signed request's headers back (in an
 * error message, an HTML error page, and the account data itself), in every format and in the
 * snapshot command. Standard output, standard error and every file written are scanned for the
 * secret access key, the session token (also URL-encoded) and every request signature the
 * endpoints saw.
 */
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAwsTestEnv, FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN } from "../helpers/aws-test-env.js";
import { runCli, tempDir } from "../helpers/cli.js";
import {
  type Behaviour,
  DEFAULT_ACCOUNT,
  type FaultServer,
  startFaultServer,
} from "../helpers/fault-server.js";

const signatures = new Set<string>();

function recordSignature(headers: IncomingHttpHeaders): void {
  const signature = /Signature=([0-9a-f]{64})/.exec(headers.authorization ?? "")?.[1];
  if (signature) signatures.add(signature);
}

/** How the echoing endpoint answers GetAccount, with the request's headers in it. */
type Echo = "error-message" | "html-page" | "account-data" | "access-denied";

/**
 * An endpoint that answers GetAccount (and STS) with the request's own headers: Authorization with
 * its signature, X-Amz-Security-Token with the session token. Scripted per region: the region of
 * the request's credential scope picks the answer.
 */
async function startEchoServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    recordSignature(req.headers);
    const echoed = JSON.stringify(req.headers);
    const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const kind = ((): Echo => {
      if (region === "eu-west-1") return "html-page";
      if (region === "ap-south-1") return "account-data";
      if (region === "eu-central-1") return "access-denied";
      return "error-message";
    })();
    req.resume();
    req.on("end", () => {
      if (kind === "html-page") {
        res.writeHead(502, { "content-type": "text/html" });
        res.end(`<html><body><h1>Bad gateway</h1><pre>${echoed}</pre></body></html>`);
      } else if (kind === "account-data") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            ...DEFAULT_ACCOUNT,
            EnforcementStatus: req.headers.authorization,
            Details: {
              ...DEFAULT_ACCOUNT.Details,
              UseCaseDescription: echoed,
              WebsiteURL: `https://example.com/?token=${encodeURIComponent(String(req.headers["x-amz-security-token"]))}`,
            },
          }),
        );
      } else {
        const type = kind === "access-denied" ? "AccessDeniedException" : "BadRequestException";
        res.writeHead(kind === "access-denied" ? 403 : 400, {
          "content-type": "application/json",
          "x-amzn-ErrorType": type,
        });
        res.end(JSON.stringify({ message: `request was ${echoed}` }));
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const FAULTS: Array<[name: string, behaviour: Behaviour]> = [
  ["access denied", { kind: "error", status: 403, type: "AccessDeniedException", message: "not authorized" }],
  [
    "expired token",
    {
      kind: "error",
      status: 403,
      type: "ExpiredTokenException",
      message: "The security token included in the request is expired",
    },
  ],
  [
    "invalid token",
    {
      kind: "error",
      status: 403,
      type: "UnrecognizedClientException",
      message: "The security token included in the request is invalid",
    },
  ],
  ["throttling", { kind: "error", status: 429, type: "TooManyRequestsException", message: "Rate exceeded" }],
  ["HTTP 500", { kind: "error", status: 500, type: "InternalFailure", message: "internal" }],
  ["a malformed body", { kind: "raw", status: 200, body: "{not json" }],
  ["a connection reset", { kind: "destroy" }],
  ["a connection cut mid-body", { kind: "destroy-mid-body" }],
  ["no answer", { kind: "hang" }],
];

let faults: FaultServer;
let echo: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  faults = await startFaultServer();
  echo = await startEchoServer();
});
afterAll(async () => {
  await faults.close();
  await echo.close();
});

/** Every form a secret could take in output: as is, and URL-encoded. */
function secretForms(): string[] {
  return [FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN].flatMap((s) => [s, encodeURIComponent(s)]);
}

function leaks(text: string): string[] {
  const found = secretForms().filter((secret) => text.includes(secret));
  for (const signature of signatures) if (text.includes(signature)) found.push(`signature ${signature}`);
  return found;
}

/** Runs check (every format) and snapshot with the fake credentials, and scans everything they wrote. */
async function scanRuns(
  endpointUrl: string,
  regions: string,
  attempts = "2",
): Promise<{ codes: number[]; scanned: number }> {
  const aws = await createAwsTestEnv({ endpointUrl, extra: { AWS_MAX_ATTEMPTS: attempts } });
  const { dir, cleanup } = tempDir("ses-guard-secrets-");
  try {
    const env = { ...aws.env, NO_COLOR: "1" };
    const common = { cwd: dir, env, timeoutMs: 30_000 };
    const check = await runCli(
      [
        "check",
        "--region",
        regions,
        "--timeout",
        "1",
        ...["json", "sarif", "junit", "markdown", "github"].flatMap((f) => [
          "--format",
          `${f}=out/report.${f}`,
        ]),
      ],
      common,
    );
    const snapshot = await runCli(
      ["snapshot", "--region", regions, "--timeout", "1", "--out", "out/snapshot.json"],
      common,
    );
    // The fault server only records requests; take their signatures before scanning for them.
    // (The echo server records its own as it answers.)
    for (const r of faults.requests) recordSignature(r.headers);
    let scanned = 0;
    for (const run of [check, snapshot]) {
      expect(leaks(run.stdout), run.stdout).toEqual([]);
      expect(leaks(run.stderr), run.stderr).toEqual([]);
    }
    for (const name of readdirSync(join(dir, "out"))) {
      const text = readFileSync(join(dir, "out", name), "utf8");
      expect(leaks(text), `${name}: ${text}`).toEqual([]);
      scanned += 1;
    }
    // Something was actually read back and printed: the scan is not of empty output.
    expect(check.stdout.length).toBeGreaterThan(100);
    return { codes: [check.code ?? -1, snapshot.code ?? -1], scanned };
  } finally {
    cleanup();
    await aws.cleanup();
  }
}

describe("credentials never appear in output", () => {
  it.each(FAULTS)("through %s, in every format and the snapshot", async (_, behaviour) => {
    faults.on("*", behaviour);
    // Retried messages are covered by the other faults; one attempt keeps the silent one short.
    const { codes, scanned } = await scanRuns(faults.url, "us-east-1", behaviour.kind === "hang" ? "1" : "2");
    expect(codes).toEqual([3, 3]);
    expect(scanned).toBe(6);
    // The signed requests really carried the session token and a signature.
    const request = faults.requests.find((r) => r.operation === "GetAccount");
    expect(request?.headers["x-amz-security-token"]).toBe(FAKE_SESSION_TOKEN);
    expect(request?.headers.authorization).toMatch(/Signature=[0-9a-f]{64}/);
  });

  it("when the endpoint echoes the signed request back: in an error, an HTML page, the account data", async () => {
    const { codes, scanned } = await scanRuns(echo.url, "us-east-1,eu-west-1,ap-south-1,eu-central-1");
    expect(codes).toEqual([3, 3]);
    expect(scanned).toBe(6);
    expect(signatures.size).toBeGreaterThan(3);
  });
});
