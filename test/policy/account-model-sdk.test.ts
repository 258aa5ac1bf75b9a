/**
 * The account model that policies are type-checked against (src/account/shape.ts) stays in step
 * with the installed @aws-sdk/client-sesv2: every member path of the SDK's GetAccountResponse
 * schema exists in the model with the same type, and every enum with the same values. The model may hold members of newer SDK models
 * than the one installed; those are listed here, so any other difference fails.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { accountShape, allPaths, type FieldShape, shapeAt } from "../../src/account/shape.js";

type SimpleType = "string" | "number" | "boolean" | "list" | "structure" | "other";

// The SDK's schemas are arrays: [3, namespace, name, traits, memberNames, memberSchemas] for a
// structure, [1, namespace, name, traits, memberSchema] for a list, [0, namespace, name, traits,
// schema] for a simple type with traits (e.g. sensitive strings); a member schema is a number
// (0 string, 1 number, 2 boolean, 64|0 list of strings, …), a function returning a schema, or
// [schema, memberTraits].
const STRING = 0;
const NUMERIC = 1;
const BOOLEAN = 2;
const LIST_MODIFIER = 64;

interface SdkMember {
  path: string;
  type: SimpleType;
}

function resolveSchema(schema: unknown): unknown {
  let current = schema;
  // Unwrap [schema, traits] and lazy references until a number or a schema array remains.
  for (let depth = 0; depth < 10; depth++) {
    if (typeof current === "function") current = (current as () => unknown)();
    else if (Array.isArray(current) && current.length === 2 && typeof current[0] !== "number")
      current = current[0];
    else if (
      Array.isArray(current) &&
      current.length === 2 &&
      typeof current[0] === "number" &&
      typeof current[1] === "object"
    )
      current = current[0];
    else return current;
  }
  return current;
}

function typeOf(schema: unknown, path: string, out: SdkMember[]): SimpleType {
  const resolved = resolveSchema(schema);
  if (typeof resolved === "number") {
    if (resolved === STRING) return "string";
    if (resolved === NUMERIC) return "number";
    if (resolved === BOOLEAN) return "boolean";
    if (resolved === (LIST_MODIFIER | STRING)) {
      out.push({ path: `${path}[]`, type: "string" });
      return "list";
    }
    return "other";
  }
  if (!Array.isArray(resolved)) return "other";
  const [kind] = resolved as [number];
  if (kind === 3) {
    const names = resolved[4] as string[];
    const members = resolved[5] as unknown[];
    names.forEach((name, i) => {
      const child = path ? `${path}.${name}` : name;
      out.push({ path: child, type: typeOf(members[i], child, out) });
    });
    return "structure";
  }
  if (kind === 1) {
    out.push({ path: `${path}[]`, type: typeOf(resolved[4], `${path}[]`, out) });
    return "list";
  }
  if (kind === 0) return typeOf(resolved[4], path, out);
  return "other";
}

function sdkMembers(): SdkMember[] {
  const require = createRequire(import.meta.url);
  const sdk = require("@aws-sdk/client-sesv2") as Record<string, unknown>;
  const schema = sdk.GetAccountResponse$;
  expect(Array.isArray(schema), "the SDK exports GetAccountResponse$").toBe(true);
  const out: SdkMember[] = [];
  typeOf(schema, "", out);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function modelMembers(): SdkMember[] {
  const out: SdkMember[] = [];
  const walk = (shape: FieldShape, path: string) => {
    if (shape.type === "structure") {
      for (const [name, member] of Object.entries(shape.members)) {
        const child = path ? `${path}.${name}` : name;
        out.push({ path: child, type: member.type });
        walk(member, child);
      }
    } else if (shape.type === "list") {
      out.push({ path: `${path}[]`, type: shape.member.type });
      walk(shape.member, `${path}[]`);
    }
  };
  walk(accountShape, "");
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

// Members of newer SDK models than the one installed, which the model holds so policies can use
// them. Empty while the installed SDK is the newest the model knows (3.1178.0 has every member).
const newerThanInstalledSdk: string[] = [];

/**
 * The enum of every string member of GetAccountResponse, by path (`[]` for list members), read
 * from the installed SDK: the runtime schema types enums as plain strings, so the member's type
 * name comes from the SDK's declarations and the values from the enum object it exports.
 */
