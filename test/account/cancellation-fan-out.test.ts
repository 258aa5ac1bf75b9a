/**
 * The interrupt and the run's deadline are linked into every Region's signal: however many
 * Regions link to one signal, it carries a single listener (Node warns past ten), every linked
 * signal still aborts, and a disposed link no longer does.
 */
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { linkSignals, raceAbort } from "../../src/aws/cancellation.js";

describe("linking many signals to one source", () => {
  it("adds one listener to the source for any number of links, and aborts them all", () => {
    const source = new AbortController();
    const links = Array.from({ length: 40 }, () => linkSignals([source.signal]));
    const races = Array.from({ length: 40 }, () => raceAbort(new Promise(() => undefined), source.signal));
    expect(getEventListeners(source.signal, "abort")).toHaveLength(1);
    const disposed = links.pop();
    disposed?.dispose();
    source.abort(new Error("interrupted"));
    expect(links.every((link) => link.signal.aborted)).toBe(true);
    expect(disposed?.signal.aborted).toBe(false);
    return Promise.all(races.map((race) => expect(race).rejects.toThrow("interrupted")));
  });

  it("aborts a link made after the source aborted", () => {
    const source = new AbortController();
    linkSignals([source.signal]).dispose();
    source.abort();
    expect(linkSignals([source.signal]).signal.aborted).toBe(true);
  });
});
