import type { FieldShape } from "../../account/shape.js";
import { didYouMean } from "../../suggest.js";
import { typeName } from "../format-value.js";

/** Checks a policy value against a scalar field's type and enum; returns a problem or undefined. */
export function checkScalar(value: unknown, field: FieldShape): string | undefined {
  switch (field.type) {
    case "string":
      if (typeof value !== "string")
        return `expected a string, got ${typeName(value)} ${JSON.stringify(value)}`;
      if (field.enum && !field.enum.includes(value)) {
        return `${JSON.stringify(value)} is not a valid value; valid values are ${field.enum.join(", ")}${didYouMean(value, field.enum)}`;
      }
      return undefined;
    case "number":
      return typeof value === "number" && Number.isFinite(value)
        ? undefined
        : `expected a number, got ${typeName(value)} ${JSON.stringify(value)}`;
    case "boolean":
      return typeof value === "boolean" ? undefined : `expected true or false, got ${JSON.stringify(value)}`;
    case "list":
      if (!Array.isArray(value)) return `expected a list, got ${typeName(value)}`;
      for (const item of value) {
        const problem = checkScalar(item, field.member);
        if (problem) return problem;
      }
      return undefined;
    default:
      return "a structure cannot be compared to a value";
  }
}

/** Checks a policy value that must be a non-empty list of values valid for `member`. */
export function checkList(value: unknown, member: FieldShape): string | undefined {
  if (!Array.isArray(value)) return `expected a list of values, got ${typeName(value)}`;
  if (value.length === 0) return "expected a non-empty list of values";
  for (const item of value) {
    const problem = checkScalar(item, member);
    if (problem) return problem;
  }
  return undefined;
}

/** The element shape of a list field, or the field itself for scalars. */
export function elementShape(field: FieldShape): FieldShape {
  return field.type === "list" ? field.member : field;
}
