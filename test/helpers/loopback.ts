/**
 * Starts an HTTP server on a free port of 127.0.0.1: the one way every loopback fake (and the
 * benchmark's latency proxy) listens and shuts down. `close` cuts open connections first, so a
 * request a fake holds on purpose (a hang, a trickle) never keeps it from closing.
 */
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Where a started server listens, and how to stop it. */
export interface LoopbackListener {
  url: string;
  close: () => Promise<void>;
}

export async function listenOnLoopback(server: Server): Promise<LoopbackListener> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