function sdkEnums(): Map<string, string[]> {
  const require = createRequire(import.meta.url);
  const sdk = require("@aws-sdk/client-sesv2") as Record<string, unknown>;
  const typesDir = join(
    dirname(require.resolve("@aws-sdk/client-sesv2/package.json")),
    "dist-types",
    "models",
  );
  const declarations = readdirSync(typesDir)
    .filter((name) => name.endsWith(".d.ts"))
    .map((name) => readFileSync(join(typesDir, name), "utf8"))
    .join("\n");
  const interfaces = new Map<string, Array<[string, string, boolean]>>();
  for (const match of declarations.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const members = [...(match[2] ?? "").matchAll(/^\s+(\w+)\??: (\w+)(\[\])? \| undefined;$/gm)].map(
      (m) => [m[1], m[2], m[3] === "[]"] as [string, string, boolean],
    );
    interfaces.set(match[1] as string, members);
  }
  const out = new Map<string, string[]>();
  const walk = (name: string, prefix: string, depth: number) => {
    if (depth > 10) return;
    for (const [member, type, isList] of interfaces.get(name) ?? []) {
      const path = `${prefix ? `${prefix}.` : ""}${member}${isList ? "[]" : ""}`;
      const values = sdk[type];
      if (interfaces.has(type)) walk(type, path, depth + 1);
      else if (values && typeof values === "object") out.set(path, Object.values(values as object).sort());
    }
  };
  walk("GetAccountResponse", "", 0);
  return out;
}

function modelEnums(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (shape: FieldShape, path: string) => {
    if (shape.type === "string" && shape.enum) out.set(path, [...shape.enum].sort());
    if (shape.type === "list") walk(shape.member, `${path}[]`);
    if (shape.type === "structure")
      for (const [name, member] of Object.entries(shape.members))
        walk(member, path ? `${path}.${name}` : name);
  };
  walk(accountShape, "");
  return out;
}

describe("the account model and the installed SDK", () => {
  const sdk = sdkMembers();
  const model = modelMembers();

  it("the walk of the SDK schema finds known members, nested ones included", () => {
    const paths = sdk.map((m) => m.path);
    for (const path of [
      "EnforcementStatus",
      "SendQuota.Max24HourSend",
      "SuppressionAttributes.SuppressedReasons",
      "SuppressionAttributes.ValidationAttributes.ConditionThreshold.OverallConfidenceThreshold.ConfidenceVerdictThreshold",
      "Details.AdditionalContactEmailAddresses",
      "Details.ReviewDetails.CaseId",
      "VdmAttributes.GuardianAttributes.OptimizedSharedDelivery",
    ]) {
      expect(paths).toContain(path);
    }
    expect(sdk.filter((m) => m.type === "other")).toEqual([]);
  });

  it("every member the SDK knows is in the model, with the same type", () => {
    const byPath = new Map(model.map((m) => [m.path, m.type]));
    const missingOrDifferent = sdk
      .filter((m) => byPath.get(m.path) !== m.type)
      .map((m) => `${m.path}: SDK ${m.type}, model ${byPath.get(m.path) ?? "missing"}`);
    expect(missingOrDifferent).toEqual([]);
  });

  it("the model has nothing the SDK lacks except the members of newer SDK models listed here", () => {
    const sdkPaths = new Set(sdk.map((m) => m.path));
    const extra = model.map((m) => m.path).filter((path) => !sdkPaths.has(path));
    expect(extra.filter((path) => !newerThanInstalledSdk.includes(path))).toEqual([]);
  });

  it("the walk of the SDK's declarations finds the enums of known members, nested and in lists", () => {
    const enums = sdkEnums();
    expect(enums.get("SuppressionAttributes.SuppressedReasons[]")).toEqual(["BOUNCE", "COMPLAINT"]);
    expect(enums.get("Details.ReviewDetails.Status")).toEqual(["DENIED", "FAILED", "GRANTED", "PENDING"]);
    expect(enums.get("DeliveryAttributes.SharedPoolDeliveryMode")).toEqual(["GLOBAL", "REGIONAL"]);
    expect(enums.has("EnforcementStatus")).toBe(false);
  });

  it("every enum the SDK knows is in the model with the same values, and the model has no other", () => {
    const sdk = sdkEnums();
    const model = modelEnums();
    const differences = [...new Set([...sdk.keys(), ...model.keys()])]
      .filter((path) => JSON.stringify(sdk.get(path)) !== JSON.stringify(model.get(path)))
      .map(
        (path) =>
          `${path}: SDK ${sdk.get(path)?.join("|") ?? "free string"}, model ${model.get(path)?.join("|") ?? "free string"}`,
      );
    expect(differences).toEqual([]);
  });

  it("every model path is accepted by the policy loader's path check", () => {
    const loadable = new Set(allPaths());
    for (const { path } of model.filter((m) => !m.path.includes("[]"))) {
      expect(loadable.has(path), path).toBe(true);
      expect(shapeAt(path)?.type, path).toBe(model.find((m) => m.path === path)?.type);
    }
  });
});
