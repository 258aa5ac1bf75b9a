/**
 * Every escaping function whose output can be printed in a CI log keeps workflow commands out of
 * it (the runner's `##[name]` anywhere in a line, `::name::` at the start of one, a line ending at
 * CR or LF), while the consumer of each format still reads back exactly the original text.
 */
import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  escapeXmlAttribute,
  escapeXmlText,
  jsonWithoutLogCommands,
  neutralizeControls,
  toXmlChars,
} from "../../src/report/escape.js";
import { terminalSafe } from "../../src/report/terminal-text.js";
import { hostileString, runs } from "../helpers/arbitraries.js";
import { workflowCommandProblems } from "./log-safety.js";

const COMMANDS = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "##[error]x",
        "##[stop-commands]t",
        "::error::x",
        "\n::warning::y",
        "\r  ::notice::z",
        "\n\t::",
        "##",
      ),
      hostileString,
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(""));

function decodeHtml(html: string): string {
  return html.replace(/&(#\d+|amp|lt|gt|quot);/g, (_, entity: string) => {
    if (entity.startsWith("#")) return String.fromCharCode(Number(entity.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"' }[entity] ?? "";
  });
}

describe("no workflow command survives escaping", () => {
  it("in terminal text, where the escapes stay visible", () => {
    fc.assert(
      fc.property(COMMANDS, (text) => {
        expect(workflowCommandProblems(terminalSafe(text))).toEqual([]);
        expect(workflowCommandProblems(`  ${terminalSafe(text)}`)).toEqual([]);
      }),
      runs(100),
    );
    expect(terminalSafe("::error::x")).toBe("\\x3a:error::x");
    expect(terminalSafe("a ##[error]b")).toBe("a ##\\x5berror]b");
    // Colons inside a value are common (ARNs) and harmless: only a leading `::` is escaped.
    expect(terminalSafe("arn:aws:iam::123456789012:role/ci")).toBe("arn:aws:iam::123456789012:role/ci");
  });

  it("in XML text and attributes, which a parser reads back unchanged", () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@",
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      htmlEntities: true,
    });
    fc.assert(
      fc.property(COMMANDS, (text) => {
        const xml = `<a b="${escapeXmlAttribute(text)}">\n${escapeXmlText(text)}</a>`;
        expect(workflowCommandProblems(xml)).toEqual([]);
        const parsed = parser.parse(xml) as { a: { "@b": string; "#text"?: string } };
        expect(parsed.a["@b"]).toBe(toXmlChars(text));
        expect(parsed.a["#text"] ?? "").toBe(`\n${toXmlChars(text)}`);
      }),
      runs(100),
    );
  });

  it("in HTML (the <pre> blocks of the Markdown summary), which a browser reads back unchanged", () => {
    fc.assert(
      fc.property(COMMANDS, (text) => {
        const html = escapeHtml(text);
        expect(workflowCommandProblems(html)).toEqual([]);
        expect(decodeHtml(html.replace(/&#39;/g, "'"))).toBe(neutralizeControls(text));
      }),
      runs(100),
    );
  });

  it("in JSON, which a parser reads back unchanged", () => {
    fc.assert(
      fc.property(COMMANDS, (text) => {
        const json = jsonWithoutLogCommands(JSON.stringify({ text, list: [text] }, null, 2));
        expect(workflowCommandProblems(json)).toEqual([]);
        expect(JSON.parse(json)).toEqual({ text, list: [text] });
      }),
      runs(100),
    );
  });
});
