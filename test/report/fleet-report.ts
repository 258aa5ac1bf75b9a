/**
 * Reports at fleet scale for formatter tests: 1,000 accounts × 17 Regions with the recommended
 * pack's six rules (102,000 results), built in process from the same rules and the engine's
 * wording. Which account fails what is a fixed function of its number, so tests can count.
 */

import type { Report, Result, Rule, TargetSummary } from "../../src/types.js";
import { contextOf, recommendedRules, reportOf, resultOf } from "./sample-reports.js";

/** Seventeen SES Regions, as a fleet run over `--all-regions` might read. */
export const FLEET_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "eu-south-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "sa-east-1",
] as const;

/** The 12-digit id of account number `n` (0-based). */
export function fleetAccountId(n: number): string {
  return String(100000000000 + n * 7919);
}

/** Options of the generated fleet. */
export interface FleetOptions {
  accounts?: number;
  regions?: readonly string[];
  /** Every `failEvery`-th account fails `suppression-bounce-complaint` (error) in every Region. */
  failEvery?: number;
  /** Every `warnEvery`-th account fails `vdm-enabled` (warning) in its first Region. */
  warnEvery?: number;
  /** Whether `vdm-enabled` fails in every Region of those accounts, not only the first. */
  warnAllRegions?: boolean;
  /** Every `unreadableEvery`-th account cannot be read in its last Region. */
  unreadableEvery?: number;
}

/** A generated fleet report and the context to format it with. */
export function fleetReport(options: FleetOptions = {}): {
  report: Report;
  context: ReturnType<typeof contextOf>;
  rules: Rule[];
} {
  const accounts = options.accounts ?? 1000;
  const regions = options.regions ?? FLEET_REGIONS;
  const failEvery = options.failEvery ?? 10;
  const warnEvery = options.warnEvery ?? 4;
  const unreadableEvery = options.unreadableEvery ?? 100;
  const rules = recommendedRules();
  const targets: TargetSummary[] = [];
  const results: Result[] = [];
  for (let n = 0; n < accounts; n++) {
    const accountId = fleetAccountId(n);
    regions.forEach((region, r) => {
      const unreadable = unreadableEvery > 0 && n % unreadableEvery === 0 && r === regions.length - 1;
      const target: TargetSummary = unreadable
        ? {
            region,
            accountId,
            status: "error",
            error: { code: "aws/access-denied", message: "not authorized to perform ses:GetAccount" },
          }
        : { region, accountId, status: "ok" };
      targets.push(target);
      for (const rule of rules) {
        if (unreadable) {
          results.push(resultOf(rule, target, "error", "the target could not be read"));
        } else if (rule.id === "suppression-bounce-complaint" && n % failEvery === 0) {
          results.push(
            resultOf(rule, target, "fail", "SuppressionAttributes.SuppressedReasons is [BOUNCE]", {
              path: "SuppressionAttributes.SuppressedReasons",
              actual: ["BOUNCE"],
            }),
          );
        } else if (
          rule.id === "vdm-enabled" &&
          n % warnEvery === 0 &&
          (r === 0 || options.warnAllRegions === true)
        ) {
          results.push(resultOf(rule, target, "fail", "VdmAttributes.VdmEnabled is DISABLED"));
        } else {
          results.push(resultOf(rule, target, "pass", `${rule.id} holds`));
        }
      }
    });
  }
  const report = reportOf(targets, results);
  report.createdAt = "2026-05-01T12:00:00.000Z";
  report.policies = [{ file: ".ses-guard.yaml" }, { file: "policies/recommended.yaml", pack: "recommended" }];
  report.policyDigest = `sha256:${"ab".repeat(32)}`;
  return { report, context: contextOf(rules), rules };
}
