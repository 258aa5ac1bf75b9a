/** src/io/format-outputs.ts: each rendered --format printed or written, failures said in words. */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SesGuardError } from "../../src/errors.js";
import { assertDistinctOutputFiles, deliverFormatOutputs } from "../../src/io/format-outputs.js";

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

describe("assertDistinctOutputFiles", () => {
  function problem(outputs: Array<{ name: string; file?: string }>): string | undefined {
    try {
      assertDistinctOutputFiles(outputs, dir);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(SesGuardError);
      expect((error as SesGuardError).exitCode).toBe(2);
      return (error as SesGuardError).message;
    }
  }

  it("refuses two spellings of one path", () => {
    expect(
      problem([
        { name: "--format json", file: "r.out" },
        { name: "--format sarif", file: "./r.out" },
      ]),
    ).toBe(
      '--format json ("r.out") and --format sarif ("./r.out") name the same file; give each output a file of its own',
    );
    expect(
      problem([
        { name: "a", file: "out/x.json" },
        { name: "b", file: join(dir, "out", "..", "out", "x.json") },
      ]),
    ).toMatch(/^a .* and b .* name the same file/);
  });

  it("refuses a path that reaches the other through a symbolic link, existing or not", () => {
    mkdirSync(join(dir, "real"), { recursive: true });
    symlinkSync(join(dir, "real"), join(dir, "linked"));
    expect(
      problem([
        { name: "a", file: "real/new.json" },
        { name: "b", file: "linked/new.json" },
      ]),
    ).toMatch(/name the same file/);
  });

  it("lets distinct files and standard output through", () => {
    expect(
      problem([
        { name: "--format text" },
        { name: "--format json", file: "r.json" },
        { name: "--format sarif", file: "r.sarif" },
        { name: "--format junit" },
      ]),
    ).toBeUndefined();
  });
});
