/**
 * Properties of the whole offline pipeline (policy loader, engine, every formatter) on generated
 * input: valid policies from the language's grammar and `GetAccount`-shaped documents as a broken
 * or hostile endpoint could send them. Evaluation never throws; the JSON report always validates
 * against policies/report.schema.json; a check never passes on a value it did not see; the exit
 * code is the documented one; the same input gives the same report. A failure prints fast-check's
 * seed; FC_SEED=<seed> replays it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { evaluatePolicy } from "../../src/engine/evaluate.js";
import { loadFormatters } from "../../src/report/index.js";
import type { ErrorInfo, FailOn, FormatContext, Policy, Report, TargetData } from "../../src/types.js";
import {
  accountDocument,
  type GeneratedPolicy,
  hostileString,
  leafCheck,
  leavesOf,
  operatorOf,
  policyCheck,
  policyDocument,
  runs,
  withoutPath,
} from "../helpers/arbitraries.js";
import { load } from "../policy/memory-host.js";
import { documentedExitCode, reportSchemaErrors, summaryProblems } from "./report-schema.js";

const formatters = await loadFormatters();

const TODAY = "2026-03-15";
const FAIL_ON: readonly FailOn[] = ["error", "warning", "notice", "none"];

const errorInfo: fc.Arbitrary<ErrorInfo> = fc.record(
  {
    code: fc.constantFrom("aws/access-denied", "aws/timeout", "snapshot/unreadable-target"),
    message: fc.oneof(
      fc.constant("denied"),
      hostileString.map((s) => `m${s}`),
    ),
    hint: hostileString,
  },
  { requiredKeys: ["code", "message"] },
);

/** One target: read (with generated account data), unreadable, or skipped. */
const target: fc.Arbitrary<TargetData> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      region: fc.constantFrom("us-east-1", "eu-west-1", "ap-south-1", "unknown"),
      accountId: fc.constantFrom(null, "123456789012", "210987654321"),
      status: fc.constant("ok" as const),
      account: accountDocument(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      region: fc.constantFrom("eu-central-1", "unknown"),
      accountId: fc.constantFrom(null, "123456789012"),
      status: fc.constant("error" as const),
      error: errorInfo,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      region: fc.constantFrom("me-south-1"),
      accountId: fc.constant("123456789012"),
      status: fc.constant("skipped" as const),
      notice: hostileString,
    }),
  },
);
const targets = fc.array(target, { minLength: 1, maxLength: 3 });

async function loadGenerated(generated: GeneratedPolicy): Promise<Policy> {
  return load(["policy.yaml"], { "policy.yaml": stringify(generated.document) });
}

function evaluate(policy: Policy, data: readonly TargetData[], failOn: FailOn = "error"): Report {
  return evaluatePolicy(policy, data, { today: TODAY, failOn, toolVersion: "0.1.0" });
}

function contextFor(policy: Policy, color = false): FormatContext {
  return { color, today: TODAY, workspace: "/repo", rules: policy.rules };
}

describe("the pipeline on generated policies and account data", () => {
  it("loads every generated policy, evaluates without throwing and renders every format", async () => {
    await fc.assert(
      fc.asyncProperty(
        policyDocument({ today: TODAY }),
        targets,
        fc.constantFrom(...FAIL_ON),
        async (generated, data, failOn) => {
          const policy = await loadGenerated(generated);
          expect(new Set(policy.rules.map((rule) => rule.id))).toEqual(new Set(generated.ruleIds));
          const report = evaluate(policy, data, failOn);
          expect(report.results).toHaveLength(policy.rules.length * data.length);
          for (const result of report.results) {
            expect(result.message.length).toBeGreaterThan(0);
            // Messages built from account data stay one line: the engine escapes line breaks.
            if (result.status === "pass") expect(result.message).not.toMatch(/[\r\n\u001b]/);
          }
          for (const [name, format] of Object.entries(formatters)) {
            for (const color of name === "text" ? [false, true] : [false]) {
              const text = format(report, contextFor(policy, color));
              expect(text.length, name).toBeGreaterThan(0);
            }
          }
        },
      ),
      runs(200),
    );
  });

  it("always writes a JSON report that validates against policies/report.schema.json", async () => {
    await fc.assert(
      fc.asyncProperty(
        policyDocument({ today: TODAY }),
        targets,
        fc.constantFrom(...FAIL_ON),
        async (generated, data, failOn) => {
          const policy = await loadGenerated(generated);
          const report = evaluate(policy, data, failOn);
          const json = JSON.parse(formatters.json?.(report, contextFor(policy)) ?? "null") as Report;
          expect(reportSchemaErrors(json)).toEqual([]);
          expect(summaryProblems(json)).toEqual([]);
        },
      ),
      runs(200),
    );
  });

  it("never passes a leaf check (other than exists) whose path holds nothing, negated or not", async () => {
    await fc.assert(
      fc.asyncProperty(
        leafCheck({ withExists: false }),
        accountDocument(),
        fc.constantFrom<(c: object) => object>(
          (c) => c,
          (c) => ({ not: c }),
          (c) => ({ not: { not: c } }),
          (c) => ({ all: [c] }),
          (c) => ({ any: [c] }),
          (c) => ({ not: { any: [c, c] } }),
        ),
        async (leaf, account, wrap) => {
          expect(operatorOf(leaf)).not.toBe("exists");
          const policy = await load(["p.yaml"], {
            "p.yaml": stringify({ version: 1, rules: [{ id: "absent", check: wrap(leaf) }] }),
          });
          // An unknown region and account id: `$region` and `$accountId` are absent too.
          const data: TargetData = {
            region: "unknown",
            accountId: null,
            status: "ok",
            account: withoutPath(account, leaf.path),
          };
          const [result] = evaluate(policy, [data]).results;
          expect(result?.status, result?.message).toBe("fail");
        },
      ),
      runs(200),
    );
  });

  it("never passes a composed check when none of its leaves' paths hold anything", async () => {
    await fc.assert(
      fc.asyncProperty(policyCheck({ withExists: false }), accountDocument(), async (check, account) => {
        let stripped = account;
        for (const leaf of leavesOf(check)) stripped = withoutPath(stripped, leaf.path);
        const policy = await load(["p.yaml"], {
          "p.yaml": stringify({ version: 1, rules: [{ id: "composed", check }] }),
        });
        const data: TargetData = { region: "unknown", accountId: null, status: "ok", account: stripped };
        const [result] = evaluate(policy, [data]).results;
        expect(result?.status, result?.message).toBe("fail");
      }),
      runs(200),
    );
  });

  it("ends with the documented exit code for every --fail-on", async () => {
    await fc.assert(
      fc.asyncProperty(policyDocument({ today: TODAY }), targets, async (generated, data) => {
        const policy = await loadGenerated(generated);
        for (const failOn of FAIL_ON) {
          const report = evaluate(policy, data, failOn);
          expect(report.summary.exitCode, failOn).toBe(documentedExitCode(report, failOn));
        }
      }),
      runs(200),
    );
  });

  it("is deterministic: the same input gives the same report in every format", async () => {
    await fc.assert(
      fc.asyncProperty(policyDocument({ today: TODAY }), targets, async (generated, data) => {
        const first = await loadGenerated(generated);
        const second = await loadGenerated(structuredClone(generated));
        const one = evaluate(first, structuredClone(data));
        const two = evaluate(second, structuredClone(data));
        expect(two).toEqual(one);
        for (const [name, format] of Object.entries(formatters)) {
          expect(format(two, contextFor(second)), name).toBe(format(one, contextFor(first)));
        }
      }),
      runs(100),
    );
  });
});
