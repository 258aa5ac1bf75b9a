/**
 * `--shard K/N`: which accounts a shard reads. An account's shard is a function of its id alone,
 * so the N jobs of a matrix agree without sharing a list, and every account lands in exactly one
 * shard. Pure: no I/O, no clock.
 */

import { usageError } from "../errors.js";
import type { ShardSpec } from "../types.js";

/** The most shards a run may be split into: GitHub's limit of jobs per matrix. */
export const MAX_SHARDS = 256;

/**
 * A 32-bit hash of a string: FNV-1a over its UTF-16 code units, then the MurmurHash3 finaliser.
 * FNV alone leaves the low bits of near-equal ids (sequential account numbers) correlated; the
 * finaliser spreads every input bit over the whole word, so the shards stay balanced.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// 2^64 / φ, odd: multiplying by it spreads consecutive numbers evenly over the whole range.
const FIBONACCI = 0x9e3779b97f4a7c15n;
const TWO_64 = 1n << 64n;

/**
 * Where an account id falls in [0, 1). A 12-digit id is a number below 2^40: Fibonacci hashing
 * (the id times 2^64/φ, modulo 2^64) sends consecutive and evenly spaced ids to evenly spaced
 * points (the three-gap theorem), so an organization whose accounts were created in a row still
 * splits into shards of nearly equal size, and random ids stay uniform. Any other id (never a
 * valid account id) goes through {@link hash32}.
 */
function position(accountId: string): number {
  if (/^\d{1,15}$/.test(accountId)) {
    const spread = (BigInt(accountId) * FIBONACCI) % TWO_64;
    return Number(spread >> 11n) / 2 ** 53;
  }
  return hash32(accountId) / 0x1_0000_0000;
}

/**
 * The 1-based shard of an account among `count`. An unknown account id belongs to shard 1, so a
 * target whose account could not be told is still read (and reported) by exactly one shard.
 */
export function shardOf(accountId: string | null, count: number): number {
  if (accountId === null) return 1;
  return Math.min(count, Math.floor(position(accountId) * count) + 1);
}

/** True when the account belongs to the shard. */
export function inShard(accountId: string | null, shard: ShardSpec): boolean {
  return shardOf(accountId, shard.count) === shard.index;
}

/** The items of the list whose account belongs to the shard, in their order. */
export function filterShard<T>(
  items: readonly T[],
  shard: ShardSpec,
  accountOf: (item: T) => string | null,
): T[] {
  return items.filter((item) => inShard(accountOf(item), shard));
}

/** Parses `K/N` (1 ≤ K ≤ N ≤ 256); a bad value is a usage error naming `flag`. */
export function parseShard(raw: string, flag = "--shard"): ShardSpec {
  const match = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(raw);
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || index < 1 || count < 1 || index > count || count > MAX_SHARDS) {
    throw usageError(
      "cli/invalid-shard",
      `${flag} "${raw}" must be K/N with 1 ≤ K ≤ N ≤ ${MAX_SHARDS}, e.g. ${flag} 2/8 for the second of eight shards`,
    );
  }
  return { index, count };
}
