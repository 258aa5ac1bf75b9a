import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  escapeCommandData,
  escapeCommandProperty,
  escapeHtml,
  escapeMarkdown,
  escapeXmlAttribute,
  escapeXmlText,
  jsonWithoutLogCommands,
  neutralizeControls,
  safeLinkUrl,
  singleLine,
  toXmlChars,
} from "../../src/report/escape.js";
import { runnerUnescape } from "../hardening/log-safety.js";

describe("neutralizeControls", () => {
  it.each([
    ["plain text stays", "SendingEnabled is false", "SendingEnabled is false"],
    ["ANSI colour (CSI) is shown, not run", "\u001b[31mred\u001b[0m", "\\x1b[31mred\\x1b[0m"],
    [
      "OSC 8 hyperlink is shown",
      "\u001b]8;;https://x\u0007a\u001b]8;;\u0007",
      "\\x1b]8;;https://x\\x07a\\x1b]8;;\\x07",
    ],
    ["C1 CSI and NEL", "a\u009bb\u0085c", "a\\x9bb\\x85c"],
    ["NUL, backspace, DEL", "\u0000\b\u007f", "\\x00\\x08\\x7f"],
    ["bidi override and isolate", "a\u202eb\u2066c", "a\\u202eb\\u2066c"],
    ["Unicode line separators", "a\u2028b\u2029c", "a\\u2028b\\u2029c"],
    ["tab and line breaks are kept for the format to decide", "a\tb\nc\r\nd", "a\tb\nc\r\nd"],
    ["non-ASCII text is kept", "Zürich — 東京 ✓", "Zürich — 東京 ✓"],
  ])("%s", (_name, input, expected) => {
    expect(neutralizeControls(input)).toBe(expected);
  });

  it("leaves no character a terminal would act on", () => {
    const all = Array.from({ length: 0x2070 }, (_, code) => String.fromCharCode(code)).join("");
    const out = neutralizeControls(all);
    expect(out).not.toMatch(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
    );
  });

  it("singleLine joins lines with the replacement", () => {
    expect(singleLine("a\r\nb\rc\nd", " / ")).toBe("a / b / c / d");
  });
});

describe("workflow command escaping", () => {
  it.each([
    ["percent first, so escapes are not double-read", "100%0A", "100%250A"],
    ["CR and LF", "a\r\nb", "a%0D%0Ab"],
    ["colons and commas stay in data", "a::b,c", "a::b,c"],
    ["controls are made visible", "\u001b[2J", "\\x1b[2J"],
    ["a command of the older syntax is spelt as on a terminal", "a ##[error]b", "a ##\\x5berror]b"],
    ["bidi overrides and isolates are made visible", "\u202eab\u2066", "\\u202eab\\u2066"],
  ])("data: %s", (_name, input, expected) => {
    expect(escapeCommandData(input)).toBe(expected);
  });

  it.each([
    ["colon and comma", "a:b,c", "a%3Ab%2Cc"],
    ["a forged property list", "x,line=1::forged", "x%2Cline=1%3A%3Aforged"],
    ["percent and newline", "5%\n", "5%25%0A"],
  ])("property: %s", (_name, input, expected) => {
    expect(escapeCommandProperty(input)).toBe(expected);
  });

  it("unescaping as the runner does gives back the (neutralised) text", () => {
    const input = "100% done\r\n::error::x, y: z";
    expect(runnerUnescape(escapeCommandProperty(input))).toBe(input);
    expect(escapeCommandProperty(input)).not.toMatch(/[\r\n:,]/);
  });
});

describe("XML escaping", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", processEntities: true });

  it.each([
    ["markup", "<a href='x'>&amp;</a>", "&lt;a href='x'&gt;&amp;amp;&lt;/a&gt;"],
    ["CDATA end", "]]>", "]]&gt;"],
    ["ESC becomes visible", "\u001b[31m", "\\x1b[31m"],
  ])("text: %s", (_name, input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
  });

  it("attributes escape both quotes and keep whitespace through normalisation", () => {
    expect(escapeXmlAttribute(`"it's"\t\n\r`)).toBe("&quot;it&apos;s&quot;&#9;&#10;&#13;");
  });

  it("replaces code points XML 1.0 cannot carry", () => {
    expect(toXmlChars("a\ud800b\uffffc\ufffe")).toBe("a\ufffdb\ufffdc\ufffd");
    expect(toXmlChars("emoji 😀 stays")).toBe("emoji 😀 stays");
  });

  it("round-trips hostile text through a real XML parser", () => {
    const hostile = "x ]]> <script>alert(1)</script> & \"q\" 'a' \u001b[31m \ud800 tab\tnl\nend";
    const xml = `<r a="${escapeXmlAttribute(hostile)}">${escapeXmlText(hostile)}</r>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml) as { r: { "#text": string; "@a": string } };
    expect(parsed.r["#text"]).toBe(toXmlChars(hostile));
  });
});

describe("HTML and Markdown escaping", () => {
  it("HTML-escapes markup and quotes", () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;",
    );
  });

  it.each([
    ["table pipe cannot split a cell", "a|b", "a&#124;b"],
    ["a backslash cannot undo the pipe escape", "a\\|b", "a&#92;&#124;b"],
    ["raw HTML", "<img src=x onerror=alert(1)>", "&#60;img src=x onerror=alert(1)&#62;"],
    ["links and images", "![x](javascript:alert(1))", "!&#91;x&#93;(javascript:alert(1))"],
    [
      "emphasis, code, strikethrough, math",
      "*a* _b_ `c` ~d~ $e$",
      "&#42;a&#42; &#95;b&#95; &#96;c&#96; &#126;d&#126; &#36;e&#36;",
    ],
    ["entities are shown, not decoded", "&amp;", "&#38;amp;"],
    ["line breaks become <br>", "a\r\nb\nc", "a<br>b<br>c"],
    ["controls are made visible (and their backslash escaped)", "\u001b[31m", "&#92;x1b&#91;31m"],
  ])("markdown: %s", (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("output never contains a tag of its own except <br>", () => {
    const out = escapeMarkdown("<b>\n<script>\r\n</td></tr></table>");
    expect(out.replace(/<br>/g, "")).not.toContain("<");
  });
});

describe("safeLinkUrl", () => {
  it.each([
    [
      "https://docs.aws.amazon.com/ses/latest/dg/vdm.html",
      "https://docs.aws.amazon.com/ses/latest/dg/vdm.html",
    ],
    ["https://x.example/a(b)|c", "https://x.example/a%28b%29%7Cc"],
    ["javascript:alert(1)", undefined],
    ["https://x.example/a b", undefined],
    ["https://x.example/\u001b[31m", undefined],
    ["docs/local.md", undefined],
    [undefined, undefined],
  ])("%s", (input, expected) => {
    expect(safeLinkUrl(input)).toBe(expected);
  });
});

describe("JSON text", () => {
  it("spells ##[ and the controls JSON.stringify leaves as escapes that parse back to the same text", () => {
    const value = { title: "a ##[error]b \u202eevil\u202c \u2066x\u2069 \u0085 \u2028 \u007f" };
    const json = jsonWithoutLogCommands(JSON.stringify(value));
    expect(json).not.toMatch(/##\[|[\u007f-\u009f\u2028-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
