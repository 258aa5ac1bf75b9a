/**
 * Values in messages are cut at a fixed length, and a cut always shows: a long list must end in
 * `…` rather than read as if it were complete.
 */
import { describe, expect, it } from "vitest";
import { evaluateCheck } from "../../src/engine/evaluate-check.js";
import { clip, formatItems, formatList, formatValue } from "../../src/engine/format-value.js";
import { evaluationTarget, leaf, not } from "./fixtures.js";

const emails = Array.from({ length: 20 }, (_, i) => `team-${i}-notifications@example.com`);
const path = "Details.AdditionalContactEmailAddresses";
const target = evaluationTarget({ Details: { AdditionalContactEmailAddresses: emails } });

describe("format-value", () => {
  it("clip leaves short text alone and marks a cut with …", () => {
    expect(clip("abc", 3)).toBe("abc");
    expect(clip("abcd", 3)).toBe("ab…");
  });

  it("formatItems is formatList without the brackets while the list is short", () => {
    expect(formatItems(["BOUNCE", "two words", 3])).toBe(formatList(["BOUNCE", "two words", 3]).slice(1, -1));
    expect(formatItems(["BOUNCE", "two words", 3])).toBe('BOUNCE, "two words", 3');
  });

  it("formatItems keeps the … marker when a long list is cut", () => {
    const text = formatItems(emails);
    expect(text).toHaveLength(200);
    expect(text.endsWith("…")).toBe(true);
  });

  it("containsNone and containsAny name the elements they found, marked … when cut", () => {
    const none = evaluateCheck(leaf(path, "containsNone", emails), target).message;
    expect(none).toMatch(/ \(has team-0-notifications@example\.com, .*…\)$/);
    const notAny = evaluateCheck(not(leaf(path, "containsAny", emails)), target).message;
    expect(notAny).toMatch(/ \(has team-0-notifications@example\.com, .*…\)$/);
  });

  it("containsAll names each missing element as formatValue does", () => {
    const long = `x${"y".repeat(300)}`;
    const outcome = evaluateCheck(leaf(path, "containsAll", [long, "other@example.com"]), target);
    expect(outcome.message.endsWith(`(missing ${formatValue(long)}, other@example.com)`)).toBe(true);
    expect(formatValue(long).endsWith("…")).toBe(true);
  });
});
