import { createServer, type Server } from "node:http";
import { answerOrganizations, createOrgScript, type OrgScript } from "./fake-organizations.js";
import { accountOfKey, answerSts, createStsScript, type FakeResponse, type StsScript } from "./fake-sts.js";
import { DEFAULT_ACCOUNT } from "./fault-server.js";
import { listenOnLoopback } from "./loopback.js";

/** One GetAccount the SES fake answered. */
export interface SesCall {
  account: string;
  region: string;
  accessKeyId: string;
}

/** A running fleet fake. */
export interface FleetServer {
  url: string;
  sts: StsScript;
  org: OrgScript;
  /** Account id → the GetAccount body for it (DEFAULT_ACCOUNT otherwise). */
  accountData: Map<string, unknown>;
  /** Accounts whose GetAccount is refused with AccessDeniedException. */
  sesDenied: Set<string>;
  sesCalls: SesCall[];
  /** The most GetAccount requests that were open at once. */
  maxSesInFlight(): number;
  /** Delay of every SES answer, in milliseconds. */
  sesDelayMs: number;
  close(): Promise<void>;
}

const CREDENTIAL = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

/** Starts the fleet fake on a free loopback port. */
export async function startFleetServer(): Promise<FleetServer> {
  let inFlight = 0;
  let maxInFlight = 0;
  const state: Omit<FleetServer, "url" | "close" | "maxSesInFlight"> = {
    sts: createStsScript(),
    org: createOrgScript(),
    accountData: new Map(),
    sesDenied: new Set(),
    sesCalls: [],
    sesDelayMs: 0,
  };
  const send = (res: import("node:http").ServerResponse, answer: FakeResponse) => {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const scope = CREDENTIAL.exec(req.headers.authorization ?? "");
      const accessKeyId = scope?.[1];
      const service = scope?.[3];
      const target = req.headers["x-amz-target"];
      const path = (req.url ?? "/").split("?")[0];
      if (typeof target === "string" && target.startsWith("AWSOrganizationsV20161128.")) {
        send(res, answerOrganizations(state.org, target, body));
      } else if (service === "sts") {
        send(res, answerSts(state.sts, body, accessKeyId));
      } else if (req.method === "GET" && path === "/v2/email/account") {
        const account = accountOfKey(accessKeyId);
        state.sesCalls.push({ account, region: scope?.[2] ?? "", accessKeyId: accessKeyId ?? "" });
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight -= 1;
          if (state.sesDenied.has(account)) {
            send(res, {
              status: 403,
              headers: { "content-type": "application/json", "x-amzn-ErrorType": "AccessDeniedException" },
              body: JSON.stringify({ message: `not authorized to perform ses:GetAccount in ${account}` }),
            });
            return;
          }
          send(res, {
            status: 200,
            headers: { "content-type": "application/json" },
            body: JSON.stringify(state.accountData.get(account) ?? DEFAULT_ACCOUNT),
          });
        }, state.sesDelayMs);
      } else {
        send(res, {
          status: 404,
          headers: { "content-type": "application/json", "x-amzn-ErrorType": "UnknownOperationException" },
          body: JSON.stringify({ message: `fleet fake: no such operation ${req.method} ${path}` }),
        });
      }
    });
  });
  const listener = await listenOnLoopback(server);
  const fleet = state as FleetServer;
  fleet.url = listener.url;
  fleet.maxSesInFlight = () => maxInFlight;
  fleet.close = async () => {
    await listener.close();
  };
  return fleet;
}
