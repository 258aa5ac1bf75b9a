/**
 * Reads an accounts file (`--accounts-file`, README.md "Reading many accounts"): YAML or JSON, the
 * same document `ses-guard accounts --format json` writes. Checked against policies/accounts.schema.json,
 * every problem reported at its line and column, like a policy. Pure: it is given the text.
 */
import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../errors.js";
// Compiled from policies/accounts.schema.json by scripts/generate.mjs (Ajv standalone).
import { validate as validator } from "../generated/validate-accounts.js";
import { escapePointer, parseYaml, type YamlDocument } from "../policy/yaml-document.js";
import type { FleetAccount } from "./fleet.js";

/** The accounts a file lists, or every problem in it. */
export type AccountsFileResult =
  | { ok: true; accounts: FleetAccount[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Parses and validates an accounts file's text; `file` is the name used in messages. */
export function parseAccountsFile(file: string, text: string): AccountsFileResult {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) {
    const diagnostics = parsed.diagnostics.map((d) =>
      d.code === "yaml/empty"
        ? { ...d, message: "file is empty; an accounts file starts with `accounts:`" }
        : d,
    );
    return { ok: false, diagnostics };
  }
  const doc = parsed.document;
  if (!validator(doc.value)) {
    return { ok: false, diagnostics: (validator.errors ?? []).map((error) => translate(error, doc)) };
  }
  const accounts = (doc.value as { accounts: FleetAccount[] }).accounts;
  const seen = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  accounts.forEach((account, index) => {
    const first = seen.get(account.id);
    if (first !== undefined) {
      diagnostics.push({
        code: "accounts/duplicate-account",
        message: `account ${account.id} is listed twice (also accounts[${first}]); list each account once`,
        ...doc.locate(`/accounts/${index}/id`),
      });
    } else seen.set(account.id, index);
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, accounts: accounts.map((account) => ({ ...account })) };
}

function translate(error: ErrorObject, doc: YamlDocument): Diagnostic {
  const where = error.instancePath;
  const name =
    where === ""
      ? "the file"
      : where
          .slice(1)
          .replace(/\/(\d+)/g, "[$1]")
          .replace(/\//g, ".");
  const params = error.params as Record<string, unknown>;
  const here = doc.locate(where);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return {
        code: "accounts/unknown-key",
        message: `unknown key "${key}" in ${name}; allowed keys are ${allowed.join(", ")}`,
        ...doc.locate(`${where}/${escapePointer(key)}`, true),
      };
    }
    case "required":
      return {
        code: "accounts/missing-key",
        message: `${name} is missing required key "${String(params.missingProperty)}"`,
        ...here,
      };
    case "type":
      if (where.endsWith("/id") && typeof error.data === "number") {
        return {
          code: "accounts/invalid-account-id",
          message: `${name} must be a 12-digit string in quotes ("012345678901"), not the number ${String(error.data)}: YAML drops leading zeros`,
          ...here,
        };
      }
      return { code: "accounts/wrong-type", message: `${name} must be ${String(params.type)}`, ...here };
    case "pattern":
      return where.endsWith("/id")
        ? {
            code: "accounts/invalid-account-id",
            message: `${name} is ${JSON.stringify(error.data)}; an AWS account id is 12 digits`,
            ...here,
          }
        : {
            code: "accounts/invalid-region",
            message: `${name} is ${JSON.stringify(error.data)}; not a Region code (e.g. us-east-1)`,
            ...here,
          };
    default:
      return { code: "accounts/invalid", message: `${name} ${error.message ?? "is invalid"}`, ...here };
  }
}
