import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../errors.js";
import { didYouMean } from "../suggest.js";
import { escapePointer, type YamlDocument } from "./yaml-document.js";

/**
 * Turns Ajv's schema errors into messages an author can act on, each at the line and column of
 * the offending key or value. Checks (`path` + operator, `all`/`any`/`not`) are left to the check
 * compiler, which knows the account model and says more than "must match exactly one schema".
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], doc: YamlDocument): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const diagnostic = translate(error, doc);
    if (!diagnostic) continue;
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

const checkKeys = new Set(["oneOf", "if", "then", "else"]);
/** A check or a check nested in one: `/rules/0/check`, `/rules/0/when/all/1/not`, `/waivers/2/when`. */
const CHECK_POINTER = /^\/(rules\/\d+\/(check|when)|waivers\/\d+\/when)(\/(all|any)\/\d+|\/not)*$/;

function translate(error: ErrorObject, doc: YamlDocument): Diagnostic | undefined {
  const where = error.instancePath;
  // Ajv's standalone code reports schema paths relative to each definition ("#/then/oneOf/0/required"),
  // so whether an error is about a check's structure is told by where it is in the document.
  const inCheck = CHECK_POINTER.test(where);
  // Operator choice and check structure are reported by the check compiler, with suggestions.
  if (checkKeys.has(error.keyword) || (inCheck && error.keyword === "required")) return undefined;
  if (inCheck && error.keyword === "additionalProperties") return undefined;
  const here = doc.locate(where);
  const name = describePointer(where);
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return {
        code: "policy/unknown-key",
        message: `unknown key "${key}" in ${name}${didYouMean(key, allowed)}; allowed keys are ${allowed.join(", ")}`,
        ...doc.locate(`${where}/${escapePointer(key)}`, true),
      };
    }
    case "required":
      return {
        code: "policy/missing-key",
        message: `${name} is missing required key "${String(params.missingProperty)}"`,
        ...here,
      };
    case "const":
      if (where === "/version") {
        return {
          code: "policy/unsupported-version",
          message: `unsupported policy version ${JSON.stringify(error.data)}; this ses-guard reads version: 1`,
          ...here,
        };
      }
      return {
        code: "policy/invalid-value",
        message: `${name} must be ${JSON.stringify(params.allowedValue)}`,
        ...here,
      };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return {
        code: where.endsWith("/severity") ? "policy/unknown-severity" : "policy/invalid-value",
        message: `${name} is ${JSON.stringify(error.data)}; must be one of ${allowed.join(", ")}${didYouMean(String(error.data), allowed)}`,
        ...here,
      };
    }
    case "type":
      return {
        code: "policy/wrong-type",
        message: `${name} must be ${article(String(params.type))}, not ${describeData(error.data)}${accountIdHint(where, error.data)}`,
        ...here,
      };
    case "pattern":
      return patternDiagnostic(error, name, here);
    case "propertyNames":
      return undefined; // Reported by the nested pattern error with the key's own name.
    case "minItems":
      return { code: "policy/empty-list", message: `${name} must list at least one item`, ...here };
    case "minProperties":
      return {
        code: "policy/empty-override",
        message: `${name} changes nothing; set severity or enabled`,
        ...here,
      };
    case "anyOf":
      return {
        code: "policy/wrong-type",
        message: `${name} must be a string, number, boolean or a list of those`,
        ...here,
      };
    default:
      return { code: "policy/invalid", message: `${name} ${error.message ?? "is invalid"}`, ...here };
  }
}

function patternDiagnostic(
  error: ErrorObject,
  name: string,
  place: Omit<Diagnostic, "code" | "message">,
): Diagnostic {
  const value = JSON.stringify(error.data);
  const params = error.params as Record<string, unknown>;
  if (error.schemaPath.includes("propertyNames")) {
    const key = String(params.propertyName ?? error.data);
    return {
      code: "policy/invalid-rule-id",
      message: `override key "${key}" is not a valid rule id (lower-case letters, digits and hyphens)`,
      ...place,
    };
  }
  if (error.schemaPath.includes("ruleId")) {
    return {
      code: "policy/invalid-rule-id",
      message: `${value} is not a valid rule id: use lower-case letters, digits and hyphens, starting with a letter or digit (at most 128 characters)`,
      ...place,
    };
  }
  if (name.includes("accounts")) {
    return {
      code: "policy/invalid-account-id",
      message: `${value} is not an AWS account id: 12 digits, in quotes ("012345678901") so YAML keeps leading zeros`,
      ...place,
    };
  }
  if (name.endsWith("expires")) {
    return {
      code: "policy/invalid-date",
      message: `expires is ${value}; must be a date as YYYY-MM-DD`,
      ...place,
    };
  }
  return { code: "policy/empty-value", message: `${name} must not be empty`, ...place };
}

/** `/rules/0/severity` → `rules[0].severity`, the way authors think of the document. */
export function describePointer(pointer: string): string {
  if (pointer === "") return "the policy";
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), "");
}

/** Unquoted digits are a number to YAML, which drops leading zeros: say how to write an account id. */
function accountIdHint(pointer: string, data: unknown): string {
  if (typeof data !== "number" || !/^\/waivers\/\d+\/accounts\/\d+$/.test(pointer)) return "";
  return `; write account ids in quotes ("${String(data).padStart(12, "0")}") so YAML keeps them as text`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: "a map",
    array: "a list",
    string: "a string",
    number: "a number",
    boolean: "true or false",
    integer: "a whole number",
  };
  return type
    .split(",")
    .map((t) => names[t] ?? t)
    .join(" or ");
}

function describeData(data: unknown): string {
  if (data === null) return "empty";
  if (Array.isArray(data)) return "a list";
  if (typeof data === "object") return "a map";
  // Unquoted digits are a number to YAML: say so, since it is the usual surprise.
  return `${typeof data} ${JSON.stringify(data)}`;
}
