/**
 * Policy test files (`*.test.yaml`): a policy, and cases that each give one account's GetAccount
 * data (and what an account source or CloudWatch would add) and the result expected of some
 * rules. Parsed with positions, so every problem names the file, line and column; nothing here
 * touches the file system.
 */

import type { Diagnostic } from "../errors.js";
import { describePointer } from "../policy/schema-errors.js";
import { isMap, parseYaml } from "../policy/yaml-document.js";
import { REGION_CODE } from "../targets/region-names.js";
import { readAccountSource } from "./test-file-account.js";
import { readExpectations } from "./test-file-expectations.js";
import { readAccountId, readAccountTags, readReputation } from "./test-file-facts.js";
import { TestFileReader } from "./test-file-reader.js";
import type { TestCase, TestFile } from "./test-file-types.js";

export type {
  AccountSource,
  Expectation,
  ExpectedStatus,
  TestCase,
  TestFile,
} from "./test-file-types.js";

/** A test file, or every problem that keeps it from running. */
export type TestFileParse = { ok: true; testFile: TestFile } | { ok: false; diagnostics: Diagnostic[] };

const topKeys = ["version", "policy", "today", "cases"];
const caseKeys = [
  "name",
  "region",
  "accountId",
  "accountName",
  "accountTags",
  "reputation",
  "today",
  "account",
  "accountFile",
  "expect",
];

/** Parses and validates a test file's text; `file` is the name shown in messages. */
export function parseTestFile(file: string, text: string): TestFileParse {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) {
    return {
      ok: false,
      diagnostics: parsed.diagnostics.map((d) =>
        d.code === "yaml/empty"
          ? { ...d, message: "file is empty; a test file starts with `version: 1`, `policy:` and `cases:`" }
          : d,
      ),
    };
  }
  const reader = new TestFileReader(parsed.document);
  const testFile = readFile(reader);
  return testFile && reader.diagnostics.length === 0
    ? { ok: true, testFile }
    : { ok: false, diagnostics: reader.diagnostics };
}

function readFile(reader: TestFileReader): TestFile | undefined {
  const root = reader.doc.value;
  if (!isMap(root)) {
    reader.report("test/not-a-map", "a test file is a map with `version: 1`, `policy:` and `cases:`", "");
    return undefined;
  }
  reader.unknownKeys(root, "", topKeys, "the test file");
  if (!("version" in root)) reader.report("test/missing-key", 'the test file is missing "version: 1"', "");
  else if (root.version !== 1) {
    reader.report(
      "test/unsupported-version",
      `unsupported test file version ${JSON.stringify(root.version)}; this ses-guard reads version: 1`,
      "/version",
    );
  }
  const policies = readPolicies(reader, root);
  const today = reader.date(root, "/today");
  const cases = readCases(reader, root);
  if (!policies || !cases) return undefined;
  const testFile: TestFile = {
    file: reader.doc.file,
    policies,
    policyLocation: reader.doc.locate("/policy"),
    cases,
  };
  if (today) testFile.today = today;
  return testFile;
}

function readPolicies(reader: TestFileReader, root: Record<string, unknown>): string[] | undefined {
  const raw = root.policy;
  if (raw === undefined) {
    reader.report(
      "test/missing-key",
      'the test file is missing "policy": a policy file (relative to this file) or a pack name',
      "",
    );
    return undefined;
  }
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) {
    reader.report("test/empty-list", "policy must name at least one policy file or pack", "/policy");
    return undefined;
  }
  const bad = list.findIndex((entry) => typeof entry !== "string" || entry.trim() === "");
  if (bad !== -1) {
    reader.report(
      "test/wrong-type",
      "policy must be a policy file (relative to this file) or pack name, or a list of them",
      Array.isArray(raw) ? `/policy/${bad}` : "/policy",
    );
    return undefined;
  }
  return list as string[];
}

function readCases(reader: TestFileReader, root: Record<string, unknown>): TestCase[] | undefined {
  const raw = root.cases;
  if (raw === undefined) {
    reader.report("test/missing-key", 'the test file is missing "cases": a list of test cases', "");
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    reader.report("test/wrong-type", "cases must be a non-empty list of test cases", "/cases");
    return undefined;
  }
  const names = new Map<string, number>();
  const cases: TestCase[] = [];
  raw.forEach((item, i) => {
    const testCase = readCase(reader, item, `/cases/${i}`);
    if (!testCase) return;
    const previous = names.get(testCase.name);
    if (previous !== undefined) {
      reader.report(
        "test/duplicate-case",
        `case name "${testCase.name}" is already used at line ${previous}; case names must be unique in a file`,
        `/cases/${i}/name`,
      );
      return;
    }
    names.set(testCase.name, testCase.location.line);
    cases.push(testCase);
  });
  return cases.length === raw.length ? cases : undefined;
}

function readCase(reader: TestFileReader, raw: unknown, pointer: string): TestCase | undefined {
  if (!isMap(raw)) {
    reader.report(
      "test/wrong-type",
      `${describePointer(pointer)} must be a map with name, account and expect`,
      pointer,
    );
    return undefined;
  }
  const errorsBefore = reader.diagnostics.length;
  reader.unknownKeys(raw, pointer, caseKeys, describePointer(pointer));
  const name = raw.name;
  if (typeof name !== "string" || name.trim() === "") {
    reader.report(
      "test/missing-key",
      `${describePointer(pointer)} needs a name: a short sentence saying what it tests`,
      name === undefined ? pointer : `${pointer}/name`,
    );
  }
  const region = reader.optionalString(
    raw,
    pointer,
    "region",
    REGION_CODE,
    "is not an AWS region name (e.g. us-east-1)",
  );
  const accountId = readAccountId(reader, raw, pointer);
  const accountName = reader.optionalString(raw, pointer, "accountName");
  const accountTags = readAccountTags(reader, raw, pointer);
  const reputation = readReputation(reader, raw, pointer);
  const today = reader.date(raw, `${pointer}/today`);
  const account = readAccountSource(reader, raw, pointer);
  const expectations = readExpectations(reader, raw, pointer);
  if (reader.diagnostics.length > errorsBefore || !account || !expectations || typeof name !== "string") {
    return undefined;
  }
  const testCase: TestCase = { name, location: reader.doc.locate(pointer), account, expectations };
  if (region !== undefined) testCase.region = region;
  if (accountId !== undefined) testCase.accountId = accountId;
  if (accountName !== undefined) testCase.accountName = accountName;
  if (accountTags !== undefined) testCase.accountTags = accountTags;
  if (reputation !== undefined) testCase.reputation = reputation;
  if (today !== undefined) testCase.today = today;
  return testCase;
}
