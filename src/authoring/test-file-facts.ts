/**
 * What a test case says about its target beyond GetAccount: the account id, name and tags an
 * account source would give, and the reputation rates CloudWatch would give. Each is checked the
 * way the real source would shape it, so a case cannot test data that could never arrive.
 */

import { isReputationRate, REPUTATION_MEMBERS } from "../engine/target-facts.js";
import { escapePointer, isMap } from "../policy/yaml-document.js";
import { ACCOUNT_ID_PATTERN } from "../targets/fleet.js";
import type { ReputationFacts } from "../types.js";
import type { TestFileReader } from "./test-file-reader.js";

/** `accountId: "123456789012"`, in quotes so YAML keeps its leading zeros. */
export function readAccountId(
  reader: TestFileReader,
  raw: Record<string, unknown>,
  pointer: string,
): string | undefined {
  const value = raw.accountId;
  if (value === undefined) return undefined;
  if (typeof value === "number") {
    reader.report(
      "test/invalid-account-id",
      `accountId must be in quotes ("${String(value).padStart(12, "0")}") so YAML keeps it as text with its leading zeros`,
      `${pointer}/accountId`,
    );
    return undefined;
  }
  if (typeof value !== "string" || !ACCOUNT_ID_PATTERN.test(value)) {
    reader.report(
      "test/invalid-account-id",
      `accountId ${JSON.stringify(value)} is not an AWS account id (12 digits, in quotes)`,
      `${pointer}/accountId`,
    );
    return undefined;
  }
  return value;
}

/** `accountTags: { env: prod }`: tag keys to text values, as AWS Organizations returns them. */
export function readAccountTags(
  reader: TestFileReader,
  raw: Record<string, unknown>,
  pointer: string,
): Record<string, string> | undefined {
  const value = raw.accountTags;
  const at = `${pointer}/accountTags`;
  if (value === undefined) return undefined;
  if (!isMap(value)) {
    reader.report("test/wrong-type", "accountTags must be a map of tag keys to values", at);
    return undefined;
  }
  const tags: Record<string, string> = {};
  let broken = false;
  for (const [key, tag] of Object.entries(value)) {
    if (typeof tag !== "string") {
      broken = true;
      reader.report(
        "test/invalid-value",
        `tag ${key} is ${JSON.stringify(tag)}; tag values are text, so write it in quotes ("${String(tag)}")`,
        `${at}/${escapePointer(key)}`,
      );
      continue;
    }
    Object.defineProperty(tags, key, { value: tag, enumerable: true, writable: true, configurable: true });
  }
  return broken ? undefined : tags;
}

/**
 * `reputation: { bounceRatePercent: 3.1 }`: percentages as the `$reputation.*` facts hold them.
 * A member left out is a metric without a datapoint; `{}` is a quiet account.
 */
export function readReputation(
  reader: TestFileReader,
  raw: Record<string, unknown>,
  pointer: string,
): ReputationFacts | undefined {
  const value = raw.reputation;
  const at = `${pointer}/reputation`;
  if (value === undefined) return undefined;
  if (!isMap(value)) {
    reader.report(
      "test/wrong-type",
      `reputation must be a map with ${REPUTATION_MEMBERS.join(" and/or ")} (percentages; leave one out for no datapoint)`,
      at,
    );
    return undefined;
  }
  const before = reader.diagnostics.length;
  reader.unknownKeys(value, at, REPUTATION_MEMBERS, "reputation");
  const facts: ReputationFacts = {};
  for (const key of REPUTATION_MEMBERS) {
    const rate = value[key];
    if (rate === undefined) continue;
    if (!isReputationRate(rate)) {
      reader.report(
        "test/invalid-value",
        `reputation.${key} is ${JSON.stringify(rate)}; must be a percentage from 0 to 100 (0.05 is 0.05%)`,
        `${at}/${key}`,
      );
      continue;
    }
    facts[key] = rate;
  }
  return reader.diagnostics.length === before ? facts : undefined;
}
