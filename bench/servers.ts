/**
 * The loopback endpoints the benchmark's live checks talk to: the aws-ses-v2-local SES v2
 * emulator, a fast STS for it (the emulator has none), and a slow SES + STS that answers every
 * request after a fixed latency, standing in for a far-away AWS Region. All on 127.0.0.1.
 */
import { DEFAULT_ACCOUNT, type FaultServer, startFaultServer } from "../test/helpers/fault-server.js";
import { type SesEmulator, startSesEmulator } from "../test/helpers/ses-emulator.js";

/** The account id STS reports on every benchmark endpoint. */
export const BENCH_ACCOUNT_ID = "123456789012";

/** The running endpoints. */
export interface BenchServers {
  /** aws-ses-v2-local: SES v2 GetAccount answered by the emulator. */
  emulator: SesEmulator;
  /** Answers STS GetCallerIdentity at once (for the emulator runs). */
  fastSts: FaultServer;
  /** Answers SES GetAccount and STS GetCallerIdentity after `latencyMs`. */
  slow: FaultServer;
  latencyMs: number;
  close(): Promise<void>;
}

/** Starts every endpoint on a free loopback port. */
export async function startBenchServers(
  account: Record<string, unknown>,
  latencyMs: number,
): Promise<BenchServers> {
  const emulator = await startSesEmulator(account);
  const fastSts = await startFaultServer();
  fastSts.onSts({ kind: "ok", account: BENCH_ACCOUNT_ID });
  const slow = await startFaultServer();
  slow.on("*", { kind: "ok", account: { ...DEFAULT_ACCOUNT, ...account }, delayMs: latencyMs });
  slow.onSts({ kind: "ok", account: BENCH_ACCOUNT_ID, delayMs: latencyMs });
  return {
    emulator,
    fastSts,
    slow,
    latencyMs,
    async close() {
      await Promise.all([emulator.stop(), fastSts.close(), slow.close()]);
    },
  };
}
