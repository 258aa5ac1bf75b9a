/**
 * The output of `ses-guard test`: a terminal report (a line per case, the failed expectations
 * under it, a summary line) and JUnit XML. Pure functions of the run, like the check reporters.
 */
import { type Diagnostic, formatDiagnostic } from "../errors.js";
import { escapeXmlAttribute, escapeXmlText } from "../report/escape.js";
import { terminalSafe } from "../report/terminal-text.js";
import {
  type CaseOutcome,
  casePassed,
  type ExpectationOutcome,
  summarizeTestRun,
  type TestRun,
  type TestRunSummary,
} from "./test-runner.js";

/** How the terminal report may draw. */
export interface TestTextOptions {
  color: boolean;
  /** ✓/✗ marks; otherwise PASS/FAIL words, which survive any log viewer. */
  unicode: boolean;
}

type Mark = "pass" | "fail" | "error";

const words: Record<Mark, string> = { pass: "PASS ", fail: "FAIL ", error: "ERROR" };
const symbols: Record<Mark, string> = { pass: "✓", fail: "✗", error: "!" };
const colours: Record<Mark, number> = { pass: 32, fail: 31, error: 35 };

/** The terminal report: per file, a line per case; under a failed case, each failed expectation. */
export function formatTestText(run: TestRun, options: TestTextOptions): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const mark = (kind: Mark) => paint(colours[kind], options.unicode ? symbols[kind] : words[kind]);
  const indent = options.unicode ? "    " : "        ";
  const lines: string[] = [];
  for (const file of run.files) {
    if (lines.length > 0) lines.push("");
    lines.push(paint(1, terminalSafe(file.file)));
    for (const diagnostic of file.diagnostics) lines.push(`  ${mark("error")} ${diagnosticLine(diagnostic)}`);
    for (const outcome of file.cases) {
      const name = terminalSafe(outcome.testCase.name);
      if (outcome.diagnostics.length > 0) {
        lines.push(`  ${mark("error")} ${name}`);
        for (const diagnostic of outcome.diagnostics) lines.push(`${indent}${diagnosticLine(diagnostic)}`);
        continue;
      }
      const count = outcome.expectations.length;
      const detail = paint(2, `(${count} ${count === 1 ? "rule" : "rules"})`);
      lines.push(`  ${mark(casePassed(outcome) ? "pass" : "fail")} ${name} ${detail}`);
      for (const failed of outcome.expectations.filter((e) => !e.held)) {
        lines.push(...failureLines(failed, indent));
      }
    }
  }
  if (run.files.length > 0) lines.push("");
  lines.push(summaryLine(summarizeTestRun(run)));
  return `${lines.join("\n")}\n`;
}

function failureLines(outcome: ExpectationOutcome, indent: string): string[] {
  const [where, message] = failureText(outcome, terminalSafe);
  return [`${indent}${where}`, `${indent}  ${message}`];
}

/**
 * A failed expectation in two lines, `file:line:column: ruleId: problem` and `message: …`, for the
 * terminal and JUnit alike. `clean` is applied to each value, not to the whole line: terminalSafe
 * escapes a leading `::` of its input, so cleaning a whole line would print different text.
 */
function failureText(
  outcome: ExpectationOutcome,
  clean: (text: string) => string = (text) => text,
): [string, string] {
  const { ruleId, location } = outcome.expectation;
  return [
    `${clean(`${location.file}:${location.line}:${location.column}`)}: ${clean(ruleId)}: ${clean(outcome.problem ?? "")}`,
    `message: ${clean(outcome.result.message)}`,
  ];
}

function diagnosticLine(diagnostic: Diagnostic): string {
  return terminalSafe(formatDiagnostic(diagnostic));
}

/**
 * `2 files, 12 cases: 11 passed, 1 failed; 40 expectations, 1 failed`, plus the cases and files
 * that could not run, which are what makes the exit code 2.
 */
export function summaryLine(summary: TestRunSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const cases = [`${summary.passedCases} passed`, `${summary.failedCases} failed`];
  if (summary.erroredCases > 0) cases.push(`${summary.erroredCases} could not run`);
  const parts = [
    `${plural(summary.files, "file")}, ${plural(summary.cases, "case")}: ${cases.join(", ")}`,
    `${plural(summary.expectations, "expectation")}, ${summary.failedExpectations} failed`,
  ];
  if (summary.invalidFiles > 0) {
    parts.push(`${plural(summary.invalidFiles, "test file")} could not run`);
  }
  return parts.join("; ");
}

/**
 * JUnit XML: a test suite per test file and a test case per expectation (case × rule), so a CI
 * test view names the exact rule that broke and counts expectations, not just cases. A case or
 * file that could not run is one test case with an `<error>`, so nothing silently disappears.
 */
export function formatTestJunit(run: TestRun): string {
  const suites = run.files.map((file) => {
    const testcases: string[] = [];
    let failures = 0;
    let errors = 0;
    if (file.diagnostics.length > 0) {
      errors++;
      testcases.push(errorCase(file.file, "(test file)", file.diagnostics));
    }
    for (const outcome of file.cases) {
      if (outcome.diagnostics.length > 0) {
        errors++;
        testcases.push(errorCase(outcome.testCase.name, "(case)", outcome.diagnostics));
        continue;
      }
      for (const expectation of outcome.expectations) {
        if (!expectation.held) failures++;
        testcases.push(expectationCase(outcome, expectation));
      }
    }
    const attributes = [
      `name="${escapeXmlAttribute(file.file)}"`,
      `tests="${testcases.length}"`,
      `failures="${failures}"`,
      `errors="${errors}"`,
      `skipped="0"`,
      `file="${escapeXmlAttribute(file.file)}"`,
    ];
    return {
      xml: `  <testsuite ${attributes.join(" ")}>\n${testcases.join("")}  </testsuite>\n`,
      failures,
      errors,
      tests: testcases.length,
    };
  });
  const total = (key: "tests" | "failures" | "errors") => suites.reduce((sum, suite) => sum + suite[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<testsuites name="ses-guard test" tests="${total("tests")}" failures="${total("failures")}" errors="${total("errors")}">\n`,
    ...suites.map((suite) => suite.xml),
    "</testsuites>\n",
  ].join("");
}

function expectationCase(outcome: CaseOutcome, expectation: ExpectationOutcome): string {
  const { ruleId, status } = expectation.expectation;
  const open = `    <testcase classname="${escapeXmlAttribute(outcome.testCase.name)}" name="${escapeXmlAttribute(`${ruleId} is ${status}`)}"`;
  if (expectation.held) return `${open}/>\n`;
  const body = failureText(expectation).join("\n");
  return `${open}>\n      <failure type="expectation" message="${escapeXmlAttribute(expectation.problem ?? "")}">${escapeXmlText(body)}</failure>\n    </testcase>\n`;
}

function errorCase(classname: string, name: string, diagnostics: readonly Diagnostic[]): string {
  const first = diagnostics[0];
  const text = diagnostics.map(formatDiagnostic).join("\n");
  return `    <testcase classname="${escapeXmlAttribute(classname)}" name="${escapeXmlAttribute(name)}">\n      <error type="${escapeXmlAttribute(first?.code ?? "test/error")}" message="${escapeXmlAttribute(first?.message ?? "could not run")}">${escapeXmlText(text)}</error>\n    </testcase>\n`;
}
