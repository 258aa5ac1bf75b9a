/**
 * Vitest hooks that give a test file one fault server for all its tests, forgetting scripts and
 * recorded requests before each test, and, for tests that call the SDK in-process, the safe AWS
 * test environment in `process.env` as well. Call at the top level of a test file; read the server
 * and environment through the returned object, since they exist only once `beforeAll` has run.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type AwsTestEnv, createAwsTestEnv, useProcessEnv } from "./aws-test-env.js";
import { type FaultServer, startFaultServer } from "./fault-server.js";

/** The fault server of a test file, available from `beforeAll` on. */
export interface FaultServerHandle {
  readonly server: FaultServer;
}

/** The fault server and the AWS test environment pointing at it, available from `beforeAll` on. */
export interface FaultServerEnvHandle extends FaultServerHandle {
  readonly testEnv: AwsTestEnv;
}

/** Starts a fault server before the file's tests, resets it before each, closes it after all. */
export function useFaultServer(): FaultServerHandle {
  let server: FaultServer | undefined;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => server?.reset());
  return {
    get server(): FaultServer {
      if (!server) throw new Error("the fault server starts in beforeAll; use it inside a hook or test");
      return server;
    },
  };
}

/**
 * {@link useFaultServer}, plus an AWS test environment whose endpoint is that server, made the
 * process environment for the file's tests (the SDK's own providers read `process.env`) and
 * restored and removed after them.
 */
export function useFaultServerEnv(): FaultServerEnvHandle {
  const handle = useFaultServer();
  let testEnv: AwsTestEnv | undefined;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    testEnv = await createAwsTestEnv({ endpointUrl: handle.server.url });
    restoreEnv = useProcessEnv(testEnv.env);
  });
  afterAll(async () => {
    restoreEnv?.();
    await testEnv?.cleanup();
  });
  return {
    get server(): FaultServer {
      return handle.server;
    },
    get testEnv(): AwsTestEnv {
      if (!testEnv)
        throw new Error("the AWS test environment is built in beforeAll; use it inside a hook or test");
      return testEnv;
    },
  };
}
