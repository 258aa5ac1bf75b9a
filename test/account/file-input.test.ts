/**
 * `--input` files: the raw output of `aws sesv2 get-account`, or a snapshot. Bad input is a usage
 * error (exit 2) naming the file and, for JSON syntax errors, the line and column; a snapshot
 * target that was not read can never come back as readable.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createSnapshot,
  inputTooLarge,
  MAX_INPUT_BYTES,
  parseInput,
  SNAPSHOT_KIND,
} from "../../src/account/file.js";
import { SesGuardError } from "../../src/errors.js";
import type { TargetData } from "../../src/types.js";
import { accountsDir } from "../helpers/cli.js";
import { snapshotJson } from "../helpers/snapshot.js";

const labels = { region: "eu-west-1", accountId: "123456789012" };
const healthy = readFileSync(join(accountsDir, "production-healthy.json"), "utf8");

async function inputError(text: string, file = "in.json") {
  try {
    await parseInput(file, text, labels);
  } catch (error) {
    expect(error).toBeInstanceOf(SesGuardError);
    const e = error as SesGuardError;
    expect(e.exitCode).toBe(2);
    expect(e.diagnostics).toHaveLength(1);
    return e.diagnostics[0];
  }
  throw new Error("the input was accepted, but an error was expected");
}

function snapshot(targets: unknown[], extra: Record<string, unknown> = {}): string {
  return snapshotJson(targets, { extra });
}

describe("raw get-account input", () => {
  it("is one target labelled with --region and --account-id", async () => {
    const targets = await parseInput("in.json", healthy, labels);
    expect(targets).toEqual([
      { region: "eu-west-1", accountId: "123456789012", status: "ok", account: JSON.parse(healthy) },
    ]);
  });

  it("drops the SDK's $metadata, which is not part of the account", async () => {
    const text = JSON.stringify({ $metadata: { httpStatusCode: 200 }, SendingEnabled: true });
    const [target] = await parseInput("in.json", text, { region: "unknown", accountId: null });
    expect(target).toEqual({
      region: "unknown",
      accountId: null,
      status: "ok",
      account: { SendingEnabled: true },
    });
  });

  it("reads a file that starts with a UTF-8 byte order mark (as some Windows shells write)", async () => {
    const [target] = await parseInput("in.json", `\uFEFF${healthy}`, labels);
    expect(target?.account).toEqual(JSON.parse(healthy));
  });

  it("malformed JSON names the line and column", async () => {
    expect(await inputError('{\n  "SendingEnabled": true,,\n}\n')).toMatchObject({
      code: "input/invalid-json",
      file: "in.json",
      line: 2,
      column: 26,
    });
    const truncated = await inputError('{\n  "SendingEnabled": true,\n  "SendQuota": {\n');
    expect(truncated).toMatchObject({ code: "input/invalid-json", line: 4, column: 1 });
    expect(truncated?.message).toMatch(/^input is not valid JSON: /);
  });

  it("empty, not an object, or not a GetAccount response", async () => {
    expect(await inputError("  \n")).toMatchObject({
      code: "input/empty",
      message: "input is empty; expected the JSON output of `aws sesv2 get-account`",
    });
    expect(await inputError("[1, 2]")).toMatchObject({
      code: "input/not-an-object",
      message: "input must be a JSON object: the output of `aws sesv2 get-account` or a ses-guard snapshot",
    });
    expect(await inputError('"HEALTHY"')).toMatchObject({ code: "input/not-an-object" });
    expect(await inputError('{"Foo": 1}')).toMatchObject({
      code: "input/not-get-account",
      message:
        "input has none of the GetAccount members (DedicatedIpAutoWarmupEnabled, EnforcementStatus, ProductionAccessEnabled, SendingEnabled, ...); expected the output of `aws sesv2 get-account`",
    });
  });

  it("refuses text beyond the size limit", async () => {
    const big = `{"SendingEnabled": true, "x": "${"a".repeat(MAX_INPUT_BYTES)}"}`;
    expect(await inputError(big)).toMatchObject({ code: "input/too-large" });
  });

  it("measures the limit in bytes, not characters", async () => {
    // 2.2 million characters, 4.4 MB: under the limit by length, over it in UTF-8.
    const wide = `{"SendingEnabled": true, "x": "${"é".repeat(2_200_000)}"}`;
    expect(wide.length).toBeLessThan(MAX_INPUT_BYTES);
    expect(await inputError(wide, "<stdin>")).toEqual({
      code: "input/too-large",
      message: "input is larger than 4 MiB; a GetAccount response is a few KiB",
      file: "<stdin>",
    });
    // Just under the limit in bytes is still read.
    const fits = `{"SendingEnabled": true, "x": "${"é".repeat(2_000_000)}"}`;
    expect(await parseInput("in.json", fits, labels)).toHaveLength(1);
  });

  it("gives the same error when a reader stops at the limit", () => {
    expect(inputTooLarge("<stdin>").diagnostics).toEqual([
      {
        code: "input/too-large",
        message: "input is larger than 4 MiB; a GetAccount response is a few KiB",
        file: "<stdin>",
      },
    ]);
    expect(inputTooLarge("<stdin>").exitCode).toBe(2);
  });
});

describe("snapshot input", () => {
  const ok = {
    region: "us-east-1",
    accountId: "123456789012",
    status: "ok",
    account: { SendingEnabled: true },
  };

  it("round-trips what createSnapshot writes", async () => {
    const targets: TargetData[] = [
      { region: "us-east-1", accountId: "123456789012", status: "ok", account: { SendingEnabled: true } },
      {
        region: "eu-west-1",
        accountId: "123456789012",
        status: "error",
        error: { code: "aws/access-denied", message: "denied", hint: "allow ses:GetAccount" },
      },
      {
        region: "ap-east-1",
        accountId: "123456789012",
        status: "skipped",
        notice: "opt-in region not enabled",
      },
    ];
    const written = createSnapshot(targets, "0.1.0", new Date("2026-02-03T04:05:06Z"));
    expect(written).toMatchObject({ kind: SNAPSHOT_KIND, version: 1, createdAt: "2026-02-03T04:05:06.000Z" });
    const read = await parseInput("snap.json", JSON.stringify(written), labels);
    expect(read).toEqual(targets);
  });

  it("ignores --region/--account-id labels: each target carries its own", async () => {
    const [target] = await parseInput("snap.json", snapshot([ok]), labels);
    expect(target).toMatchObject({ region: "us-east-1", accountId: "123456789012" });
  });

  it("a target with an unknown status, or an error without details, is an error target, never ok", async () => {
    const read = await parseInput(
      "snap.json",
      snapshot([
        { region: "us-east-1", status: "weird", account: { SendingEnabled: true } },
        { region: "us-west-2", status: "error" },
      ]),
      labels,
    );
    expect(read).toEqual([
      {
        region: "us-east-1",
        accountId: null,
        status: "error",
        error: {
          code: "snapshot/unreadable-target",
          message: "the target could not be read when the snapshot was taken",
        },
      },
      {
        region: "us-west-2",
        accountId: null,
        status: "error",
        error: {
          code: "snapshot/unreadable-target",
          message: "the target could not be read when the snapshot was taken",
        },
      },
    ]);
  });

  it("a blank error code, message or hint falls back to what is known instead of printing nothing", async () => {
    const [target] = await parseInput(
      "snap.json",
      snapshot([{ region: "eu-west-1", status: "error", error: { code: " ", message: "", hint: "\n" } }]),
      labels,
    );
    expect(target?.error).toEqual({
      code: "snapshot/unreadable-target",
      message: "the target could not be read when the snapshot was taken",
    });
  });

  it.each([
    [
      "an unsupported version",
      snapshot([ok], { version: 2 }),
      "input/snapshot-version",
      "snapshot version 2 was written by a newer ses-guard; this one reads version 1: upgrade ses-guard to check it",
    ],
    [
      "a version that is not a number",
      snapshot([ok], { version: "1" }),
      "input/snapshot-version",
      'snapshot version "1" is not supported; this ses-guard reads version 1',
    ],
    [
      "no targets list",
      snapshot([ok], { targets: "all" }),
      "input/snapshot-invalid",
      "snapshot has no `targets` list",
    ],
    [
      "no targets at all",
      snapshot([]),
      "input/snapshot-empty",
      "snapshot has no targets: there is nothing to check",
    ],
    [
      "a target without a region",
      snapshot([{ ...ok, region: "" }]),
      "input/snapshot-invalid",
      "snapshot target 1 has no region",
    ],
    [
      "a target that is not an object",
      snapshot([ok, 5]),
      "input/snapshot-invalid",
      "snapshot target 2 is not an object",
    ],
    [
      "an ok target without an account",
      snapshot([{ ...ok, account: [] }]),
      "input/snapshot-invalid",
      "snapshot target 1 (us-east-1, account 123456789012) has status ok but no account data (none of the GetAccount members)",
    ],
  ])("%s is an input error", async (_name, text, code, message) => {
    // The place in the file is asserted in snapshot-trust.test.ts, on indented snapshots.
    expect(await inputError(text, "snap.json")).toMatchObject({ code, message, file: "snap.json", line: 1 });
  });
});
