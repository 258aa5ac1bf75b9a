/**
 * Policy test files (`*.test.yaml`): a policy, and cases that each give one account's GetAccount
 * data and the result expected of some rules. Parsed with positions, so every problem names the
 * file, line and column; nothing here touches the file system.
 */

import { accountShape, type FieldShape } from "../account/shape.js";
import type { Diagnostic } from "../errors.js";
import { isCalendarDate } from "../policy/policy-file.js";
import { describePointer } from "../policy/schema-errors.js";
import { escapePointer, isMap, parseYaml, type YamlDocument } from "../policy/yaml-document.js";
import { didYouMean } from "../suggest.js";
import { REGION_CODE } from "../targets/region-names.js";
import type { Severity, SourceLocation } from "../types.js";

/** The results a case can expect of a rule (`error` cannot happen: test data is always readable). */
const expectedStatuses = ["pass", "fail", "waived", "skipped"] as const;

/** A result status a case can expect. */
export type ExpectedStatus = (typeof expectedStatuses)[number];

/** What a case expects of one rule. */
export interface Expectation {
  ruleId: string;
  status: ExpectedStatus;
  /** Text the result's message must contain (to test `message:` templates). */
  messageIncludes?: string;
  /** The severity the rule must have after overrides. */
  severity?: Severity;
  /** Where the expectation is written (its key). */
  location: SourceLocation;
}

/** Where a case's account data comes from. */
export type AccountSource =
  | { kind: "inline"; account: Record<string, unknown> }
  | { kind: "file"; path: string; location: SourceLocation };

/** One case: an account, the target it stands for, and the expected results. */
export interface TestCase {
  name: string;
  location: SourceLocation;
  region?: string;
  accountId?: string;
  /** `YYYY-MM-DD` to evaluate waivers on; overrides the file's `today`. */
  today?: string;
  account: AccountSource;
  expectations: Expectation[];
}

/** A parsed test file. */
export interface TestFile {
  file: string;
  /** Pack names, or policy paths as written (relative to the test file). */
  policies: string[];
  policyLocation: SourceLocation;
  /** `YYYY-MM-DD` to evaluate waivers on, for every case without its own. */
  today?: string;
  cases: TestCase[];
}

/** A test file, or every problem that keeps it from running. */
export type TestFileParse = { ok: true; testFile: TestFile } | { ok: false; diagnostics: Diagnostic[] };

const topKeys = ["version", "policy", "today", "cases"];
const caseKeys = ["name", "region", "accountId", "today", "account", "accountFile", "expect"];
const expectationKeys = ["status", "messageIncludes", "severity"];
const severities: readonly Severity[] = ["error", "warning", "notice"];
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,127}$/;
const ACCOUNT_ID = /^\d{12}$/;

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
  const reader = new Reader(parsed.document);
  const testFile = reader.file();
  return testFile && reader.diagnostics.length === 0
    ? { ok: true, testFile }
    : { ok: false, diagnostics: reader.diagnostics };
}

