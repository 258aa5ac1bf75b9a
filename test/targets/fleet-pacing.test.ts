/** Fleet pacing: accounts read at once keep --concurrency busy, and progress sums over accounts. */
import { describe, expect, it } from "vitest";
import { accountParallelism, progressTracker, regionCount } from "../../src/targets/fleet-pacing.js";
import { allSesRegionNames } from "../../src/targets/regions.js";

describe("fleet pacing", () => {
  it.each([
    // Two waves: one reading, the next assuming its roles.
    [32, ["us-east-1", "eu-west-1"], 32],
    [32, ["us-east-1"], 64],
    [4, ["a-1", "b-1", "c-1"], 4],
    [1, ["a-1", "b-1"], 2],
  ])("concurrency %i over %j reads %i accounts at once", (concurrency, regions, expected) => {
    expect(accountParallelism(concurrency, regions)).toBe(expected);
  });

  it("counts every SES Region for --all-regions", () => {
    expect(regionCount("all")).toBe(allSesRegionNames().length);
  });

  it("sums each account's progress into one count", () => {
    const seen: string[] = [];
    const progress = progressTracker(3, 2, (done, total) => seen.push(`${done}/${total}`));
    progress(0, 1);
    progress(2, 2);
    progress(0, 2);
    progress(1, 2);
    expect(seen).toEqual(["0/6", "1/6", "3/6", "4/6", "6/6"]);
  });
});
