/**
 * The checkers the hardening tests rely on can fail: each reports a problem for output a CI log,
 * a terminal or a renderer would act on, and none for clean output.
 */
import { describe, expect, it } from "vitest";
import {
  htmlProblems,
  logLines,
  runnerUnescape,
  terminalProblems,
  workflowCommandProblems,
} from "./log-safety.js";

describe("logLines", () => {
  it("splits at CR, LF and CRLF as the runner does", () => {
    expect(logLines("a\rb\nc\r\nd")).toEqual(["a", "b", "c", "d"]);
  });
});

describe("workflowCommandProblems", () => {
  const clean = "us-east-1 · account unknown\n  FAIL   error   sending-enabled  SendingEnabled is false\n";

  it("finds nothing in plain output", () => {
    expect(workflowCommandProblems(clean)).toEqual([]);
  });

  it.each([
    ["a :: command", "ok\n::error::forged\n"],
    ["an indented :: command", "ok\n   ::warning::forged\n"],
    ["a command after a bare CR", "ok\r::error::forged"],
    ["##[ anywhere in a line", "text ##[error]forged\n"],
    ["stop-commands", "##[stop-commands]token\n"],
  ])("reports %s", (_name, text) => {
    expect(workflowCommandProblems(text)).toHaveLength(1);
  });

  it("allows ses-guard's own annotations only when asked, and only in its exact syntax", () => {
    const own =
      "::error file=policies/a.yaml,line=3,col=5,title=ses-guard sending-enabled::SendingEnabled is false";
    expect(workflowCommandProblems(own, { annotations: true })).toEqual([]);
    expect(workflowCommandProblems(own)).toHaveLength(1);
    expect(workflowCommandProblems("::add-mask::x", { annotations: true })).toHaveLength(1);
    expect(workflowCommandProblems("::error title=a,file=b::x", { annotations: true })).toHaveLength(1);
  });
});

describe("terminalProblems", () => {
  it("finds nothing in plain text with tabs and newlines", () => {
    expect(terminalProblems("PASS\tsending-enabled\nFAIL\tvdm-enabled\n")).toEqual([]);
  });

  it.each([
    ["an ANSI colour", "\u001b[31mred\u001b[0m"],
    ["an OSC 8 hyperlink", "\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007"],
    ["a C1 control", "a\u009bb"],
    ["a bidi override", "abc\u202edef"],
    ["DEL", "a\u007fb"],
  ])("reports %s", (_name, text) => {
    expect(terminalProblems(text).length).toBeGreaterThan(0);
  });

  it("reports a carriage return", () => {
    expect(terminalProblems("progress\rdone")).toContain(
      "a carriage return (it would overwrite the line on a terminal)",
    );
  });

  it("allows SGR colour only with color, and nothing else even then", () => {
    expect(terminalProblems("\u001b[32mPASS\u001b[0m", { color: true })).toEqual([]);
    expect(terminalProblems("\u001b[32mPASS\u001b[0m")).toHaveLength(1);
    expect(terminalProblems("\u001b[2J cleared", { color: true })).toHaveLength(1);
  });
});

describe("htmlProblems", () => {
  it("finds nothing in Markdown with only the tags the format writes", () => {
    const own =
      "| a<br>b |\n<details><summary>Rules</summary>\n<pre><code>x</code></pre>\n<sub>ses-guard</sub>\n</details>\n";
    expect(htmlProblems(own)).toEqual([]);
    expect(htmlProblems("a &lt;script&gt; b < c > d")).toEqual([]);
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>", ["tag <script", "tag </script"]],
    ["an image", "x <img src=x onerror=alert(1)> y", ["tag <img"]],
    ["a link tag", "<a href='https://evil.example'>", ["tag <a"]],
  ])("reports %s", (_name, text, expected) => {
    expect(htmlProblems(text)).toEqual(expected);
  });
});

describe("runnerUnescape", () => {
  it("undoes the runner's property escaping, %25 last", () => {
    expect(runnerUnescape("100%25 done%0D%0A%3A%3Aerror%3A%3Ax%2C y")).toBe("100% done\r\n::error::x, y");
    expect(runnerUnescape("%250A")).toBe("%0A");
  });
});
