/**
 * Facts about the target that come from outside GetAccount: the account's name and tags (from the
 * account source) and its reputation rates (from CloudWatch). Each is absent when not known, so a
 * rule on it fails closed and a `when` on it is unknown.
 */
import type { ReputationFacts } from "../types.js";
import type { Lookup } from "./facts.js";

/** The prefix of the reputation facts: `$reputation.bounceRatePercent`, `$reputation.complaintRatePercent`. */
export const REPUTATION_PREFIX = "$reputation.";

/** A name or tag value: present when it is a string, absent otherwise. */
export function accountFact(value: string | undefined): Lookup {
  return typeof value === "string" ? { state: "present", value } : { state: "absent" };
}

/** The members of `$reputation`: CloudWatch's two reputation rates, as percentages. */
export const REPUTATION_MEMBERS = ["bounceRatePercent", "complaintRatePercent"] as const;

/** True for a name of {@link REPUTATION_MEMBERS}. */
export function isReputationMember(name: string): name is (typeof REPUTATION_MEMBERS)[number] {
  return (REPUTATION_MEMBERS as readonly string[]).includes(name);
}

/** What a rate given in a test case or kept in a snapshot may be: a finite percentage, 0 to 100. */
export function isReputationRate(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 100;
}

/**
 * A reputation fact, or undefined when `name` is not one. Absent when CloudWatch had no datapoint
 * in the last 24 hours; unread when the rates were not read at all (saved data taken without them),
 * so that a rule applying `when` the rate exists cannot be skipped on data nobody looked at.
 */
export function reputationFact(reputation: ReputationFacts | undefined, name: string): Lookup | undefined {
  if (!name.startsWith(REPUTATION_PREFIX)) return undefined;
  const member = name.slice(REPUTATION_PREFIX.length);
  if (!isReputationMember(member)) return undefined;
  if (!reputation) {
    return {
      state: "unread",
      why: "the reputation rates were not read; saved data needs `ses-guard snapshot --reputation`",
    };
  }
  const value = reputation[member];
  if (typeof value === "number" && Number.isFinite(value)) return { state: "present", value };
  return { state: "absent", why: "CloudWatch has no datapoint for it in the last 24 hours" };
}
