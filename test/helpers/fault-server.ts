import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { listenOnLoopback } from "./loopback.js";

/** What the server does with one request. */
export type Behaviour =
  /** 200 with a GetAccount body (the default account when none is given). */
  | { kind: "ok"; account?: unknown; delayMs?: number }
  /** An SES error in rest-json form: `x-amzn-ErrorType` header and `{"message": ...}` body. */
  | { kind: "error"; status: number; type: string; message: string; delayMs?: number }
  /** Any status, headers and body, sent verbatim (malformed JSON, HTML from a proxy, ...). */
  | { kind: "raw"; status: number; headers?: Record<string, string>; body: string; delayMs?: number }
  /** Close the connection without answering. */
  | { kind: "destroy"; delayMs?: number }
  /** Send the status line, headers and part of the body, then cut the connection. */
  | { kind: "destroy-mid-body"; delayMs?: number }
  /** 200 and headers at once, then the body one byte every `intervalMs` (a stalled proxy). */
  | { kind: "trickle"; intervalMs: number }
  /** Never answer (until the server closes). */
  | { kind: "hang" };

/** What STS GetCallerIdentity answers. */
export type StsBehaviour =
  | { kind: "ok"; account: string; arn?: string; delayMs?: number }
  | { kind: "error"; status: number; code: string; message: string }
  | { kind: "hang" };

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** `GetAccount`, `GetCallerIdentity` or `other`. */
  operation: "GetAccount" | "GetCallerIdentity" | "other";
  /** The region of the SigV4 credential scope, if the request was signed. */
  region: string | undefined;
  /** The signing service of the credential scope (`ses`, `sts`). */
  service: string | undefined;
  /** The SDK's `amz-sdk-request` header, e.g. `attempt=2; max=3`. */
  attempt: string | undefined;
  headers: IncomingMessage["headers"];
  body: string;
  /** Milliseconds since the server started. */
  at: number;
}

/** A running fault server. */
export interface FaultServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /**
   * Scripts GetAccount for a region (`*` for any region without its own script). Behaviours are
   * used in order, one per request; the last one repeats.
   */
  on(region: string, ...behaviours: Behaviour[]): void;
  /** Scripts STS GetCallerIdentity (same ordering rules). */
  onSts(...behaviours: StsBehaviour[]): void;
  /** Every request received so far. */
  requests: RecordedRequest[];
  /** GetAccount requests received for one region. */
  accountRequests(region: string): RecordedRequest[];
  /** Forgets scripts and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

/** A full, healthy GetAccount answer: what real SES returns for a production account. */
export const DEFAULT_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: true,
  EnforcementStatus: "HEALTHY",
  ProductionAccessEnabled: true,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 1200 },
  SendingEnabled: true,
  SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
  Details: {
    MailType: "TRANSACTIONAL",
    WebsiteURL: "https://example.com",
    ContactLanguage: "EN",
    UseCaseDescription: "Receipts",
    AdditionalContactEmailAddresses: ["ops@example.com"],
    ReviewDetails: { Status: "GRANTED", CaseId: "1234567890" },
  },
  VdmAttributes: { VdmEnabled: "ENABLED" },
};

const CREDENTIAL_SCOPE = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

/** Starts a fault server on a free loopback port. */
export async function startFaultServer(): Promise<FaultServer> {
  const scripts = new Map<string, { queue: Behaviour[]; used: number }>();
  let sts: { queue: StsBehaviour[]; used: number } = {
    queue: [{ kind: "ok", account: "123456789012" }],
    used: 0,
  };
  const requests: RecordedRequest[] = [];
  const started = Date.now();

  const next = <T>(script: { queue: T[]; used: number }): T | undefined => {
    const item = script.queue[Math.min(script.used, script.queue.length - 1)];
    script.used += 1;
    return item;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const scope = CREDENTIAL_SCOPE.exec(req.headers.authorization ?? "");
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const operation =
        req.method === "GET" && path === "/v2/email/account"
          ? "GetAccount"
          : req.method === "POST" && path === "/" && /Action=GetCallerIdentity/.test(body)
            ? "GetCallerIdentity"
            : "other";
      const region = scope?.[1];
      const attemptHeader = req.headers["amz-sdk-request"];
      requests.push({
        method: req.method ?? "",
        path,
        operation,
        region,
        service: scope?.[2],
        attempt: Array.isArray(attemptHeader) ? attemptHeader[0] : attemptHeader,
        headers: req.headers,
        body,
        at: Date.now() - started,
      });
      if (operation === "GetAccount") {
        const script = scripts.get(region ?? "") ?? scripts.get("*");
        const behaviour = script ? next(script) : undefined;
        respondAccount(req, res, behaviour ?? { kind: "ok" });
      } else if (operation === "GetCallerIdentity") {
        respondSts(res, next(sts) ?? { kind: "hang" });
      } else {
        res.writeHead(404, {
          "content-type": "application/json",
          "x-amzn-ErrorType": "UnknownOperationException",
        });
        res.end(JSON.stringify({ message: `fault server: no such operation ${req.method} ${path}` }));
      }
    });
  });
  const listener = await listenOnLoopback(server);

  return {
    url: listener.url,
    on(region, ...behaviours) {
      scripts.set(region, { queue: behaviours, used: 0 });
    },
    onSts(...behaviours) {
      sts = { queue: behaviours, used: 0 };
    },
    requests,
    accountRequests(region) {
      return requests.filter((r) => r.operation === "GetAccount" && r.region === region);
    },
    reset() {
      scripts.clear();
      sts = { queue: [{ kind: "ok", account: "123456789012" }], used: 0 };
      requests.length = 0;
    },
    async close() {
      // Hanging requests would keep close() waiting forever: listener.close() cuts them.
      await listener.close();
    },
  };
}

