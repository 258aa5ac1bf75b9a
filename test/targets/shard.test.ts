/**
 * `--shard K/N`: an account's shard depends on its id alone, the N shards partition the accounts,
 * and each holds within ±30% of the mean once there are 100 accounts a shard.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SesGuardError } from "../../src/errors.js";
import { filterShard, inShard, MAX_SHARDS, parseShard, shardOf } from "../../src/targets/shard.js";

const accountId = fc.stringMatching(/^\d{12}$/);
const shardCount = fc.integer({ min: 1, max: MAX_SHARDS });

describe("shardOf", () => {
  it("puts every account in exactly one shard of 1..N, whatever else is in the list", () => {
    fc.assert(
      fc.property(fc.uniqueArray(accountId, { minLength: 1, maxLength: 300 }), shardCount, (ids, count) => {
        const shards = Array.from({ length: count }, (_, k) =>
          filterShard(ids, { index: k + 1, count }, (id) => id),
        );
        // A partition: the shards' lists together are the whole list, each id once.
        expect(shards.flat().sort()).toEqual([...ids].sort());
        for (const id of ids) {
          const shard = shardOf(id, count);
          expect(shard).toBeGreaterThanOrEqual(1);
          expect(shard).toBeLessThanOrEqual(count);
          expect(shards[shard - 1]).toContain(id);
        }
      }),
    );
  });

  it("depends on the id alone: a list in any order splits into the same shards", () => {
    fc.assert(
      fc.property(fc.uniqueArray(accountId, { minLength: 2, maxLength: 50 }), shardCount, (ids, count) => {
        const shuffled = [...ids].reverse();
        for (let index = 1; index <= count; index++) {
          const shard = { index, count };
          expect(filterShard(shuffled, shard, (id) => id).sort()).toEqual(
            filterShard(ids, shard, (id) => id).sort(),
          );
        }
      }),
    );
  });

  it("keeps every account in the shard it had: the matrix jobs of two releases agree", () => {
    // Pinned: a change of hash would move accounts between the jobs of a running matrix.
    expect(
      ["123456789012", "000000000001", "210987654321", "555555555555"].map((id) => shardOf(id, 8)),
    ).toEqual([3, 5, 8, 7]);
    expect(shardOf("123456789012", 256)).toBe(88);
    expect(shardOf("210987654321", 256)).toBe(254);
  });

  function expectBalanced(ids: readonly string[], count: number): void {
    const sizes = new Array<number>(count).fill(0);
    for (const id of ids) sizes[shardOf(id, count) - 1] = (sizes[shardOf(id, count) - 1] ?? 0) + 1;
    const mean = ids.length / count;
    for (const size of sizes) {
      expect(size).toBeGreaterThanOrEqual(mean * 0.7);
      expect(size).toBeLessThanOrEqual(mean * 1.3);
    }
  }

  it("balances shards within ±30% of the mean at 100+ accounts a shard, for ids created in a row", () => {
    // Consecutive ids are the worst case of a plain hash modulo N; Fibonacci hashing spreads them
    // evenly (the three-gap theorem), whatever the start.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: MAX_SHARDS }),
        fc.integer({ min: 100, max: 160 }),
        fc.integer({ min: 100_000_000_000, max: 899_999_999_999 }),
        (count, perShard, start) => {
          const ids = Array.from({ length: count * perShard }, (_, i) => String(start + i));
          expectBalanced(ids, count);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("balances shards within ±30% of the mean at 100+ accounts a shard, for random ids", () => {
    // With ids drawn at random, a shard's size is binomial and ±30% at 100 a shard is three
    // standard deviations, a bound no function of the id alone can promise for every draw; the
    // seed is fixed so that the run is the same one everywhere.
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 16 })
          .chain((count) =>
            fc.tuple(
              fc.constant(count),
              fc.uniqueArray(accountId, { minLength: count * 100, maxLength: count * 120 }),
            ),
          ),
        ([count, ids]) => expectBalanced(ids, count),
      ),
      { numRuns: 25, seed: 20260501 },
    );
  });

  it("keeps a target whose account is unknown in shard 1 only", () => {
    expect(inShard(null, { index: 1, count: 4 })).toBe(true);
    for (const index of [2, 3, 4]) expect(inShard(null, { index, count: 4 })).toBe(false);
  });
});

describe("parseShard", () => {
  it.each([
    ["1/1", { index: 1, count: 1 }],
    ["3/8", { index: 3, count: 8 }],
    ["256/256", { index: 256, count: 256 }],
  ])("reads %s", (raw, expected) => {
    expect(parseShard(raw)).toEqual(expected);
  });

  it.each(["0/4", "5/4", "1/257", "1", "a/b", "1/0", "-1/4", "1.5/4", ""])(
    "refuses %j with exit 2",
    (raw) => {
      let caught: unknown;
      try {
        parseShard(raw);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SesGuardError);
      expect((caught as SesGuardError).exitCode).toBe(2);
      expect((caught as SesGuardError).message).toContain("must be K/N with 1 ≤ K ≤ N ≤ 256");
    },
  );
});
