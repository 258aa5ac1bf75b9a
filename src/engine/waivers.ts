import type { Waiver } from "../types.js";
import { type EvaluationTarget, UNKNOWN_REGION } from "./facts.js";
import { matchesAnyGlob } from "./glob.js";
import { waiverConditionHolds } from "./when.js";

/** A waiver that matched a rule and target, and whether its date has passed. */
export interface WaiverMatch {
  waiver: Waiver;
  expired: boolean;
}

/**
 * The waiver that covers a rule on a target, if any. A waiver scoped to accounts or regions does
 * not cover a target whose account or region is unknown: an exception must name what it excuses.
 * For the same reason a waiver with `when` covers a target only where that condition is true.
 * A live waiver wins over an expired one; among live ones, the latest expiry.
 */
export function findWaiver(
  waivers: readonly Waiver[],
  ruleId: string,
  target: EvaluationTarget,
  today: string,
): WaiverMatch | undefined {
  const { region, accountId } = target;
  const regionKnown = region !== UNKNOWN_REGION;
  let best: WaiverMatch | undefined;
  for (const waiver of waivers) {
    if (waiver.rule !== ruleId) continue;
    if (waiver.regions && !(regionKnown && matchesAnyGlob(waiver.regions, region))) continue;
    if (waiver.accounts && !(accountId !== null && waiver.accounts.includes(accountId))) continue;
    if (!waiverConditionHolds(waiver.when, target)) continue;
    // ISO dates compare as strings; the waiver holds through the end of its day, UTC.
    const match = { waiver, expired: waiver.expires < today };
    if (!best || better(match, best)) best = match;
  }
  return best;
}

function better(a: WaiverMatch, b: WaiverMatch): boolean {
  if (a.expired !== b.expired) return !a.expired;
  return a.waiver.expires > b.waiver.expires;
}
