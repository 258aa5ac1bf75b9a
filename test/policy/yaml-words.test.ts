/**
 * Policy files that YAML reads but ses-guard cannot use get a message in ses-guard's words, at the
 * place in the file: infinities and NaN (`.inf`, `-.inf`, `.nan`), a second YAML document, and a
 * file saved as UTF-16 (what Windows PowerShell's `>` writes). None of them mentions the YAML
 * library's own API ("use YAML.parseAllDocuments()") or prints the value as `null`.
 */
import { describe, expect, it } from "vitest";
import { readPolicyFile } from "../../src/policy/policy-file.js";
import { readAsUtf8 } from "../helpers/encodings.js";

async function diagnosticsOf(text: string) {
  const result = await readPolicyFile("policy.yaml", text);
  for (const d of result.diagnostics) expect(d.message).not.toMatch(/parseAllDocuments|got number null/);
  return result.diagnostics.map(({ code, message, line, column }) => ({ code, message, line, column }));
}

const rule = (check: string) => `version: 1\nrules:\n  - id: quota\n    check: ${check}\n`;

describe("numbers YAML has and policies cannot use", () => {
  it.each([
    [".inf", "infinity"],
    ["+.inf", "infinity"],
    ["-.Inf", "minus infinity"],
    [".NaN", "not-a-number"],
  ])("%s is refused where it is written", async (written, what) => {
    const diagnostics = await diagnosticsOf(rule(`{ path: SendQuota.Max24HourSend, lessThan: ${written} }`));
    expect(diagnostics).toEqual([
      {
        code: "yaml/non-finite",
        message: `${written} is YAML for ${what}, which a policy cannot use; write a finite number (for an unlimited quota, SES reports Max24HourSend as -1, and $quotaUnlimited is true)`,
        line: 4,
        column: 55,
      },
    ]);
  });

  it("also in a version or a list", async () => {
    expect((await diagnosticsOf("version: .inf\n"))[0]?.code).toBe("yaml/non-finite");
    const inList = await diagnosticsOf(rule("{ path: SendQuota.Max24HourSend, in: [1, .inf] }"));
    expect(inList.map((d) => [d.code, d.line, d.column])).toEqual([["yaml/non-finite", 4, 53]]);
  });

  it("leaves the quoted word and large finite numbers to the usual checks", async () => {
    expect(await diagnosticsOf(rule("{ path: SendQuota.Max24HourSend, lessThan: 1e300 }"))).toEqual([]);
    const quoted = await diagnosticsOf(rule('{ path: SendQuota.Max24HourSend, lessThan: "Infinity" }'));
    expect(quoted.map((d) => d.message)).toEqual([
      'lessThan on SendQuota.Max24HourSend: expected a number, got string "Infinity"',
    ]);
  });
});

describe("two YAML documents in one policy file", () => {
  it("points at the second document and says what to do", async () => {
    const diagnostics = await diagnosticsOf("version: 1\nextends: [recommended]\n---\nversion: 1\n");
    expect(diagnostics).toEqual([
      {
        code: "yaml/multiple-documents",
        message:
          "a second YAML document starts here (after `---`); a policy file holds one document: remove the `---` line, or move the second policy to a file of its own and list it under `extends`",
        line: 3,
        column: 1,
      },
    ]);
  });

  it("accepts one document with a leading `---` and a closing `...`", async () => {
    expect(await diagnosticsOf("---\nversion: 1\nextends: [recommended]\n...\n")).toEqual([]);
  });
});

describe("a policy file saved as UTF-16", () => {
  it.each([
    ["utf16le", true, "UTF-16 little-endian with a byte order mark"],
    ["utf16be", false, "UTF-16 big-endian"],
  ] as const)("%s is named, with how to save it as UTF-8", async (encoding, bom, name) => {
    const diagnostics = await diagnosticsOf(
      readAsUtf8("version: 1\nextends: [recommended]\n", encoding, bom),
    );
    expect(diagnostics).toEqual([
      {
        code: "yaml/encoding",
        message: `file is ${name}, not UTF-8: this is what Windows PowerShell's \`>\` and Out-File write; save it as UTF-8 (for example \`... | Out-File -Encoding utf8 FILE\`, or choose UTF-8 when saving in the editor)`,
        line: 1,
        column: 1,
      },
    ]);
  });
});
