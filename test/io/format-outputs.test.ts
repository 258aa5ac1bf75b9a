/** src/io/format-outputs.ts: each rendered --format printed or written, failures said in words. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deliverFormatOutputs } from "../../src/io/format-outputs.js";

const dir = mkdtempSync(join(tmpdir(), "ses-guard-outputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("deliverFormatOutputs", () => {
  it("prints what names no file, writes the rest, and returns both in order", () => {
    const printed: string[] = [];
    const failed: string[] = [];
    const outputs = [
      { format: "json", file: "out/report.json", text: "{}\n" },
      { format: "text", text: "all good\n" },
    ];
    const delivered = deliverFormatOutputs(outputs, dir, {
      noun: "report",
      print: (text) => printed.push(text),
      failed: (message) => failed.push(message),
    });
    expect(delivered).toEqual(outputs);
    expect(printed).toEqual(["all good\n"]);
    expect(failed).toEqual([]);
    expect(readFileSync(join(dir, "out/report.json"), "utf8")).toBe("{}\n");
    // The temporary file is gone once it has been renamed into place.
    expect(readdirSync(join(dir, "out"))).toEqual(["report.json"]);
  });

  it("goes on past a file it cannot write, saying why in the caller's words", () => {
    // A file where a directory is needed: the write fails whatever the user's permissions.
    writeFileSync(join(dir, "blocker"), "");
    const failed: string[] = [];
    const outputs = [
      { format: "sarif", file: "blocker/x\u001b.sarif", text: "{}" },
      { format: "json", file: "ok.json", text: "{}" },
      { format: "text", text: "report\n" },
    ];
    const delivered = deliverFormatOutputs(outputs, dir, {
      noun: "listing",
      failed: (message) => failed.push(message),
      showFile: (file) => file.replace("\u001b", "\\x1b"),
    });
    expect(delivered.map((output) => output.format)).toEqual(["json", "text"]);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^cannot write sarif listing to blocker\/x\\x1b\.sarif: /);
    expect(readFileSync(join(dir, "ok.json"), "utf8")).toBe("{}");
  });
});
