/**
 * A snapshot of a whole fleet is an `--input` of its own size: 1,000 accounts × 17 Regions (about
 * 13 MB as `ses-guard snapshot` writes it) is checked, while a file past the snapshot bound is
 * refused with exit 2 before it is parsed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES, MAX_SNAPSHOT_BYTES } from "../../src/account/file.js";
import { accountsDir, hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { snapshotJson } from "../helpers/snapshot.js";
import { FLEET_REGIONS } from "../report/fleet-report.js";

const { dir, cleanup } = tempDir("ses-guard-large-snapshot-");
afterAll(cleanup);

// The 17 Regions of the fleet reports the other scale tests use.
const REGIONS = FLEET_REGIONS;

function fleetSnapshot(accounts: number): string {
  const account = JSON.parse(readFileSync(join(accountsDir, "production-healthy.json"), "utf8")) as unknown;
  const targets = [];
  for (let i = 0; i < accounts; i++) {
    const accountId = String(100_000_000_001 + i);
    for (const region of REGIONS) targets.push({ region, accountId, status: "ok", account });
  }
  return snapshotJson(targets, { pretty: true });
}

describe("a snapshot of a whole fleet", () => {
  it("checks 1,000 accounts × 17 Regions, far over the get-account bound", async () => {
    const text = fleetSnapshot(1000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * MAX_INPUT_BYTES);
    writeFileSync(join(dir, "fleet.json"), text);
    const run = await runCli(
      ["check", "--input", "fleet.json", "--policy", "recommended", "--format", "json=report.json"],
      { cwd: dir },
    );
    expect(run.stderr).not.toContain("too-large");
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as {
      targets: Array<{ accountId: string; status: string }>;
    };
    expect(report.targets).toHaveLength(17_000);
    expect(new Set(report.targets.map((t) => t.accountId)).size).toBe(1000);
    expect(report.targets.every((t) => t.status === "ok")).toBe(true);
  }, 120_000);

  it("refuses a file over the snapshot bound with exit 2, naming the file and the bound", async () => {
    writeFileSync(join(dir, "huge.json"), Buffer.alloc(MAX_SNAPSHOT_BYTES + 1, " "));
    const run = await runCli(["check", "--input", "huge.json", "--policy", "recommended"], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toContain("huge.json");
    expect(run.stderr).toContain(`the limit is ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB`);
    expect(run.stdout).toBe("");
  });
});
