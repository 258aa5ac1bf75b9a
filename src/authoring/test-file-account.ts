/** A test case's account data: inline GetAccount members (checked against the model) or a file. */
import { accountShape, type FieldShape } from "../account/shape.js";
import { describePointer } from "../policy/schema-errors.js";
import { escapePointer, isMap } from "../policy/yaml-document.js";
import { didYouMean } from "../suggest.js";
import type { TestFileReader } from "./test-file-reader.js";
import type { AccountSource } from "./test-file-types.js";

/** Reads `account` (inline) or `accountFile`; exactly one is required. */
export function readAccountSource(
  reader: TestFileReader,
  raw: Record<string, unknown>,
  pointer: string,
): AccountSource | undefined {
  const hasInline = "account" in raw;
  const hasFile = "accountFile" in raw;
  if (hasInline && hasFile) {
    reader.report(
      "test/account-conflict",
      "a case takes either `account` (GetAccount data inline) or `accountFile`, not both",
      `${pointer}/accountFile`,
      true,
    );
    return undefined;
  }
  if (!hasInline && !hasFile) {
    reader.report(
      "test/missing-key",
      `${describePointer(pointer)} needs \`account\` (GetAccount data inline) or \`accountFile\` (a JSON file relative to this test file)`,
      pointer,
    );
    return undefined;
  }
  if (hasFile) {
    const path = raw.accountFile;
    if (typeof path !== "string" || path.trim() === "") {
      reader.report(
        "test/wrong-type",
        "accountFile must be a path to a JSON file, relative to this test file",
        `${pointer}/accountFile`,
      );
      return undefined;
    }
    return { kind: "file", path, location: reader.doc.locate(`${pointer}/accountFile`) };
  }
  const account = raw.account;
  if (!isMap(account)) {
    reader.report(
      "test/wrong-type",
      "account must be a map: the GetAccount response, as `aws sesv2 get-account` prints it",
      `${pointer}/account`,
    );
    return undefined;
  }
  const before = reader.diagnostics.length;
  checkMembers(reader, account, accountShape, `${pointer}/account`, "");
  return reader.diagnostics.length === before ? { kind: "inline", account } : undefined;
}

/**
 * Inline accounts are written by hand, so a misspelt member would silently test nothing: every
 * member must exist in the GetAccount model. Values of the wrong type are allowed on purpose, to
 * test how rules treat them.
 */
function checkMembers(
  reader: TestFileReader,
  data: Record<string, unknown>,
  shape: FieldShape,
  pointer: string,
  path: string,
): void {
  if (shape.type !== "structure") return;
  const known = Object.keys(shape.members);
  for (const [name, value] of Object.entries(data)) {
    const child = `${pointer}/${escapePointer(name)}`;
    if (path === "" && name === "$metadata") continue;
    if (name.startsWith("$")) {
      reader.report(
        "test/computed-fact",
        `${name} is computed by ses-guard, not part of GetAccount; set the members it comes from (SendQuota), or the case's region, accountId, accountName, accountTags or reputation, instead`,
        child,
        true,
      );
      continue;
    }
    const member = Object.hasOwn(shape.members, name) ? shape.members[name] : undefined;
    if (!member) {
      const where = path === "" ? "GetAccountResponse" : path;
      reader.report(
        "test/unknown-member",
        `"${name}" is not a member of ${where}${didYouMean(name, known)}; members are ${known.join(", ")}`,
        child,
        true,
      );
      continue;
    }
    if (isMap(value)) checkMembers(reader, value, member, child, path ? `${path}.${name}` : name);
  }
}
