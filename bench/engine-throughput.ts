/**
 * Engine throughput: rule evaluations per second over generated GetAccount documents, in one
 * process, with the rules of the `strict` pack (recommended plus strict). Two loops: the whole
 * `evaluatePolicy` (what a run does, report assembly included) and bare `evaluateRule` calls.
 */

import { evaluatePolicy, evaluateRule } from "../src/engine/evaluate.js";
import { createPolicyHost } from "../src/io/policy-host.js";
import { loadPolicy } from "../src/policy/resolve.js";
import { allSesRegionNames } from "../src/targets/regions.js";
import type { Result, TargetData } from "../src/types.js";
import { generateAccounts } from "./accounts.js";
import { type Summary, summarize } from "./stats.js";

/** What the engine benchmark measured. */
export interface EngineThroughput {
  documents: number;
  rules: number;
  /** Timed passes over every document, after WARMUP_PASSES untimed ones. */
  passes: number;
  /** Rule evaluations per second through `evaluatePolicy`, one sample per pass. */
  evaluatePolicy: Summary;
  /** Rule evaluations per second through bare `evaluateRule` calls, one sample per pass. */
  evaluateRule: Summary;
  /** Result counts of one pass, to show the documents exercised every outcome. */
  outcomes: Record<Result["status"], number>;
}

/**
 * Untimed passes before the timed ones: V8 needs a few to optimise the hot functions (Node 24's
 * tiers take about three passes over 10,000 documents), and the budget is steady-state throughput.
 */
export const WARMUP_PASSES = 2;

/** A fixed date, so waiver expiry cannot change the work between runs. */
const TODAY = "2026-01-15";

/** Measures both loops over `documents` generated accounts. */
export async function measureEngineThroughput(documents: number, passes: number): Promise<EngineThroughput> {
  const policy = await loadPolicy(["strict"], createPolicyHost(process.cwd()));
  const regions = allSesRegionNames();
  const targets: TargetData[] = generateAccounts(documents).map((account, i) => ({
    region: regions[i % regions.length] as string,
    accountId: String(100_000_000_000 + i),
    status: "ok",
    account,
  }));
  const evaluations = targets.length * policy.rules.length;
  const options = { today: TODAY, failOn: "error" as const, toolVersion: "bench" };

  const policyRates: number[] = [];
  let outcomes: EngineThroughput["outcomes"] = { pass: 0, fail: 0, error: 0, waived: 0, skipped: 0 };
  for (let pass = 0; pass < WARMUP_PASSES + passes; pass++) {
    const started = performance.now();
    const report = evaluatePolicy(policy, targets, options);
    const seconds = (performance.now() - started) / 1000;
    if (report.results.length !== evaluations) {
      throw new Error(`evaluatePolicy returned ${report.results.length} results, expected ${evaluations}`);
    }
    const { pass: passed, fail, error, waived, skipped } = report.summary;
    outcomes = { pass: passed, fail, error, waived, skipped };
    if (pass >= WARMUP_PASSES) policyRates.push(evaluations / seconds);
  }

  const ruleRates: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < WARMUP_PASSES + passes; pass++) {
    const started = performance.now();
    for (const target of targets) {
      for (const rule of policy.rules) {
        // Keep a dependency on every result, so no evaluation can be optimised away.
        sink += evaluateRule(rule, target, policy.waivers, TODAY).message.length;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    if (pass >= WARMUP_PASSES) ruleRates.push(evaluations / seconds);
  }
  if (sink === 0) throw new Error("evaluateRule produced no messages");

  return {
    documents,
    rules: policy.rules.length,
    passes,
    evaluatePolicy: summarize(policyRates),
    evaluateRule: summarize(ruleRates),
    outcomes,
  };
}
