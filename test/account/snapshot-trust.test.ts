/**
 * A snapshot is a file anyone can edit, so what it claims is checked: each of these is refused
 * (exit 2, with the file and the place in it) or read as a target that could not be read, never
 * as a target that passed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseInput } from "../../src/account/file.js";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import { SesGuardError } from "../../src/errors.js";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { snapshotJson } from "../helpers/snapshot.js";
import { load } from "../policy/memory-host.js";

const labels = { region: "unknown", accountId: null };
const NOW = new Date("2026-05-01T12:00:00Z");
const account = { SendingEnabled: true, ProductionAccessEnabled: true };
const ok = (region: string, extra: Record<string, unknown> = {}) => ({
  region,
  accountId: "123456789012",
  status: "ok",
  account,
  ...extra,
});

/** The snapshot indented as `ses-guard snapshot` writes it, so each target has its own lines. */
const pretty = (targets: unknown[], extra: Record<string, unknown> = {}) =>
  snapshotJson(targets, { pretty: true, extra });

/** The 1-based line of the first line of `text` that contains `needle` after line `after`. */
function lineOf(text: string, needle: string, after = 0): number {
  const index = text.split("\n").findIndex((line, i) => i >= after && line.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in the snapshot`);
  return index + 1;
}

async function refusal(text: string) {
  try {
    await parseInput("snap.json", text, labels, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(SesGuardError);
    expect((error as SesGuardError).exitCode).toBe(2);
    return (error as SesGuardError).diagnostics;
  }
  throw new Error("the snapshot was accepted, but it should have been refused");
}

describe("snapshots are not trusted blindly", () => {
  it("an ok target with no account data is refused at its account", async () => {
    const text = pretty([ok("us-east-1"), ok("eu-west-1", { account: {} })]);
    expect(await refusal(text)).toEqual([
      {
        code: "input/snapshot-invalid",
        message:
          "snapshot target 2 (eu-west-1, account 123456789012) has status ok but no account data (none of the GetAccount members)",
        file: "snap.json",
        line: lineOf(text, '"account": {}'),
        column: 18,
      },
    ]);
  });

  it("an ok target without any account member at all is refused at the target", async () => {
    const text = pretty([{ region: "us-east-1", accountId: "123456789012", status: "ok" }]);
    const [problem] = await refusal(text);
    expect(problem).toMatchObject({ code: "input/snapshot-invalid", line: lineOf(text, "{", 5), column: 5 });
  });

  it("a target with both ok and an error is refused at its error", async () => {
    const text = pretty([
      ok("us-east-1", { error: { code: "aws/access-denied", message: "AccessDeniedException: denied" } }),
    ]);
    expect(await refusal(text)).toEqual([
      {
        code: "input/snapshot-contradiction",
        message:
          "snapshot target 1 (us-east-1, account 123456789012) has status ok and an error; a target that was read has no error",
        file: "snap.json",
        line: lineOf(text, '"error"'),
        column: 16,
      },
    ]);
  });

  it("a target listed twice (same account and Region) is refused at the second", async () => {
    const text = pretty([ok("us-east-1"), ok("eu-west-1"), ok("us-east-1")]);
    const [problem] = await refusal(text);
    expect(problem).toEqual({
      code: "input/snapshot-duplicate-target",
      message:
        "snapshot target 3 (us-east-1, account 123456789012) is listed twice (also as target 1); a snapshot holds each account and Region once",
      file: "snap.json",
      line: lineOf(text, '"region": "us-east-1"', lineOf(text, '"region": "eu-west-1"')) - 1,
      column: 5,
    });
  });

  it("the same Region for two different accounts is two targets", async () => {
    const text = pretty([ok("us-east-1"), ok("us-east-1", { accountId: "210987654321" })]);
    expect(await parseInput("snap.json", text, labels, NOW)).toHaveLength(2);
  });

  it("a snapshot version from the future is refused at its version, naming the upgrade", async () => {
    const text = pretty([ok("us-east-1")], { version: 2 });
    expect(await refusal(text)).toEqual([
      {
        code: "input/snapshot-version",
        message:
          "snapshot version 2 was written by a newer ses-guard; this one reads version 1: upgrade ses-guard to check it",
        file: "snap.json",
        line: lineOf(text, '"version": 2'),
        column: 14,
      },
    ]);
  });

  it("a snapshot dated more than a day ahead is refused; a little clock skew is not", async () => {
    const ahead = pretty([ok("us-east-1")], { createdAt: "2026-05-03T00:00:00.000Z" });
    expect(await refusal(ahead)).toMatchObject([
      { code: "input/snapshot-future", line: lineOf(ahead, '"createdAt"'), column: 16 },
    ]);
    const skewed = pretty([ok("us-east-1")], { createdAt: "2026-05-01T13:00:00.000Z" });
    expect(await parseInput("snap.json", skewed, labels, NOW)).toHaveLength(1);
  });

  it("a skipped target in a Region that is not opt-in is a target that could not be read (exit 3)", async () => {
    const text = pretty([
      ok("eu-west-1"),
      { region: "us-east-1", accountId: "123456789012", status: "skipped", notice: "skipped" },
      {
        region: "af-south-1",
        accountId: "123456789012",
        status: "skipped",
        notice: "opt-in Region not enabled",
      },
    ]);
    const targets = await parseInput("snap.json", text, labels, NOW);
    expect(targets.map((t) => [t.region, t.status, t.error?.code])).toEqual([
      ["eu-west-1", "ok", undefined],
      ["us-east-1", "error", "snapshot/implausible-skip"],
      ["af-south-1", "skipped", undefined],
    ]);
    expect(targets[1]?.error?.message).toBe(
      "the snapshot marks us-east-1 as skipped, but us-east-1 is not an opt-in Region; ses-guard skips only opt-in Regions that are not enabled, so this target was not checked",
    );
    const policy = await load(["recommended"]);
    const report = evaluatePolicy(policy, targets, {
      today: "2026-05-01",
      failOn: "none",
      toolVersion: "0.1.0",
    });
    expect(report.summary.exitCode).toBe(3);
  });
});

describe("through the CLI bundle", () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it("a refused snapshot exits 2 with file:line:col and no stack trace", async () => {
    const text = pretty([ok("us-east-1"), ok("us-east-1")]);
    writeFileSync(join(dir, "twice.json"), text);
    const run = await runCli(["check", "--input", "twice.json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toBe(
      `ses-guard: twice.json:${lineOf(text, '"region"', lineOf(text, '"region"')) - 1}:5: snapshot target 2 (us-east-1, account 123456789012) is listed twice (also as target 1); a snapshot holds each account and Region once\n`,
    );
  });
});
