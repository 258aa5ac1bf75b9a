/**
 * An interrupt during `fix --apply`: the call in flight finishes, no new call starts, and the
 * report says which calls were made. The server holds the first call until the CLI has said it
 * saw the signal, so the order of events is fixed without any timing.
 */
import { spawn } from "node:child_process";
import { afterEach, beforeEach, expect, it } from "vitest";
import { cliEnv, cliPath, repoRoot } from "../helpers/cli.js";
import { type SesStateServer, startSesStateServer } from "../helpers/ses-state-server.js";
import { FIXABLE_ACCOUNT, fixEnv, parsePlan } from "./fix-helpers.js";

let server: SesStateServer;

beforeEach(async () => {
  server = await startSesStateServer({ "us-east-1": FIXABLE_ACCOUNT });
});

afterEach(async () => {
  await server.close();
});

it("stops starting calls on SIGINT and reports the calls that were made", async () => {
  const held = server.hold("PutAccountSuppressionAttributes");
  const child = spawn(
    process.execPath,
    [cliPath, "fix", "--policy", "strict", "--region", "us-east-1", "--apply", "--yes", "--format", "json"],
    { cwd: repoRoot, env: cliEnv(fixEnv(server.url)), stdio: ["pipe", "pipe", "pipe"] },
  );
  child.stdin.end();
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const noticed = new Promise<void>((resolve) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("no new call is started")) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));

  await held.arrived;
  child.kill("SIGINT");
  await noticed;
  held.release();
  const code = await exited;

  expect(code).toBe(130);
  const plan = parsePlan(stdout);
  expect(plan.summary).toMatchObject({ interrupted: true, applied: 1, notStarted: 1, exitCode: 130 });
  expect(plan.targets[0]?.calls.map((c) => [c.operation, c.outcome?.status])).toEqual([
    ["PutAccountSuppressionAttributes", "applied"],
    ["PutAccountVdmAttributes", "not-started"],
  ]);
  expect(server.requests.map((r) => r.operation)).not.toContain("PutAccountVdmAttributes");
  expect(server.account("us-east-1")?.SuppressionAttributes).toMatchObject({
    SuppressedReasons: ["BOUNCE", "COMPLAINT"],
  });
});
