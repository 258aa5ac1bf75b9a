/** src/report/bounded-text.ts: cuts that stay under their limit and say that they happened. */
import { describe, expect, it } from "vitest";
import { boundMarkdown, clipWithNote, SUMMARY_LIMIT_BYTES } from "../../src/report/bounded-text.js";

describe("clipWithNote", () => {
  it("leaves text within the limit alone", () => {
    expect(clipWithNote("short", 10)).toBe("short");
  });

  it("cuts longer text to the limit, note included, saying how much is missing", () => {
    const clipped = clipWithNote("x".repeat(1000), 100);
    expect(clipped.length).toBeLessThanOrEqual(100);
    expect(clipped.length).toBeGreaterThan(95);
    expect(clipped).toMatch(/^x+ … \[cut: \d+ more characters\]$/);
    const missing = Number(/cut: (\d+)/.exec(clipped)?.[1]);
    expect(clipped.indexOf(" …") + missing).toBe(1000);
  });

  it("never splits a surrogate pair", () => {
    const clipped = clipWithNote(`${"a".repeat(70)}${"😀".repeat(40)}`, 100);
    expect(clipped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("boundMarkdown", () => {
  it("leaves a summary under the limit alone", () => {
    expect(boundMarkdown("# ok\n", "cut")).toBe("# ok\n");
  });

  it("cuts a summary over 1 MiB at a line break and ends with the note", () => {
    const line = `- ${"é".repeat(500)}\n`;
    const markdown = line.repeat(3000);
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(SUMMARY_LIMIT_BYTES);
    const bounded = boundMarkdown(markdown, "**cut here**");
    expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(bounded.endsWith("\n\n**cut here**\n")).toBe(true);
    const kept = bounded.slice(0, -"\n\n**cut here**\n".length);
    expect(
      `${kept}\n`
        .split("\n")
        .slice(0, -1)
        .every((l) => `${l}\n` === line),
    ).toBe(true);
  });
});
