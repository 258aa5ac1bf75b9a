/**
 * The built CLI under generated input: valid policies from the language's grammar and
 * GetAccount-shaped documents (or snapshots of several targets) as JSON can carry them, every
 * format at once. It always ends with a documented exit code, never a stack trace or an internal
 * error; when it evaluated, standard output is a JSON report that validates against
 * policies/report.schema.json and agrees with the exit code, and the files of the other formats
 * are valid. Broken input (random bytes, truncated JSON, random YAML) ends in exit 2 with a
 * message naming the file. A failure prints fast-check's seed; FC_SEED=<seed> replays it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { FailOn, Report } from "../../src/types.js";
import { accountDocument, hostileString, policyDocument, runs } from "../helpers/arbitraries.js";
import { type CliResult, hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { snapshotDocument } from "../helpers/snapshot.js";
import { wellFormed } from "../report/junit-validators.js";
import { sarifSchemaValidator } from "../report/sarif-validators.js";
import { documentedExitCode, reportSchemaErrors } from "./report-schema.js";

const TODAY = new Date().toISOString().slice(0, 10);
const { dir, cleanup } = tempDir("ses-guard-fuzz-");
afterAll(cleanup);

let counter = 0;
/** A fresh working directory per run, so files of one run never meet another's. */
function workdir(): string {
  const path = join(dir, `run-${++counter}`);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(join(path, "out"), { recursive: true });
  return path;
}

function expectNoCrash(run: CliResult): void {
  expect([0, 1, 2, 3], run.stderr).toContain(run.code);
  expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.stderr).not.toContain("internal error");
}

/** A snapshot of up to three targets with distinct regions: read, unreadable or skipped. */
const snapshot = fc
  .uniqueArray(
    fc.record({
      region: fc.oneof(
        fc.constantFrom("us-east-1", "eu-west-1", "ap-south-1"),
        hostileString.map((s) => `r${s}`),
      ),
      accountId: fc.constantFrom(null, "123456789012"),
      status: fc.constantFrom("ok", "ok", "error", "skipped", "unknown-status"),
      account: accountDocument({ json: true }),
      error: fc.record({ code: fc.constant("aws/access-denied"), message: hostileString }),
      notice: hostileString,
    }),
    { minLength: 1, maxLength: 3, selector: (t) => t.region },
  )
  .map((targets) => snapshotDocument(targets));

const input = fc.oneof(
  {
    weight: 3,
    arbitrary: accountDocument({ json: true }).map((account) => ({ kind: "raw" as const, data: account })),
  },
  { weight: 1, arbitrary: snapshot.map((data) => ({ kind: "snapshot" as const, data })) },
);

