/**
 * `ses-guard accounts --profile A,B` through the built CLI against the loopback fleet fake: each
 * profile's account id comes from STS GetCallerIdentity with that profile's credentials, and SES
 * is never called. A profile the AWS files do not define is refused before any request.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { accessKeyFor } from "../helpers/fake-sts.js";
import { type FleetServer, startFleetServer } from "../helpers/fleet-server.js";

let server: FleetServer;
let dir: { dir: string; cleanup: () => void };
beforeEach(async () => {
  server = await startFleetServer();
  dir = tempDir();
  const profile = (name: string, account: string) =>
    `[${name}]\naws_access_key_id = ${accessKeyFor(account)}\naws_secret_access_key = secret${account}\n`;
  writeFileSync(
    join(dir.dir, "credentials"),
    `${profile("prod", "111111111111")}${profile("staging", "222222222222")}`,
  );
});
afterEach(async () => {
  await server.close();
  dir.cleanup();
});

const cli = (args: string[]) =>
  runCli(args, {
    cwd: dir.dir,
    env: { AWS_ENDPOINT_URL: server.url, AWS_SHARED_CREDENTIALS_FILE: join(dir.dir, "credentials") },
  });

describe("ses-guard accounts --profile A,B", () => {
  it("lists each profile's account from STS, without calling SES", async () => {
    const run = await cli(["accounts", "--profile", "staging,prod"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ACCOUNT\s+NAME\s+STATE\s+ROLE\s+TAGS$/);
    expect(lines[1]).toMatch(/^222222222222\s+staging\s+-\s+-\s+-$/);
    expect(lines[2]).toMatch(/^111111111111\s+prod\s+-\s+-\s+-$/);
    expect(server.sesCalls).toHaveLength(0);
    expect(server.sts.assumeRoleCalls).toHaveLength(0);
  });

  it("writes the listing as JSON", async () => {
    const run = await cli(["accounts", "--profile", "prod", "--profile", "staging", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      accounts: [
        { id: "111111111111", name: "prod" },
        { id: "222222222222", name: "staging" },
      ],
    });
  });

  it("refuses a profile the AWS files do not define, exit 2, before any request", async () => {
    const run = await cli(["accounts", "--profile", "prod,stagin"]);
    expect(run.code).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toContain('--profile "stagin" is not in the AWS config or credentials file');
    expect(run.stderr).toContain('did you mean "staging"?');
    expect(run.stdout).toBe("");
    expect(server.sesCalls).toHaveLength(0);
  });
});
