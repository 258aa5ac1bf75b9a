/**
 * Vitest hooks for in-process fleet runs: a fresh fleet fake per test, the safe AWS test
 * environment (fake caller credentials, every endpoint on the fake) in `process.env`, and a
 * RunHost that reads with it. Call at the top level of a test file.
 */
import { afterEach, beforeEach } from "vitest";
import type { RunHost, RunOptions } from "../../src/run.js";
import { DEFAULT_ROLE_SESSION_NAME, type FleetOptions } from "../../src/targets/fleet.js";
import { type AwsTestEnv, createAwsTestEnv, useProcessEnv } from "./aws-test-env.js";
import { type FleetServer, startFleetServer } from "./fleet-server.js";

/** The fleet fake and its environment for the current test. */
export interface FleetHandle {
  readonly server: FleetServer;
  readonly testEnv: AwsTestEnv;
  /** A host that reads with the test environment, from `cwd` (a temporary folder by default). */
  host(cwd?: string): RunHost;
  /** Check options for a fleet run: JSON report on standard output, two Regions. */
  options(
    fleet: Partial<FleetOptions> & Pick<FleetOptions, "source">,
    extra?: Partial<RunOptions>,
  ): RunOptions;
}

/** Starts a fleet fake before each test and removes it after. */
export function useFleetServer(
  envOptions: { config?: string; credentials?: string; extra?: Record<string, string | undefined> } = {},
): FleetHandle {
  let server: FleetServer | undefined;
  let testEnv: AwsTestEnv | undefined;
  let restore: (() => void) | undefined;
  beforeEach(async () => {
    server = await startFleetServer();
    testEnv = await createAwsTestEnv({ endpointUrl: server.url, ...envOptions });
    restore = useProcessEnv(testEnv.env);
  });
  afterEach(async () => {
    restore?.();
    await server?.close();
    await testEnv?.cleanup();
  });
  const handle: FleetHandle = {
    get server() {
      if (!server) throw new Error("the fleet server starts in beforeEach");
      return server;
    },
    get testEnv() {
      if (!testEnv) throw new Error("the fleet environment is made in beforeEach");
      return testEnv;
    },
    host(cwd) {
      return {
        cwd: cwd ?? handle.testEnv.dir,
        env: handle.testEnv.env,
        now: () => new Date("2026-06-01T00:00:00Z"),
        readStdin: async () => undefined,
        color: false,
      };
    },
    options(fleet, extra = {}) {
      return {
        policies: ["recommended"],
        inputs: [],
        regions: ["us-east-1", "eu-west-1"],
        formats: [{ name: "json" }],
        failOn: "error",
        timeoutSeconds: 5,
        fleet: { roleSessionName: DEFAULT_ROLE_SESSION_NAME, excludeAccounts: [], ...fleet },
        ...extra,
      };
    },
  };
  return handle;
}

/** `count` account ids: 100000000001, 100000000002, ... */
export function accountIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(100_000_000_001 + i));
}
