import { usageError } from "../errors.js";

/** A true/false input: "" is `fallback`; the YAML 1.2 core schema spellings, as @actions/core's getBooleanInput accepts them. */
export function booleanInput(name: string, value: string, fallback: boolean): boolean {
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw usageError("action/invalid-input", `input ${name} must be true or false, not "${value}"`);
}
