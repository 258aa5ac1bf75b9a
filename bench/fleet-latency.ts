/**
 * A loopback proxy that holds every request for a fixed latency before passing it on to the fleet
 * fake (test/helpers/fleet-server.ts), so STS AssumeRole and SES GetAccount alike answer as a
 * far-away AWS endpoint would. The fake itself answers at once; keeping the delay here leaves the
 * test helper unchanged.
 */
import { once } from "node:events";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A running latency proxy. */
export interface LatencyProxy {
  url: string;
  /** Requests answered so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port in front of `targetUrl` (a loopback URL). */
export async function startLatencyProxy(targetUrl: string, latencyMs: number): Promise<LatencyProxy> {
  const target = new URL(targetUrl);
  // Keep-alive towards the fake, so the proxy adds latency, not TCP handshakes.
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const sockets = new Set<Socket>();
  let answered = 0;
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
            answer.on("end", () => {
              answered += 1;
            });
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
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => answered,
    async close() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
