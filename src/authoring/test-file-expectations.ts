/** A test case's `expect:` map: rule ids to the status (and message, severity) expected of them. */
import { describePointer } from "../policy/schema-errors.js";
import { escapePointer, isMap } from "../policy/yaml-document.js";
import { didYouMean } from "../suggest.js";
import type { Severity } from "../types.js";
import type { TestFileReader } from "./test-file-reader.js";
import { type Expectation, type ExpectedStatus, expectedStatuses } from "./test-file-types.js";

const expectationKeys = ["status", "messageIncludes", "severity"];
const severities: readonly Severity[] = ["error", "warning", "notice"];
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,127}$/;

/** Reads a case's `expect`; undefined when it is missing or not a non-empty map. */
export function readExpectations(
  reader: TestFileReader,
  raw: Record<string, unknown>,
  pointer: string,
): Expectation[] | undefined {
  const expect = raw.expect;
  const at = `${pointer}/expect`;
  if (expect === undefined) {
    reader.report(
      "test/missing-key",
      `${describePointer(pointer)} needs \`expect\`: rule ids mapped to ${expectedStatuses.join(" | ")}`,
      pointer,
    );
    return undefined;
  }
  if (!isMap(expect) || Object.keys(expect).length === 0) {
    reader.report(
      "test/wrong-type",
      `expect must map at least one rule id to ${expectedStatuses.join(" | ")}`,
      at,
    );
    return undefined;
  }
  const expectations: Expectation[] = [];
  for (const [ruleId, value] of Object.entries(expect)) {
    const child = `${at}/${escapePointer(ruleId)}`;
    const expectation = readExpectation(reader, ruleId, value, child);
    if (expectation) expectations.push(expectation);
  }
  return expectations;
}

function readExpectation(
  reader: TestFileReader,
  ruleId: string,
  value: unknown,
  child: string,
): Expectation | undefined {
  const location = reader.doc.locate(child, true);
  if (!RULE_ID.test(ruleId)) {
    reader.report(
      "test/invalid-rule-id",
      `"${ruleId}" is not a rule id (lower-case letters, digits and hyphens)`,
      child,
      true,
    );
    return undefined;
  }
  if (typeof value === "string") {
    const status = readStatus(reader, value, child);
    return status ? { ruleId, status, location } : undefined;
  }
  if (!isMap(value)) {
    reader.report(
      "test/invalid-expectation",
      `expect.${ruleId} must be ${expectedStatuses.join(" | ")}, or a map with status (and messageIncludes, severity)`,
      child,
    );
    return undefined;
  }
  reader.unknownKeys(value, child, expectationKeys, `expect.${ruleId}`);
  const messageIncludes = reader.optionalString(value, child, "messageIncludes");
  const severity = readSeverity(reader, value, child);
  if (typeof value.status !== "string") {
    reader.report(
      "test/missing-key",
      `expect.${ruleId} needs status: ${expectedStatuses.join(" | ")}`,
      value.status === undefined ? child : `${child}/status`,
    );
    return undefined;
  }
  const status = readStatus(reader, value.status, `${child}/status`);
  if (!status) return undefined;
  const expectation: Expectation = { ruleId, status, location };
  if (messageIncludes !== undefined) expectation.messageIncludes = messageIncludes;
  if (severity !== undefined) expectation.severity = severity;
  return expectation;
}

function readStatus(reader: TestFileReader, value: string, pointer: string): ExpectedStatus | undefined {
  if ((expectedStatuses as readonly string[]).includes(value)) return value as ExpectedStatus;
  reader.report(
    "test/invalid-expectation",
    `expected result "${value}" is not one of ${expectedStatuses.join(", ")}${didYouMean(value, expectedStatuses)}`,
    pointer,
  );
  return undefined;
}

function readSeverity(
  reader: TestFileReader,
  value: Record<string, unknown>,
  pointer: string,
): Severity | undefined {
  if (value.severity === undefined) return undefined;
  if (typeof value.severity === "string" && (severities as readonly string[]).includes(value.severity)) {
    return value.severity as Severity;
  }
  reader.report(
    "test/invalid-expectation",
    `severity ${JSON.stringify(value.severity)} is not one of ${severities.join(", ")}${didYouMean(String(value.severity), severities)}`,
    `${pointer}/severity`,
  );
  return undefined;
}
