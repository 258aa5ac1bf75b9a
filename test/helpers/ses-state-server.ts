import { createServer, type ServerResponse } from "node:http";
import { answerSts as answerFakeSts, type StsScript } from "./fake-sts.js";
import { listenOnLoopback } from "./loopback.js";

/** The account operations this server knows, by the name the SDK gives them. */
export type StateOperation =
  | "GetAccount"
  | "PutAccountSendingAttributes"
  | "PutAccountDedicatedIpWarmupAttributes"
  | "PutAccountSuppressionAttributes"
  | "PutAccountVdmAttributes"
  | "PutAccountDeliveryAttributes"
  | "PutAccountDetails"
  | "GetCallerIdentity"
  | "AssumeRole";

const ROUTES: Record<string, StateOperation> = {
  "GET /v2/email/account": "GetAccount",
  "PUT /v2/email/account/sending": "PutAccountSendingAttributes",
  "PUT /v2/email/account/dedicated-ips/warmup": "PutAccountDedicatedIpWarmupAttributes",
  "PUT /v2/email/account/suppression": "PutAccountSuppressionAttributes",
  "PUT /v2/email/account/vdm": "PutAccountVdmAttributes",
  "POST /v2/email/account/delivery": "PutAccountDeliveryAttributes",
  "POST /v2/email/account/details": "PutAccountDetails",
};

/** One request as the server saw it. */
export interface StateRequest {
  operation: StateOperation | "other";
  region: string | undefined;
  /** The account of a role's access key (with an STS script); undefined for other keys. */
  account?: string;
  body: unknown;
}

/** A scripted SES error (rest-json: `x-amzn-ErrorType` and a JSON message). */
export interface StateFault {
  status: number;
  type: string;
  message: string;
}

/** A running state server. */
export interface SesStateServer {
  url: string;
  /** The current account of a Region (a copy); with `accountId`, that account's state there. */
  account(region: string, accountId?: string): Record<string, unknown> | undefined;
  /** Sets a Region's account; Regions without one answer GetAccount with the `*` account. */
  setAccount(region: string, account: Record<string, unknown>, accountId?: string): void;
  /**
   * Makes `operation` in `region` fail with `fault` (until `clearFaults`); with `after`, only once
   * that many requests of it have succeeded (a read that works, then a re-read that fails).
   */
  fail(region: string, operation: StateOperation, fault: StateFault, after?: number): void;
  clearFaults(): void;
  /**
   * Holds the next `operation` request: resolves `arrived` when it comes in and answers it only
   * when `release` is called, so a test can act while a call is in flight.
   */
  hold(operation: StateOperation, region?: string): { arrived: Promise<void>; release: () => void };
  requests: StateRequest[];
  close(): Promise<void>;
}

const CREDENTIAL_SCOPE = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;
const ROLE_KEY = /^ASIA(\d{12})FAKE$/;

