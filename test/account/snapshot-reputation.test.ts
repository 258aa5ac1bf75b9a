/** Snapshots carry the reputation facts of each target; anything else in their place is refused. */
import { describe, expect, it } from "vitest";
import { createSnapshot, parseInput } from "../../src/account/file.js";
import { SesGuardError } from "../../src/errors.js";
import type { TargetData } from "../../src/types.js";

const labels = { region: "unknown", accountId: null };
const target = (reputation: unknown): Record<string, unknown> => ({
  region: "us-east-1",
  accountId: "111111111111",
  status: "ok",
  account: { SendingEnabled: true },
  reputation,
});
const snapshotText = (targets: unknown[]) =>
  JSON.stringify({
    kind: "ses-guard/snapshot",
    version: 1,
    tool: { name: "ses-guard", version: "0" },
    createdAt: "x",
    targets,
  });

describe("reputation in snapshots", () => {
  it("round-trips through createSnapshot and parseInput, an empty set of rates included", async () => {
    const targets: TargetData[] = [
      {
        region: "us-east-1",
        accountId: "111111111111",
        status: "ok",
        account: { SendingEnabled: true },
        reputation: { bounceRatePercent: 3.1 },
      },
      {
        region: "eu-west-1",
        accountId: "111111111111",
        status: "ok",
        account: { SendingEnabled: true },
        reputation: {},
      },
      { region: "us-west-2", accountId: "111111111111", status: "ok", account: { SendingEnabled: true } },
    ];
    const text = JSON.stringify(createSnapshot(targets, "0.0.0", new Date(0)));
    const read = await parseInput("snap.json", text, labels);
    expect(read.map((t) => t.reputation)).toEqual([{ bounceRatePercent: 3.1 }, {}, undefined]);
  });

  it.each([
    ["a number", 3],
    ["a ratio above 100%", { bounceRatePercent: 250 }],
    ["a rate as text", { complaintRatePercent: "0.1" }],
    ["an unknown rate", { bounceRate: 1 }],
  ])("refuses %s in place of the rates", async (_name, reputation) => {
    const error = await parseInput("snap.json", snapshotText([target(reputation)]), labels).catch((e) => e);
    expect(error).toBeInstanceOf(SesGuardError);
    expect((error as SesGuardError).diagnostics[0]?.message).toContain("has reputation that is not");
  });
});
