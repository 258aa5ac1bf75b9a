/**
 * One report whose AWS and policy strings carry `%`, CR/LF, `::`, `<script>`, `]]>`, `|`, ANSI
 * and OSC 8 escapes and a bidi override, through every CI format: nothing may be injected.
 */

import { describe, expect, it } from "vitest";
import { neutralizeControls, toXmlChars } from "../../src/report/escape.js";
import { formatGithub } from "../../src/report/github.js";
import { formatJunit } from "../../src/report/junit.js";
import { repositoryPath } from "../../src/report/location.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { formatSarif } from "../../src/report/sarif.js";
import { runnerUnescape } from "../hardening/log-safety.js";
import { junitSchemaErrors, parseJunit, wellFormed } from "./junit-validators.js";
import { HOSTILE, hostileReport } from "./sample-reports.js";
import { sarifSchemaValidator } from "./sarif-validators.js";

// What a terminal or a renderer would act on: ESC and other C0 controls except TAB/LF/CR, DEL,
// C1 controls and bidi overrides/isolates.
const ACTIVE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const { report, context } = hostileReport();

describe("hostile strings in the github format", () => {
  const output = formatGithub(report, context);
  const lines = output.slice(0, -1).split("\n");

  /** Splits a command line as the runner does: `::name props::data`, props split on `,` and `=`. */
  function parseCommand(line: string) {
    const match = /^::(\w+) ([\s\S]*?)::([\s\S]*)$/.exec(line);
    if (!match) return undefined;
    const [, name, props = "", data = ""] = match;
    const properties = Object.fromEntries(
      props.split(",").map((pair) => {
        const at = pair.indexOf("=");
        return [pair.slice(0, at), runnerUnescape(pair.slice(at + 1))];
      }),
    );
    return { name, properties, data: runnerUnescape(data) };
  }

  it("has one line per annotation plus the counts line: no line break survives in a command", () => {
    expect(output).not.toContain("\r");
    expect(lines).toHaveLength(5);
    expect(lines.slice(0, 4).every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
    expect(lines[4]).toMatch(/^ses-guard failed: /);
  });

  it("carries no control character a log viewer would act on", () => {
    expect(output).not.toMatch(ACTIVE);
  });

  it("keeps every string inside its own property or the data, round-tripping exactly", () => {
    const commands = lines.slice(0, 4).map(parseCommand);
    for (const command of commands) {
      expect(command).toBeDefined();
      expect(
        Object.keys(command?.properties ?? {}).every((k) => ["file", "line", "col", "title"].includes(k)),
      ).toBe(true);
    }
    const failure = commands.find((c) => c?.data.includes("message "));
    expect(failure?.properties.title).toBe(
      neutralizeControls(`recommended-suppression: title ${HOSTILE}`).replace(
        "recommended-suppression",
        "suppression-bounce-complaint",
      ),
    );
    expect(failure?.data).toBe(
      neutralizeControls(
        `eu-west-1${HOSTILE} 1234${HOSTILE}: message ${HOSTILE}\nFix: fix ${HOSTILE}\nDocs: https://docs.example/${HOSTILE}`,
      ),
    );
    const unreadable = commands.find((c) => c?.properties.title?.startsWith("ses-guard could not read"));
    // The file is repository-relative with `/` separators (the backslash in the data is one).
    expect(unreadable?.properties.file).toBe(
      neutralizeControls(repositoryPath(`.github/workflows/${HOSTILE}.yml`, context.workspace) ?? ""),
    );
    const userRule = commands.find((c) => c?.properties.title?.startsWith("user-rule"));
    expect(userRule?.properties.file).toBe(neutralizeControls(repositoryPath(`team ${HOSTILE}.yaml`) ?? ""));
    expect(userRule?.properties.line).toBe("7");
  });
});

describe("hostile strings in the markdown format", () => {
  const output = formatMarkdown(report, context);
  const OWN_TAGS = /<br>|<pre><code>|<\/code><\/pre>|<sub>|<\/sub>|<\/?details>|<\/?summary>/g;

  it("contains no HTML tag but its own, and no active control character", () => {
    expect(output.replace(OWN_TAGS, "")).not.toContain("<");
    expect(output).not.toMatch(ACTIVE);
    expect(output).not.toContain("<script");
  });

  it("never lets data start a line, a table cell or a link", () => {
    let inPre = false;
    for (const line of output.split("\n")) {
      if (line.startsWith("<pre><code>")) inPre = !line.includes("</code></pre>");
      else if (inPre) {
        if (line.includes("</code></pre>")) inPre = false;
        continue;
      }
      expect(line).toMatch(
        /^(|#{2,4} .*|\| .* \||\*\*.*|Hint: .*|<pre><code>.*|\[Documentation\]\(https:\/\/.*\)|Documentation: .*|Severity .*|Skipped.*|No rules.*|\d+ rules? w.*|---|<sub>.*|<\/?details>|<summary>.*<\/summary>|Policy: .*)$/u,
      );
    }
    for (const row of output.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"))) {
      // Exactly four cells: only the separators written by the formatter are pipes.
      expect(row.split("|")).toHaveLength(6);
    }
    // Outside <pre> blocks (raw HTML, where Markdown is not parsed) the only links are ours.
    const outsidePre = output.replace(/<pre><code>[\s\S]*?<\/code><\/pre>/g, "");
    expect(outsidePre).not.toMatch(/\]\((?!https:\/\/docs\.aws)/);
  });
});

describe("hostile strings in the junit format", () => {
  const output = formatJunit(report, context);

  it("is well-formed and valid against the JUnit XSD", async () => {
    expect(wellFormed(output)).toBe(true);
    expect(await junitSchemaErrors(output)).toEqual([]);
    expect(output).not.toMatch(ACTIVE);
  });

  it("round-trips every string through an XML parser", () => {
    const suites = parseJunit(output).testsuites.testsuite;
    expect(suites[0]?.["@name"]).toBe(toXmlChars(`ses-guard eu-west-1${HOSTILE} 1234${HOSTILE}`));
    const failure = suites[0]?.testcase[0]?.failure;
    expect(failure?.["@message"]).toBe(toXmlChars(`message ${HOSTILE}`));
    expect(
      failure?.["#text"].startsWith(toXmlChars(`message ${HOSTILE}\n\nRemediation: fix ${HOSTILE}`)),
    ).toBe(true);
    expect(suites[1]?.testcase[0]?.skipped?.["@message"]).toBe(
      toXmlChars(`waived until 2027-01-01: reason ${HOSTILE}`),
    );
    expect(suites[2]?.["system-err"]).toBe(
      toXmlChars(`Code${HOSTILE}: cause ${HOSTILE}\nHint: hint ${HOSTILE}`),
    );
  });
});

describe("hostile strings in the sarif format", () => {
  const output = formatSarif(report, context);

  it("is valid JSON and valid SARIF, with no active control character", () => {
    const log = JSON.parse(output) as unknown;
    expect(sarifSchemaValidator()(log)).toEqual([]);
    expect(output).not.toMatch(ACTIVE);
  });

  it("keeps the text, percent-encodes file URIs, and cannot close the remediation code block", () => {
    const log = JSON.parse(output) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ help: { markdown: string }; helpUri?: string }> } };
        results: Array<{
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
        }>;
      }>;
    };
    const run = log.runs[0];
    const texts = run?.results.map((r) => r.message.text) ?? [];
    expect(texts).toContain(
      neutralizeControls(`message ${HOSTILE} (region eu-west-1${HOSTILE}, account 1234${HOSTILE}).`),
    );
    for (const result of run?.results ?? []) {
      const uri = result.locations[0]?.physicalLocation.artifactLocation.uri ?? "";
      expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
      expect(decodeURIComponent(uri)).not.toMatch(/^\/|^[a-z]+:/i);
    }
    const markdown = run?.tool.driver.rules[0]?.help.markdown ?? "";
    const fence = /^(`{3,})$/m.exec(markdown)?.[1] ?? "";
    expect(markdown.split("\n").filter((l) => l === fence)).toHaveLength(2);
    expect(run?.tool.driver.rules[0]?.helpUri).toBeUndefined();
  });
});