/** Starts a state server on a free loopback port. */
export async function startSesStateServer(
  accounts: Record<string, Record<string, unknown>>,
  accountId = "123456789012",
  options: { sts?: StsScript } = {},
): Promise<SesStateServer> {
  const state = new Map(Object.entries(structuredClone(accounts)));
  const faults = new Map<string, { fault: StateFault; after: number }>();
  const holds = new Map<string, { arrive: () => void; released: Promise<void> }>();
  const requests: StateRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const scope = CREDENTIAL_SCOPE.exec(req.headers.authorization ?? "");
      const accessKeyId = scope?.[1];
      const region = scope?.[2];
      const roleAccount = options.sts ? ROLE_KEY.exec(accessKeyId ?? "")?.[1] : undefined;
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      let operation: StateOperation | "other" =
        req.method === "POST" && path === "/" && /Action=GetCallerIdentity/.test(text)
          ? "GetCallerIdentity"
          : (ROUTES[`${req.method} ${path}`] ?? "other");
      if (options.sts && scope?.[3] === "sts") {
        if (operation === "other") operation = "AssumeRole";
        requests.push({ operation, region, body: text, ...(roleAccount ? { account: roleAccount } : {}) });
        const answer = answerFakeSts(options.sts, text, accessKeyId);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return;
      }
      let body: unknown = text;
      try {
        body = text && operation !== "GetCallerIdentity" ? JSON.parse(text) : text;
      } catch {
        // Kept as text: the test sees what was sent.
      }
      requests.push({ operation, region, body, ...(roleAccount ? { account: roleAccount } : {}) });
      const holdKey = [`${operation}\u0000${region}`, `${operation}\u0000*`].find((k) => holds.has(k));
      const held = holdKey ? holds.get(holdKey) : undefined;
      if (holdKey && held) {
        holds.delete(holdKey);
        held.arrive();
        await held.released;
      }
      if (operation === "GetCallerIdentity") return answerSts(res, accountId);
      if (operation === "other")
        return sendError(res, { status: 404, type: "UnknownOperationException", message: "unknown" });
      const fault = faults.get(`${region}\u0000${operation}`);
      if (fault && fault.after > 0) fault.after -= 1;
      else if (fault) return sendError(res, fault.fault);
      const key = stateKey(region ?? "*", roleAccount);
      const account = structuredClone(state.get(key) ?? state.get(region ?? "*") ?? state.get("*") ?? {});
      if (operation === "GetAccount") return sendJson(res, account);
      const input = (body ?? {}) as Record<string, unknown>;
      switch (operation) {
        case "PutAccountSendingAttributes":
          account.SendingEnabled = input.SendingEnabled === true;
          break;
        case "PutAccountDedicatedIpWarmupAttributes":
          account.DedicatedIpAutoWarmupEnabled = input.AutoWarmupEnabled === true;
          break;
        case "PutAccountSuppressionAttributes":
          // Replaced as a whole: what the request leaves out is gone.
          account.SuppressionAttributes = {
            SuppressedReasons: input.SuppressedReasons ?? [],
            ...(input.ValidationAttributes ? { ValidationAttributes: input.ValidationAttributes } : {}),
          };
          break;
        case "PutAccountVdmAttributes":
          if (!input.VdmAttributes || typeof input.VdmAttributes !== "object")
            return sendError(res, {
              status: 400,
              type: "BadRequestException",
              message: "VdmAttributes is required",
            });
          account.VdmAttributes = input.VdmAttributes;
          break;
        case "PutAccountDeliveryAttributes":
          account.DeliveryAttributes = { SharedPoolDeliveryMode: input.SharedPoolDeliveryMode };
          break;
        case "PutAccountDetails":
          account.Details = { ...input, ReviewDetails: { Status: "PENDING", CaseId: "0" } };
          break;
      }
      state.set(key, account);
      sendJson(res, {});
    });
  });
  const listener = await listenOnLoopback(server);

  return {
    url: listener.url,
    account: (region, id) =>
      structuredClone(state.get(stateKey(region, id)) ?? state.get(region) ?? state.get("*")),
    setAccount: (region, account, id) => state.set(stateKey(region, id), structuredClone(account)),
    fail: (region, operation, fault, after = 0) =>
      faults.set(`${region}\u0000${operation}`, { fault, after }),
    clearFaults: () => faults.clear(),
    hold(operation, region = "*") {
      let arrive = () => {};
      let release = () => {};
      const arrived = new Promise<void>((resolve) => {
        arrive = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.set(`${operation}\u0000${region}`, { arrive, released });
      return { arrived, release };
    },
    requests,
    async close() {
      await listener.close();
    },
  };
}

/** One account's state in one Region; a Region alone for the credentials that are no role's. */
function stateKey(region: string, accountId: string | undefined): string {
  return accountId ? `${accountId}\u0000${region}` : region;
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json", "x-amzn-RequestId": "state-server" });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, fault: StateFault): void {
  res.writeHead(fault.status, {
    "content-type": "application/json",
    "x-amzn-RequestId": "state-server-error",
    "x-amzn-ErrorType": `${fault.type}:http://internal.amazon.com/coral/com.amazonaws.sesv2/`,
  });
  res.end(JSON.stringify({ message: fault.message }));
}

function answerSts(res: ServerResponse, accountId: string): void {
  res.writeHead(200, { "content-type": "text/xml" });
  res.end(
    `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">` +
      `<GetCallerIdentityResult><Arn>arn:aws:iam::${accountId}:user/ses-guard</Arn>` +
      `<UserId>AIDASTATESERVER</UserId><Account>${accountId}</Account></GetCallerIdentityResult>` +
      `<ResponseMetadata><RequestId>state-server-sts</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  );
}