describe("the CLI on generated policies and account data", () => {
  it("always exits 0-3 without a crash, and reports valid JSON, SARIF and JUnit when it evaluated", async () => {
    const codes: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        policyDocument({ today: TODAY }),
        input,
        fc.constantFrom<FailOn>("error", "warning", "notice", "none"),
        async (policy, account, failOn) => {
          const cwd = workdir();
          writeFileSync(join(cwd, "policy.yaml"), stringify(policy.document));
          writeFileSync(join(cwd, "account.json"), JSON.stringify(account.data));
          const run = await runCli(
            [
              "check",
              "--policy",
              "policy.yaml",
              "--input",
              "account.json",
              ...(account.kind === "raw" ? ["--region", "eu-west-1", "--account-id", "123456789012"] : []),
              "--fail-on",
              failOn,
              "--format",
              "json",
              ...["sarif", "junit", "markdown", "github"].flatMap((f) => [
                "--format",
                `${f}=out/report.${f}`,
              ]),
            ],
            { cwd },
          );
          expectNoCrash(run);
          codes.push(run.code ?? -1);
          if (run.code === 2) {
            // Nothing was checked: say why, naming the input (the policy is valid by construction).
            expect(run.stdout).toBe("");
            // (with the place in the file when the JSON parsed but a snapshot's claims did not hold).
            expect(run.stderr).toMatch(/^ses-guard: account\.json(:\d+:\d+)?: /);
            return;
          }
          const report = JSON.parse(run.stdout) as Report;
          expect(reportSchemaErrors(report)).toEqual([]);
          expect(report.summary.exitCode).toBe(run.code);
          expect(run.code).toBe(documentedExitCode(report, failOn));
          expect(
            sarifSchemaValidator()(JSON.parse(readFileSync(join(cwd, "out", "report.sarif"), "utf8"))),
          ).toEqual([]);
          expect(wellFormed(readFileSync(join(cwd, "out", "report.junit"), "utf8"))).toBe(true);
          expect(readFileSync(join(cwd, "out", "report.markdown"), "utf8").length).toBeGreaterThan(0);
          expect(readFileSync(join(cwd, "out", "report.github"), "utf8")).toMatch(
            /ses-guard (passed|failed)( \(fail-on [a-z]+\))?: /,
          );
        },
      ),
      runs(30),
    );
    // The generators mostly produce input that gets evaluated, with every outcome represented.
    expect(codes.filter((code) => code !== 2).length).toBeGreaterThan(codes.length / 2);
    expect(new Set(codes.filter((code) => code !== 2)).size).toBeGreaterThan(1);
  });
});

describe("the CLI on broken input", () => {
  const validAccount = JSON.stringify({
    SendingEnabled: true,
    EnforcementStatus: "HEALTHY",
    SendQuota: { Max24HourSend: 1 },
  });

  async function expectRefused(args: string[], cwd: string, name: string): Promise<void> {
    const run = await runCli(["check", ...args], { cwd });
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`ses-guard: ${name}`);
  }

  it("refuses random bytes as --input with exit 2, naming the file", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        const cwd = workdir();
        writeFileSync(join(cwd, "bytes.json"), bytes);
        await expectRefused(["--input", "bytes.json"], cwd, "bytes.json");
      }),
      runs(10),
    );
  });

  it("refuses truncated JSON as --input with exit 2, naming the file", async () => {
    await fc.assert(
      fc.asyncProperty(
        accountDocument({ json: true }).map((a) => JSON.stringify({ SendingEnabled: true, ...a })),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        async (text, cut) => {
          const cwd = workdir();
          writeFileSync(join(cwd, "cut.json"), text.slice(0, Math.floor(text.length * cut)));
          await expectRefused(["--input", "cut.json"], cwd, "cut.json");
        },
      ),
      runs(10),
    );
  });

  it("refuses random YAML as --policy with exit 2, naming the file", async () => {
    const notAPolicy = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((value) => {
        // Anything but a policy: a map never has version 1.
        if (value !== null && typeof value === "object" && !Array.isArray(value)) {
          return stringify({ ...value, version: "one" });
        }
        return stringify(value);
      }),
      fc.string({ maxLength: 300 }).map((text) => `version: 1\nrules: ${text}`),
      fc.string({ unit: "binary", maxLength: 300 }).map((text) => `${text}\n:`),
    );
    await fc.assert(
      fc.asyncProperty(notAPolicy, async (yaml) => {
        const cwd = workdir();
        writeFileSync(join(cwd, "account.json"), validAccount);
        writeFileSync(join(cwd, "policy.yaml"), yaml);
        const run = await runCli(["check", "--policy", "policy.yaml", "--input", "account.json"], { cwd });
        expectNoCrash(run);
        if (run.code === 2) {
          expect(run.stderr).toMatch(/^ses-guard: policy\.yaml(:\d+:\d+)?: /);
        } else {
          // `rules:` followed by text can still be a valid, empty policy; it then checks nothing.
          expect(yaml).toMatch(/^version: 1\nrules: /);
        }
      }),
      runs(15),
    );
  });
});
