/**
 * Generated GetAccount responses for the engine benchmark: a deterministic mix of healthy
 * accounts and the ways real ones go wrong (probation, paused sending, missing members, a
 * nearly used quota, VDM off, mistyped values), so every rule meets passes, failures and unknowns.
 */

/** A small deterministic generator (mulberry32), so every run evaluates the same documents. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENFORCEMENT = ["HEALTHY", "HEALTHY", "HEALTHY", "HEALTHY", "PROBATION", "SHUTDOWN", "UNDER_REVIEW"];
const REASONS: readonly (readonly string[])[] = [
  ["BOUNCE", "COMPLAINT"],
  ["BOUNCE", "COMPLAINT"],
  ["COMPLAINT", "BOUNCE"],
  ["BOUNCE"],
  [],
];
const SWITCH = ["ENABLED", "ENABLED", "DISABLED"];

/** `count` GetAccount documents from `seed`. */
export function generateAccounts(count: number, seed = 7): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const accounts: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const max = pick([200, 50_000, 200_000, 1_000_000, -1]);
    const account: Record<string, unknown> = {
      DedicatedIpAutoWarmupEnabled: chance(0.7),
      EnforcementStatus: pick(ENFORCEMENT),
      ProductionAccessEnabled: chance(0.9),
      SendingEnabled: chance(0.92),
      SendQuota: {
        Max24HourSend: max,
        MaxSendRate: pick([1, 14, 50, 500]),
        SentLast24Hours: max > 0 ? Math.floor(random() * max) : Math.floor(random() * 10_000),
      },
      SuppressionAttributes: { SuppressedReasons: [...pick(REASONS)] },
      Details: {
        MailType: pick(["MARKETING", "TRANSACTIONAL"]),
        WebsiteURL: `https://shop-${i}.example.com`,
        ContactLanguage: "EN",
        UseCaseDescription: "Order confirmations and password resets.",
        AdditionalContactEmailAddresses: [`ops-${i}@example.com`],
        ReviewDetails: { Status: "GRANTED", CaseId: String(100000000 + i) },
      },
      VdmAttributes: {
        VdmEnabled: pick(SWITCH),
        DashboardAttributes: { EngagementMetrics: pick(SWITCH) },
        GuardianAttributes: { OptimizedSharedDelivery: pick(SWITCH) },
      },
    };
    // Roughly one document in ten lacks a member or holds a mistyped value: the fail-closed paths.
    const damage = random();
    if (damage < 0.03) delete account.VdmAttributes;
    else if (damage < 0.05) delete account.SuppressionAttributes;
    else if (damage < 0.07) delete account.SendQuota;
    else if (damage < 0.08) account.SendingEnabled = "true";
    else if (damage < 0.09) account.EnforcementStatus = null;
    else if (damage < 0.1) delete account.DedicatedIpAutoWarmupEnabled;
    accounts.push(account);
  }
  return accounts;
}
