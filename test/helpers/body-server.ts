/**
 * A loopback HTTP server that answers every request with a 200 JSON body of a chosen size, sent
 * as fast as the reader takes it, and counts the bytes it managed to send: a body far larger than
 * any GetAccount answer, to show that ses-guard stops reading instead of collecting it all.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A running body server. */
export interface BodyServer {
  url: string;
  /** Bytes of body written to sockets so far (a connection cut short stops the count). */
  bytesSent(): number;
  close(): Promise<void>;
}

/** Options for {@link startBodyServer}. */
export interface BodyServerOptions {
  /** Total body size in bytes. */
  totalBytes: number;
  /** Declare the size in Content-Length (else the body is chunked). */
  declareLength?: boolean;
}

const CHUNK = Buffer.alloc(64 * 1024, "a");

/** Starts the server on a free loopback port. */
export async function startBodyServer(options: BodyServerOptions): Promise<BodyServer> {
  let sent = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    req.resume();
    const head = Buffer.from('{"SendingEnabled":true,"Details":{"UseCaseDescription":"');
    const tail = Buffer.from('"}}');
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.declareLength) headers["content-length"] = String(options.totalBytes);
    res.writeHead(200, headers);
    let left = options.totalBytes - head.length - tail.length;
    res.write(head);
    const pump = () => {
      while (left > 0 && !res.destroyed) {
        const piece = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
        left -= piece.length;
        sent += piece.length;
        if (!res.write(piece)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end(tail);
    };
    res.on("close", () => {
      left = 0;
    });
    pump();
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
    bytesSent: () => sent,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
