/**
 * The `ses-guard test` report: exact terminal lines (words off a terminal, marks on one, colour
 * when asked), and JUnit that the Jenkins JUnit XSD accepts, with hostile case names escaped.
 */
import { describe, expect, it } from "vitest";
import { formatTestJunit, formatTestText } from "../../src/authoring/test-report.js";
import { runTestFile, type TestFileOutcome, type TestRun } from "../../src/authoring/test-runner.js";
import { junitSchemaErrors, parseJunit } from "../report/junit-validators.js";
import { loadFrom, testFile } from "./helpers.js";

async function sampleRun(caseName = "sandbox account"): Promise<TestRun> {
  const policy = await loadFrom(["recommended"]);
  const parsed = testFile(
    `version: 1
policy: recommended
cases:
  - name: healthy
    account: { SendingEnabled: true }
    expect: { sending-enabled: pass }
  - name: ${JSON.stringify(caseName)}
    account: { ProductionAccessEnabled: false, SendingEnabled: true }
    expect:
      sending-enabled: pass
      production-access: pass
  - name: typo
    account: {}
    expect: { vdm-enabeld: fail }
`,
    "checks/accounts.test.yaml",
  );
  const ran = runTestFile(parsed, { policy, today: "2026-05-01", readAccountFile: () => ({ targets: [] }) });
  const invalid: TestFileOutcome = {
    file: "checks/broken.test.yaml",
    cases: [],
    diagnostics: [
      {
        code: "yaml/syntax",
        message: "invalid YAML: Unexpected end",
        file: "checks/broken.test.yaml",
        line: 3,
        column: 1,
      },
    ],
  };
  return { files: [ran, invalid] };
}

describe("the terminal report", () => {
  it("prints a line per case, each failed expectation with its place and message, and a summary", async () => {
    expect(formatTestText(await sampleRun(), { color: false, unicode: false }).split("\n")).toEqual([
      "checks/accounts.test.yaml",
      "  PASS  healthy (1 rule)",
      "  FAIL  sandbox account (2 rules)",
      "        checks/accounts.test.yaml:11:7: production-access: expected pass, got fail",
      "          message: ProductionAccessEnabled is false; must equal true",
      "  ERROR typo",
      '        checks/accounts.test.yaml:14:15: case "typo" expects a result of rule "vdm-enabeld", which the policy does not have (did you mean "vdm-enabled"?)',
      "",
      "checks/broken.test.yaml",
      "  ERROR checks/broken.test.yaml:3:1: invalid YAML: Unexpected end",
      "",
      "2 files, 3 cases: 1 passed, 1 failed, 1 could not run; 3 expectations, 1 failed; 1 test file could not run",
      "",
    ]);
  });

  it("uses ✓ and ✗ on a terminal, and colour only when allowed", async () => {
    const run = await sampleRun();
    const plain = formatTestText(run, { color: false, unicode: true });
    expect(plain).toContain(
      "  ✓ healthy (1 rule)\n  ✗ sandbox account (2 rules)\n    checks/accounts.test.yaml:11:7:",
    );
    expect(plain).not.toContain("\u001b[");
    const coloured = formatTestText(run, { color: true, unicode: true });
    expect(coloured).toContain("\u001b[32m✓\u001b[0m healthy");
    expect(coloured).toContain("\u001b[31m✗\u001b[0m sandbox account");
  });

  it("shows control characters in names as visible escapes, so a test file cannot move the cursor", async () => {
    const text = formatTestText(await sampleRun("evil\u001b[2J\u001b]8;;http://x\u0007"), {
      color: false,
      unicode: false,
    });
    expect(text).not.toMatch(/\u001b|\u0007/);
    expect(text).toContain("FAIL  evil\\x1b[2J\\x1b]8;;http://x\\x07");
  });

  it("says so when there is nothing to report", () => {
    expect(formatTestText({ files: [] }, { color: false, unicode: false })).toBe(
      "0 files, 0 cases: 0 passed, 0 failed; 0 expectations, 0 failed\n",
    );
  });
});

describe("JUnit", () => {
  it("has a suite per test file and a case per expectation, valid against the JUnit XSD", async () => {
    const xml = formatTestJunit(await sampleRun());
    expect(await junitSchemaErrors(xml)).toEqual([]);
    const doc = parseJunit(xml);
    expect(doc.testsuites).toMatchObject({ "@tests": "5", "@failures": "1", "@errors": "2" });
    const [accounts, broken] = doc.testsuites.testsuite;
    expect(accounts).toMatchObject({
      "@name": "checks/accounts.test.yaml",
      "@tests": "4",
      "@failures": "1",
      "@errors": "1",
    });
    expect(
      accounts?.testcase.map((c) => [
        c["@classname"],
        c["@name"],
        // The child elements (parseJunit keeps the whitespace between them as #text).
        Object.keys(c).filter((k) => !k.startsWith("@") && k !== "#text"),
      ]),
    ).toEqual([
      ["healthy", "sending-enabled is pass", []],
      ["sandbox account", "sending-enabled is pass", []],
      ["sandbox account", "production-access is pass", ["failure"]],
      ["typo", "(case)", ["error"]],
    ]);
    expect(accounts?.testcase[2]?.failure).toEqual({
      "@type": "expectation",
      "@message": "expected pass, got fail",
      "#text":
        "checks/accounts.test.yaml:11:7: production-access: expected pass, got fail\nmessage: ProductionAccessEnabled is false; must equal true",
    });
    expect(accounts?.testcase[3]?.error?.["@type"]).toBe("test/unknown-rule");
    expect(broken).toMatchObject({ "@tests": "1", "@errors": "1", "@failures": "0" });
    expect(broken?.testcase[0]?.error?.["#text"]).toBe(
      "checks/broken.test.yaml:3:1: invalid YAML: Unexpected end",
    );
  });

  it("escapes names that try to break out of the XML", async () => {
    const hostile = "a\"b<c>&d]]></testcase><x y='1'>\u001b[31m";
    const xml = formatTestJunit(await sampleRun(hostile));
    expect(await junitSchemaErrors(xml)).toEqual([]);
    expect(xml).not.toContain("]]>");
    expect(xml).not.toContain("\u001b");
    const names = parseJunit(xml).testsuites.testsuite[0]?.testcase.map((c) => c["@classname"]);
    expect(names).toContain("a\"b<c>&d]]></testcase><x y='1'>\\x1b[31m");
  });
});
