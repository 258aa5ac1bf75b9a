/**
 * `--shard K/N` on live reads through the built bundle, for the single account the caller's
 * credentials reach (STS says which): the shard that account belongs to reads and reports it, every
 * other shard reports nothing of it; `check` records the shard, `snapshot` writes only its targets.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shardOf } from "../../src/targets/shard.js";
import type { Report } from "../../src/types.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { DEFAULT_ACCOUNT, type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { type SesEmulator, startSesEmulator } from "../helpers/ses-emulator.js";

// The account the fault server's STS GetCallerIdentity names.
const ACCOUNT_ID = "123456789012";
const COUNT = 4;
const mine = shardOf(ACCOUNT_ID, COUNT);
const other = (mine % COUNT) + 1;

let emulator: SesEmulator;
let faults: FaultServer;
const temp = tempDir("ses-guard-live-shard-");

beforeAll(async () => {
  emulator = await startSesEmulator(DEFAULT_ACCOUNT);
  faults = await startFaultServer();
});

afterAll(async () => {
  await emulator.stop();
  await faults.close();
  temp.cleanup();
});

const env = () => ({
  AWS_ENDPOINT_URL: emulator.url,
  AWS_ENDPOINT_URL_STS: faults.url,
  AWS_MAX_ATTEMPTS: undefined,
});

describe("--shard on live reads", () => {
  it("check: the account's own shard reports it, another shard reports nothing, and both record the shard", async () => {
    const own = await runCli(
      ["check", "--region", "us-east-1,eu-west-1", "--shard", `${mine}/${COUNT}`, "--format", "json"],
      {
        env: env(),
      },
    );
    const report = JSON.parse(own.stdout) as Report;
    expect(report.shard).toEqual({ index: mine, count: COUNT });
    expect(report.targets.map((t) => [t.region, t.accountId, t.status])).toEqual([
      ["us-east-1", ACCOUNT_ID, "ok"],
      ["eu-west-1", ACCOUNT_ID, "ok"],
    ]);
    const elsewhere = await runCli(
      ["check", "--region", "us-east-1,eu-west-1", "--shard", `${other}/${COUNT}`, "--format", "json"],
      { env: env() },
    );
    const empty = JSON.parse(elsewhere.stdout) as Report;
    expect(empty.shard).toEqual({ index: other, count: COUNT });
    expect(empty.targets).toEqual([]);
    expect(empty.results).toEqual([]);
  });

  it("snapshot: writes only the targets of the shard's accounts", async () => {
    const ownFile = join(temp.dir, "own.json");
    const otherFile = join(temp.dir, "other.json");
    const own = await runCli(
      ["snapshot", "--region", "us-east-1", "--shard", `${mine}/${COUNT}`, "--out", ownFile],
      {
        env: env(),
      },
    );
    expect(own.code, own.stderr).toBe(0);
    const elsewhere = await runCli(
      ["snapshot", "--region", "us-east-1", "--shard", `${other}/${COUNT}`, "--out", otherFile],
      { env: env() },
    );
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    const targets = (file: string) =>
      (JSON.parse(readFileSync(file, "utf8")) as { targets: unknown[] }).targets;
    expect(targets(ownFile)).toHaveLength(1);
    expect(targets(otherFile)).toHaveLength(0);
  });
});
