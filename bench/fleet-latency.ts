import { Agent, createServer, request } from "node:http";
import { listenOnLoopback } from "../test/helpers/loopback.js";

/** A running latency proxy. */
export interface LatencyProxy {
  url: string;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port in front of `targetUrl` (a loopback URL). */
export async function startLatencyProxy(targetUrl: string, latencyMs: number): Promise<LatencyProxy> {
  const target = new URL(targetUrl);
  // Keep-alive towards the fake, so the proxy adds latency, not TCP handshakes.
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      setTimeout(() => {
        const upstream = request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
            agent,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on("error", (error) => {
          res.writeHead(502, { "content-type": "text/plain" });
          res.end(`latency proxy: ${error.message}`);
        });
        upstream.end(Buffer.concat(chunks));
      }, latencyMs);
    });
  });
  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    async close() {
      agent.destroy();
      await listener.close();
    },
  };
}
