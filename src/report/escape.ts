/**
 * Escaping for every place a report string can land: terminals, GitHub workflow commands, XML,
 * HTML/Markdown. Strings in a report come from AWS responses and from policy files, so each
 * format escapes them for its own syntax; nothing in account data may start a command, close
 * an element, open a tag or move a terminal cursor.
 */
import { clipWithNote } from "./bounded-text.js";

// C0 controls except TAB/LF/CR, DEL, C1 controls (U+0085 NEL and U+009B CSI among them), the
// Unicode line/paragraph separators and the bidirectional overrides and isolates that can make
// text read differently from what it is ("Trojan Source").
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;
const LINE_BREAK = /\r\n?|\n/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Replaces control characters with their visible `\xNN`/`\uNNNN` spelling, so an ANSI escape
 * (`\x1b[31m`, an OSC 8 hyperlink) or a bidi override is shown instead of acting. Tabs and line
 * breaks are kept: each format decides what a line break becomes.
 */
export function neutralizeControls(text: string): string {
  return text.replace(CONTROL, visible);
}

/** Neutralises controls and turns every line break (CRLF, CR, LF) into `replacement`. */
export function singleLine(text: string, replacement = " "): string {
  return neutralizeControls(text).replace(LINE_BREAK, replacement);
}

/** The longest annotation message and property value, in characters before escaping. */
const MAX_COMMAND_DATA = 8000;
const MAX_COMMAND_PROPERTY = 1000;

/**
 * Escapes the data (message) part of a workflow command, as `@actions/core` does: `%`, CR and LF
 * are percent-encoded, so the whole command stays on one line and no second command can start.
 * The runner decodes no other escape, so `##[` (a command of the older syntax, which the runner
 * looks for anywhere in a line) is spelt `##\x5b`, as on a terminal. A message longer than 8000
 * characters is cut, saying so, so that every annotation line stays bounded.
 */
export function escapeCommandData(text: string, max = MAX_COMMAND_DATA): string {
  return neutralizeControls(clipWithNote(text, max))
    .replace(/##\[/g, "##\\x5b")
    .replace(/%/g, "%25")
    .replace(/\r/g, "%0D")
    .replace(/\n/g, "%0A");
}

/**
 * Escapes a workflow command property value (`file=`, `title=`): as data, plus `:` and `,`, which
 * would otherwise end the property list or start the next property. Cut at 1000 characters.
 */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text, MAX_COMMAND_PROPERTY).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// Characters XML 1.0 allows at all: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF]. Everything else (lone surrogates, U+FFFE, U+FFFF, remaining C0) is replaced.
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Makes a string representable in XML 1.0: controls made visible, other illegal code points replaced by U+FFFD. */
export function toXmlChars(text: string): string {
  return neutralizeControls(text).replace(XML_ILLEGAL, "\uFFFD");
}

/**
 * Escapes XML character data. `>` is escaped too, which also rules out a literal `]]>` (not
 * allowed in content) without resorting to CDATA sections; CR becomes a character reference,
 * since parsers turn a literal CR (or CRLF) into LF.
 */
export function escapeXmlText(text: string): string {
  return withoutLogCommands(
    toXmlChars(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/\r/g, "&#13;"),
  );
}

/**
 * Escapes an XML attribute value for either quote style. Tab, LF and CR become character
 * references, because attribute-value normalisation would otherwise turn them into spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;");
}

/** Escapes text for HTML content or a quoted HTML attribute (`<pre>` blocks in Markdown). */
export function escapeHtml(text: string): string {
  return withoutLogCommands(
    neutralizeControls(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;"),
  );
}

/**
 * A report printed instead of written lands in a CI log, where the GitHub Actions runner takes
 * `##[name]data` anywhere in a line and `::name::data` at the start of one (after spaces) for a
 * workflow command; a line ends at CR or LF. In escaped XML or HTML text the same characters can
 * be character references, which every parser reads back unchanged: `[` after `##`, and the first
 * `:` of a line's `::`.
 */
function withoutLogCommands(escaped: string): string {
  return escaped.replace(/##\[/g, "##&#91;").replace(/(^|[\r\n])([^\S\r\n]*):(?=:)/g, "$1$2&#58;");
}

/**
 * The same for JSON text (the json and sarif formats, `rules --format json`): `##[` can only occur
 * inside a string there, where `\u005b` is the same `[`. Lines of indented JSON start with `"`,
 * `{`, `[` or a key, never with data, so `::` needs nothing. The controls JSON.stringify leaves
 * as they are (DEL, C1, bidi overrides and isolates, line separators) become `\uXXXX` escapes too,
 * so JSON printed on a terminal shows them instead of acting; a parser reads the same text back.
 */
export function jsonWithoutLogCommands(json: string): string {
  return json
    .replace(/##\[/g, "##\\u005b")
    .replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// Everything that means something inline in GitHub Flavored Markdown: HTML (`<`, `&`), escapes
// (`\`), code spans, emphasis, links and images, table cell separators, strikethrough and math.
const MARKDOWN_SPECIAL = /[&<>"'\\`*_[\]|~$]/g;

/**
 * Escapes text for one line of GitHub Flavored Markdown, a table cell included: special
 * characters become numeric character references (which, unlike backslash escapes, cannot be
 * undone by a backslash in the data and never split a table cell), and line breaks become `<br>`.
 */
export function escapeMarkdown(text: string): string {
  return neutralizeControls(text)
    .replace(MARKDOWN_SPECIAL, (char) => `&#${char.charCodeAt(0)};`)
    .replace(LINE_BREAK, "<br>");
}

/**
 * A URL that is safe to use as a Markdown link destination, or undefined: only absolute
 * http(s) URLs without whitespace or controls; characters that end or confuse a destination are
 * percent-encoded.
 */
export function safeLinkUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/[^\s]+$/i.test(url) || neutralizeControls(url) !== url)
    return undefined;
  return url.replace(/[()<>"'`\\|[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