function later(delayMs: number | undefined, action: () => void): void {
  if (delayMs && delayMs > 0) setTimeout(action, delayMs);
  else action();
}

function respondAccount(req: IncomingMessage, res: ServerResponse, behaviour: Behaviour): void {
  switch (behaviour.kind) {
    case "ok":
      later(behaviour.delayMs, () => {
        if (res.destroyed) return;
        res.writeHead(200, { "content-type": "application/json", "x-amzn-RequestId": "fault-server-ok" });
        res.end(JSON.stringify(behaviour.account ?? DEFAULT_ACCOUNT));
      });
      return;
    case "error":
      later(behaviour.delayMs, () => {
        if (res.destroyed) return;
        res.writeHead(behaviour.status, {
          "content-type": "application/json",
          "x-amzn-RequestId": "fault-server-error",
          // Real services append a namespace after a colon; the SDK must strip it.
          "x-amzn-ErrorType": `${behaviour.type}:http://internal.amazon.com/coral/com.amazonaws.sesv2/`,
        });
        res.end(JSON.stringify({ message: behaviour.message }));
      });
      return;
    case "raw":
      later(behaviour.delayMs, () => {
        if (res.destroyed) return;
        res.writeHead(behaviour.status, behaviour.headers ?? { "content-type": "application/json" });
        res.end(behaviour.body);
      });
      return;
    case "destroy":
      later(behaviour.delayMs, () => req.socket.destroy());
      return;
    case "destroy-mid-body":
      later(behaviour.delayMs, () => {
        const body = JSON.stringify(DEFAULT_ACCOUNT);
        res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) });
        res.write(body.slice(0, 20));
        // Let the first bytes leave before the connection is cut, so this is a reset mid-body.
        setTimeout(() => req.socket.destroy(), 20);
      });
      return;
    case "trickle": {
      const body = JSON.stringify(DEFAULT_ACCOUNT);
      res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent >= body.length) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(body[sent]);
        sent += 1;
      }, behaviour.intervalMs);
      res.on("close", () => clearInterval(timer));
      return;
    }
    case "hang":
      return;
  }
}

function respondSts(res: ServerResponse, behaviour: StsBehaviour): void {
  const xml = { "content-type": "text/xml" };
  switch (behaviour.kind) {
    case "ok":
      later(behaviour.delayMs, () => {
        if (res.destroyed) return;
        res.writeHead(200, xml);
        res.end(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">` +
            `<GetCallerIdentityResult><Arn>${behaviour.arn ?? `arn:aws:iam::${behaviour.account}:user/ses-guard`}</Arn>` +
            `<UserId>AIDAFAULTSERVER</UserId><Account>${behaviour.account}</Account></GetCallerIdentityResult>` +
            `<ResponseMetadata><RequestId>fault-server-sts</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      });
      return;
    case "error":
      res.writeHead(behaviour.status, xml);
      res.end(
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
          `<Code>${behaviour.code}</Code><Message>${behaviour.message}</Message></Error>` +
          `<RequestId>fault-server-sts</RequestId></ErrorResponse>`,
      );
      return;
    case "hang":
      return;
  }
}

/**
 * A loopback URL where nothing listens (a port that was just free), for connection-refused tests.
 * Another process could take the port in between; on a test machine that is vanishingly rare.
 */
export async function closedLoopbackUrl(): Promise<string> {
  const probe = await listenOnLoopback(createServer());
  await probe.close();
  return probe.url;
}
