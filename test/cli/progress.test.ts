/**
 * The progress line of a live check: shown on a terminal while more than one Region is read,
 * and never when standard error is a pipe or a file (CI logs must hold only the report).
 * A real terminal comes from util-linux `script`, which runs the CLI on a pseudo-terminal.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, cliPath, runCli } from "../helpers/cli.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";

let faults: FaultServer;

beforeAll(async () => {
  faults = await startFaultServer();
  // Each Region answers a little later than the one before, so progress has steps to show.
  faults.on("us-east-1", { kind: "ok", delayMs: 100 });
  faults.on("eu-west-1", { kind: "ok", delayMs: 300 });
  faults.on("ap-south-1", { kind: "ok", delayMs: 500 });
});

afterAll(async () => {
  await faults.close();
});

const args = ["check", "--region", "us-east-1,eu-west-1,ap-south-1", "--fail-on", "none"];
const env = () => ({ AWS_ENDPOINT_URL: faults.url, AWS_MAX_ATTEMPTS: "1" });

describe("the progress line", () => {
  it("counts Regions on a terminal, then clears itself before the report", async () => {
    const command = [process.execPath, cliPath, ...args].map((word) => `'${word}'`).join(" ");
    // Asynchronous: the fault server answering the CLI lives in this process.
    const child = spawn("script", ["-qfec", command, "/dev/null"], { env: cliEnv(env()) });
    let screen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString("utf8");
    });
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(status, screen).toBe(0);
    expect(screen).toContain("\rreading 3 regions: 1 done");
    expect(screen).toContain("\rreading 3 regions: 2 done");
    // The line is erased (carriage return, erase to end of line) before the report starts.
    const cleared = screen.indexOf("\r\u001b[K");
    expect(cleared).toBeGreaterThan(screen.indexOf("2 done"));
    expect(screen.indexOf("us-east-1 · account")).toBeGreaterThan(cleared);
  });

  it("is never written when standard error is not a terminal", async () => {
    const run = await runCli(args, { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toContain("reading 3 regions");
  });
});