/** Walks the document, collecting every problem rather than stopping at the first. */
class Reader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly doc: YamlDocument) {}

  file(): TestFile | undefined {
    const root = this.doc.value;
    if (!isMap(root)) {
      this.report("test/not-a-map", "a test file is a map with `version: 1`, `policy:` and `cases:`", "");
      return undefined;
    }
    this.unknownKeys(root, "", topKeys, "the test file");
    if (!("version" in root)) this.report("test/missing-key", 'the test file is missing "version: 1"', "");
    else if (root.version !== 1) {
      this.report(
        "test/unsupported-version",
        `unsupported test file version ${JSON.stringify(root.version)}; this ses-guard reads version: 1`,
        "/version",
      );
    }
    const policies = this.policies(root);
    const today = this.date(root, "/today");
    const cases = this.cases(root);
    if (!policies || !cases) return undefined;
    const testFile: TestFile = {
      file: this.doc.file,
      policies,
      policyLocation: this.doc.locate("/policy"),
      cases,
    };
    if (today) testFile.today = today;
    return testFile;
  }

  private policies(root: Record<string, unknown>): string[] | undefined {
    const raw = root.policy;
    if (raw === undefined) {
      this.report(
        "test/missing-key",
        'the test file is missing "policy": a policy file (relative to this file) or a pack name',
        "",
      );
      return undefined;
    }
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.length === 0) {
      this.report("test/empty-list", "policy must name at least one policy file or pack", "/policy");
      return undefined;
    }
    const bad = list.findIndex((entry) => typeof entry !== "string" || entry.trim() === "");
    if (bad !== -1) {
      this.report(
        "test/wrong-type",
        "policy must be a policy file (relative to this file) or pack name, or a list of them",
        Array.isArray(raw) ? `/policy/${bad}` : "/policy",
      );
      return undefined;
    }
    return list as string[];
  }

  private cases(root: Record<string, unknown>): TestCase[] | undefined {
    const raw = root.cases;
    if (raw === undefined) {
      this.report("test/missing-key", 'the test file is missing "cases": a list of test cases', "");
      return undefined;
    }
    if (!Array.isArray(raw) || raw.length === 0) {
      this.report("test/wrong-type", "cases must be a non-empty list of test cases", "/cases");
      return undefined;
    }
    const names = new Map<string, number>();
    const cases: TestCase[] = [];
    raw.forEach((item, i) => {
      const testCase = this.testCase(item, `/cases/${i}`);
      if (!testCase) return;
      const previous = names.get(testCase.name);
      if (previous !== undefined) {
        this.report(
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

  private testCase(raw: unknown, pointer: string): TestCase | undefined {
    if (!isMap(raw)) {
      this.report(
        "test/wrong-type",
        `${describePointer(pointer)} must be a map with name, account and expect`,
        pointer,
      );
      return undefined;
    }
    const errorsBefore = this.diagnostics.length;
    this.unknownKeys(raw, pointer, caseKeys, describePointer(pointer));
    const name = raw.name;
    if (typeof name !== "string" || name.trim() === "") {
      this.report(
        "test/missing-key",
        `${describePointer(pointer)} needs a name: a short sentence saying what it tests`,
        name === undefined ? pointer : `${pointer}/name`,
      );
    }
    const region = this.optionalString(
      raw,
      pointer,
      "region",
      REGION_CODE,
      "is not an AWS region name (e.g. us-east-1)",
    );
    const accountId = this.accountId(raw, pointer);
    const today = this.date(raw, `${pointer}/today`);
    const account = this.account(raw, pointer);
    const expectations = this.expectations(raw, pointer);
    if (this.diagnostics.length > errorsBefore || !account || !expectations || typeof name !== "string") {
      return undefined;
    }
    const testCase: TestCase = { name, location: this.doc.locate(pointer), account, expectations };
    if (region !== undefined) testCase.region = region;
    if (accountId !== undefined) testCase.accountId = accountId;
    if (today !== undefined) testCase.today = today;
    return testCase;
  }

  private accountId(raw: Record<string, unknown>, pointer: string): string | undefined {
    const value = raw.accountId;
    if (value === undefined) return undefined;
    if (typeof value === "number") {
      this.report(
        "test/invalid-account-id",
        `accountId must be in quotes ("${String(value).padStart(12, "0")}") so YAML keeps it as text with its leading zeros`,
        `${pointer}/accountId`,
      );
      return undefined;
    }
    if (typeof value !== "string" || !ACCOUNT_ID.test(value)) {
      this.report(
        "test/invalid-account-id",
        `accountId ${JSON.stringify(value)} is not an AWS account id (12 digits, in quotes)`,
        `${pointer}/accountId`,
      );
      return undefined;
    }
    return value;
  }

  private account(raw: Record<string, unknown>, pointer: string): AccountSource | undefined {
    const hasInline = "account" in raw;
    const hasFile = "accountFile" in raw;
    if (hasInline && hasFile) {
      this.report(
        "test/account-conflict",
        "a case takes either `account` (GetAccount data inline) or `accountFile`, not both",
        `${pointer}/accountFile`,
        true,
      );
      return undefined;
    }
    if (!hasInline && !hasFile) {
      this.report(
        "test/missing-key",
        `${describePointer(pointer)} needs \`account\` (GetAccount data inline) or \`accountFile\` (a JSON file relative to this test file)`,
        pointer,
      );
      return undefined;
    }
    if (hasFile) {
      const path = raw.accountFile;
      if (typeof path !== "string" || path.trim() === "") {
        this.report(
          "test/wrong-type",
          "accountFile must be a path to a JSON file, relative to this test file",
          `${pointer}/accountFile`,
        );
        return undefined;
      }
      return { kind: "file", path, location: this.doc.locate(`${pointer}/accountFile`) };
    }
    const account = raw.account;
    if (!isMap(account)) {
      this.report(
        "test/wrong-type",
        "account must be a map: the GetAccount response, as `aws sesv2 get-account` prints it",
        `${pointer}/account`,
      );
      return undefined;
    }
    const before = this.diagnostics.length;
    this.members(account, accountShape, `${pointer}/account`, "");
    return this.diagnostics.length === before ? { kind: "inline", account } : undefined;
  }

  /**
   * Inline accounts are written by hand, so a misspelt member would silently test nothing: every
   * member must exist in the GetAccount model. Values of the wrong type are allowed on purpose, to
   * test how rules treat them.
   */
  private members(data: Record<string, unknown>, shape: FieldShape, pointer: string, path: string): void {
    if (shape.type !== "structure") return;
    const known = Object.keys(shape.members);
    for (const [name, value] of Object.entries(data)) {
      const child = `${pointer}/${escapePointer(name)}`;
      if (path === "" && name === "$metadata") continue;
      if (name.startsWith("$")) {
        this.report(
          "test/computed-fact",
          `${name} is computed by ses-guard from the account data; set the members it comes from (SendQuota, or the case's region and accountId) instead`,
          child,
          true,
        );
        continue;
      }
      const member = Object.hasOwn(shape.members, name) ? shape.members[name] : undefined;
      if (!member) {
        const where = path === "" ? "GetAccountResponse" : path;
        this.report(
          "test/unknown-member",
          `"${name}" is not a member of ${where}${didYouMean(name, known)}; members are ${known.join(", ")}`,
          child,
          true,
        );
        continue;
      }
      if (isMap(value)) this.members(value, member, child, path ? `${path}.${name}` : name);
    }
  }

  private expectations(raw: Record<string, unknown>, pointer: string): Expectation[] | undefined {
    const expect = raw.expect;
    const at = `${pointer}/expect`;
    if (expect === undefined) {
      this.report(
        "test/missing-key",
        `${describePointer(pointer)} needs \`expect\`: rule ids mapped to ${expectedStatuses.join(" | ")}`,
        pointer,
      );
      return undefined;
    }
    if (!isMap(expect) || Object.keys(expect).length === 0) {
      this.report(
        "test/wrong-type",
        `expect must map at least one rule id to ${expectedStatuses.join(" | ")}`,
        at,
      );
      return undefined;
    }
    const expectations: Expectation[] = [];
    for (const [ruleId, value] of Object.entries(expect)) {
      const child = `${at}/${escapePointer(ruleId)}`;
      const location = this.doc.locate(child, true);
      if (!RULE_ID.test(ruleId)) {
        this.report(
          "test/invalid-rule-id",
          `"${ruleId}" is not a rule id (lower-case letters, digits and hyphens)`,
          child,
          true,
        );
        continue;
      }
      if (typeof value === "string") {
        const status = this.status(value, child);
        if (status) expectations.push({ ruleId, status, location });
        continue;
      }
      if (!isMap(value)) {
        this.report(
          "test/invalid-expectation",
          `expect.${ruleId} must be ${expectedStatuses.join(" | ")}, or a map with status (and messageIncludes, severity)`,
          child,
        );
        continue;
      }
      this.unknownKeys(value, child, expectationKeys, `expect.${ruleId}`);
      const messageIncludes = this.optionalString(value, child, "messageIncludes");
      const severity = this.severity(value, child);
      if (typeof value.status !== "string") {
        this.report(
          "test/missing-key",
          `expect.${ruleId} needs status: ${expectedStatuses.join(" | ")}`,
          value.status === undefined ? child : `${child}/status`,
        );
        continue;
      }
      const status = this.status(value.status, `${child}/status`);
      if (!status) continue;
      const expectation: Expectation = { ruleId, status, location };
      if (messageIncludes !== undefined) expectation.messageIncludes = messageIncludes;
      if (severity !== undefined) expectation.severity = severity;
      expectations.push(expectation);
    }
    return expectations;
  }

  private status(value: string, pointer: string): ExpectedStatus | undefined {
    if ((expectedStatuses as readonly string[]).includes(value)) return value as ExpectedStatus;
    this.report(
      "test/invalid-expectation",
      `expected result "${value}" is not one of ${expectedStatuses.join(", ")}${didYouMean(value, expectedStatuses)}`,
      pointer,
    );
    return undefined;
  }

  private severity(value: Record<string, unknown>, pointer: string): Severity | undefined {
    if (value.severity === undefined) return undefined;
    if (typeof value.severity === "string" && (severities as readonly string[]).includes(value.severity)) {
      return value.severity as Severity;
    }
    this.report(
      "test/invalid-expectation",
      `severity ${JSON.stringify(value.severity)} is not one of ${severities.join(", ")}${didYouMean(String(value.severity), severities)}`,
      `${pointer}/severity`,
    );
    return undefined;
  }

  private optionalString(
    raw: Record<string, unknown>,
    pointer: string,
    key: string,
    pattern?: RegExp,
    problem = "must not be empty",
  ): string | undefined {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "" || (pattern && !pattern.test(value))) {
      this.report(
        "test/invalid-value",
        `${key} ${JSON.stringify(value)} ${typeof value === "string" ? problem : "must be text"}`,
        `${pointer}/${key}`,
      );
      return undefined;
    }
    return value;
  }

  private date(raw: unknown, pointer: string): string | undefined {
    const key = pointer.slice(pointer.lastIndexOf("/") + 1);
    const value = isMap(raw) ? raw[key] : undefined;
    if (value === undefined) return undefined;
    if (typeof value !== "string" || !isCalendarDate(value)) {
      this.report(
        "test/invalid-date",
        `today is ${JSON.stringify(value)}; must be a calendar date as YYYY-MM-DD`,
        pointer,
      );
      return undefined;
    }
    return value;
  }

  private unknownKeys(raw: Record<string, unknown>, pointer: string, allowed: string[], where: string): void {
    for (const key of Object.keys(raw)) {
      if (allowed.includes(key)) continue;
      this.report(
        "test/unknown-key",
        `unknown key "${key}" in ${where}${didYouMean(key, allowed)}; allowed keys are ${allowed.join(", ")}`,
        `${pointer}/${escapePointer(key)}`,
        true,
      );
    }
  }

  private report(code: string, message: string, pointer: string, key = false): void {
    this.diagnostics.push({ code, message, ...this.doc.locate(pointer, key) });
  }
}
