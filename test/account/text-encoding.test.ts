/**
 * UTF-16 files, as Windows PowerShell's `>` writes them, are recognised after being read as UTF-8
 * (the way every file is read) and named, for `--input` files; JSON's missing Infinity and NaN
 * are explained where the parser stops.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseInput } from "../../src/account/file.js";
import { describeUtf16 } from "../../src/account/text-encoding.js";
import { SesGuardError } from "../../src/errors.js";
import { accountsDir } from "../helpers/cli.js";
import { readAsUtf8 } from "../helpers/encodings.js";

const healthy = readFileSync(join(accountsDir, "production-healthy.json"), "utf8");

async function inputError(text: string) {
  try {
    await parseInput("account.json", text, { region: "eu-west-1", accountId: null });
  } catch (error) {
    expect(error).toBeInstanceOf(SesGuardError);
    return (error as SesGuardError).diagnostics[0];
  }
  throw new Error("the input was accepted, but an error was expected");
}

describe("describeUtf16", () => {
  it.each([
    ["utf16le", true, "UTF-16 little-endian with a byte order mark"],
    ["utf16le", false, "UTF-16 little-endian"],
    ["utf16be", true, "UTF-16 big-endian with a byte order mark"],
    ["utf16be", false, "UTF-16 big-endian"],
  ] as const)("names %s (BOM %s)", (encoding, bom, name) => {
    expect(describeUtf16(readAsUtf8('{"SendingEnabled": true}\n', encoding, bom))).toBe(name);
  });

  it("leaves UTF-8 alone, non-ASCII and byte order mark included", () => {
    expect(describeUtf16(healthy)).toBeUndefined();
    expect(
      describeUtf16('\uFEFF{"Details": {"UseCaseDescription": "Quittungen für Kunden — 日本語"}}'),
    ).toBeUndefined();
    expect(describeUtf16("")).toBeUndefined();
    // Two bytes that are not UTF-8 at the start of a file that is otherwise plain text.
    expect(describeUtf16('\uFFFD\uFFFD{"SendingEnabled": true}')).toBeUndefined();
  });
});

describe("--input saved as UTF-16", () => {
  it("is refused with the encoding named and how to save it as UTF-8", async () => {
    const diagnostic = await inputError(readAsUtf8(healthy, "utf16le", true));
    expect(diagnostic).toMatchObject({ code: "input/encoding", file: "account.json", line: 1, column: 1 });
    expect(diagnostic?.message).toBe(
      "input is UTF-16 little-endian with a byte order mark, not UTF-8: this is what Windows PowerShell's `>` and Out-File write; save it as UTF-8 (for example `... | Out-File -Encoding utf8 FILE`, or choose UTF-8 when saving in the editor)",
    );
  });
});

describe("Infinity and NaN in JSON input", () => {
  it("says that JSON has neither, at the place the parser stopped", async () => {
    const diagnostic = await inputError('{\n  "SendQuota": {"Max24HourSend": Infinity}\n}\n');
    expect(diagnostic).toMatchObject({ code: "input/invalid-json", line: 2, column: 34 });
    expect(diagnostic?.message).toMatch(
      /; JSON has no Infinity or NaN \(SES writes -1 for an unlimited quota\)$/,
    );
    const other = await inputError('{"SendingEnabled": tru}');
    expect(other?.message).not.toContain("Infinity");
  });
});
