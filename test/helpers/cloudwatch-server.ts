import { createServer, type IncomingMessage, type Server } from "node:http";
import { listenOnLoopback } from "./loopback.js";

/** A datapoint: when (a Date) and the ratio CloudWatch reports (0.05 for 5%). */
export type Datapoint = [Date, number];

/** What the server does with one GetMetricData request. */
export type CloudWatchBehaviour =
  /** 200 with the datapoints of each metric query id (`bounce`, `complaint`); missing ids get none. */
  | { kind: "ok"; bounce?: Datapoint[]; complaint?: Datapoint[]; nextToken?: string; omit?: string[] }
  /** A modelled or generic error in the JSON 1.0 + query-compatible form. */
  | { kind: "error"; status: number; type: string; queryCode: string; message: string }
  /** Any status and body, sent verbatim. */
  | { kind: "raw"; status: number; body: string; contentType?: string };

/** One request as the server saw it. */
export interface CloudWatchRequest {
  target: string | undefined;
  contentType: string | undefined;
  region: string | undefined;
  /** The signing service of the credential scope (`monitoring`). */
  service: string | undefined;
  /** The access key id the request was signed with. */
  accessKeyId: string | undefined;
  body: Record<string, unknown>;
}

/** A running CloudWatch endpoint. */
export interface CloudWatchServer {
  url: string;
  /** Scripts a region (`*` for any); behaviours are used in order, the last one repeats. */
  on(region: string, ...behaviours: CloudWatchBehaviour[]): void;
  requests: CloudWatchRequest[];
  reset(): void;
  close(): Promise<void>;
}

/** Starts the endpoint on an ephemeral loopback port. */
export async function startCloudWatchServer(): Promise<CloudWatchServer> {
  const scripts = new Map<string, CloudWatchBehaviour[]>();
  const requests: CloudWatchRequest[] = [];
  const next = (region: string | undefined): CloudWatchBehaviour => {
    const list = scripts.get(region ?? "") ?? scripts.get("*") ?? [{ kind: "ok" }];
    return (list.length > 1 ? list.shift() : list[0]) as CloudWatchBehaviour;
  };
  const server: Server = createServer(async (req, res) => {
    const text = await readBody(req);
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? "");
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text || "{}");
    } catch {
      body = { unparsable: text };
    }
    const request: CloudWatchRequest = {
      target: header(req, "x-amz-target"),
      contentType: header(req, "content-type"),
      accessKeyId: scope?.[1],
      region: scope?.[2],
      service: scope?.[3],
      body,
    };
    requests.push(request);
    const behaviour = next(request.region);
    if (behaviour.kind === "raw") {
      res.writeHead(behaviour.status, {
        "content-type": behaviour.contentType ?? "application/x-amz-json-1.0",
      });
      res.end(behaviour.body);
      return;
    }
    if (behaviour.kind === "error") {
      res.writeHead(behaviour.status, {
        "content-type": "application/x-amz-json-1.0",
        "x-amzn-query-error": `${behaviour.queryCode};Sender`,
      });
      res.end(JSON.stringify({ __type: behaviour.type, message: behaviour.message }));
      return;
    }
    const queries = (body.MetricDataQueries as { Id: string }[] | undefined) ?? [];
    const results = queries
      .filter((q) => !(behaviour.omit ?? []).includes(q.Id))
      .map((q) => {
        const points =
          (q.Id === "bounce" ? behaviour.bounce : q.Id === "complaint" ? behaviour.complaint : []) ?? [];
        return {
          Id: q.Id,
          Label: q.Id,
          Timestamps: points.map(([at]) => at.getTime() / 1000),
          Values: points.map(([, ratio]) => ratio),
          StatusCode: behaviour.nextToken ? "PartialData" : "Complete",
        };
      });
    res.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
    res.end(
      JSON.stringify({
        MetricDataResults: results,
        Messages: [],
        ...(behaviour.nextToken ? { NextToken: behaviour.nextToken } : {}),
      }),
    );
  });
  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    on(region, ...behaviours) {
      scripts.set(region, behaviours);
    },
    requests,
    reset() {
      scripts.clear();
      requests.length = 0;
    },
    close: listener.close,
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
