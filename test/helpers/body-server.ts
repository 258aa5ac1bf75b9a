import { createServer, type Server } from "node:http";
import { listenOnLoopback } from "./loopback.js";

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
  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    bytesSent: () => sent,
    async close() {
      await listener.close();
    },
  };
}
