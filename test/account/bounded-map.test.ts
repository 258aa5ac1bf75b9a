import { describe, expect, it } from "vitest";
import { mapBounded } from "../../src/aws/bounded-map.js";
import { linkSignals, raceAbort } from "../../src/aws/cancellation.js";

describe("mapBounded", () => {
  it("keeps the input order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const results = await mapBounded([30, 5, 20, 1, 10], 2, async (ms, index) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return `${index}:${ms}`;
    });
    expect(results).toEqual(["0:30", "1:5", "2:20", "3:1", "4:10"]);
    expect(peak).toBe(2);
  });

  it("handles an empty list and odd limits", async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
    expect(await mapBounded([1, 2], 0, async (x) => x * 2)).toEqual([2, 4]);
  });
});

describe("cancellation", () => {
  it("rejects a pending promise as soon as a linked signal aborts", async () => {
    const user = new AbortController();
    const linked = linkSignals([undefined, user.signal]);
    const never = new Promise<never>(() => undefined);
    setTimeout(() => user.abort(new Error("stop")), 10);
    await expect(raceAbort(never, linked.signal)).rejects.toThrow("stop");
    linked.dispose();
  });

  it("passes a result through when nothing aborts", async () => {
    const linked = linkSignals([new AbortController().signal]);
    await expect(raceAbort(Promise.resolve(42), linked.signal)).resolves.toBe(42);
  });
});
