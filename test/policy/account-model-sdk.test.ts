/**
 * The account model that policies are type-checked against (src/account/shape.ts) stays in step
 * with the installed @aws-sdk/client-sesv2: every member path of the SDK's GetAccountResponse
 * schema exists in the model with the same type. The model may hold members of newer SDK models
 * than the one installed; those are listed here, so any other difference fails.
 */
import { createRequire } from "node:module";
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

// Members of newer SDK models than the one installed, which the model holds so policies can use them.
const newerThanInstalledSdk = [
  "DeliveryAttributes",
  "DeliveryAttributes.SharedPoolDeliveryMode",
  "PricingAttributes",
  "PricingAttributes.CurrentPlan",
  "PricingAttributes.NextPlan",
];

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

  it("every model path is accepted by the policy loader's path check", () => {
    const loadable = new Set(allPaths());
    for (const { path } of model.filter((m) => !m.path.includes("[]"))) {
      expect(loadable.has(path), path).toBe(true);
      expect(shapeAt(path)?.type, path).toBe(model.find((m) => m.path === path)?.type);
    }
  });
});
