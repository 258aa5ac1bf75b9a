import { describeShape, shapeAt } from "../account/shape.js";
import { isOperatorName, operatorNames, operators } from "../engine/operators/index.js";
import type { Diagnostic } from "../errors.js";
import { didYouMean } from "../suggest.js";
import type { Check, OperatorName } from "../types.js";
import { unknownPathMessage } from "./path-suggestions.js";
import { describePointer } from "./schema-errors.js";
import { isMap, type YamlDocument } from "./yaml-document.js";

const compositions = ["all", "any", "not"] as const;
const knownKeys = ["path", ...operatorNames, ...compositions];

/**
 * Compiles a check from policy data, type-checking it against the account model: the path must
 * exist, the operator must apply to the field's type, and the expected value must fit the field
 * (enum values included). Every problem is collected; the check is returned only when there are none.
 */
export function compileCheck(
  raw: unknown,
  pointer: string,
  doc: YamlDocument,
  diagnostics: Diagnostic[],
): Check | undefined {
  const report = (code: string, message: string, p = pointer, key = false) => {
    diagnostics.push({ code, message, ...doc.locate(p, key) });
    return undefined;
  };
  const name = describePointer(pointer);
  if (!isMap(raw)) {
    return report(
      "policy/invalid-check",
      `${name} must be a map: \`path\` with one operator, or all/any/not`,
    );
  }
  const check = raw;
  const keys = Object.keys(check);
  let broken = false;
  for (const key of keys) {
    if (!knownKeys.includes(key)) {
      broken = true;
      report(
        "policy/unknown-operator",
        `unknown operator "${key}" in ${name}${didYouMean(key, knownKeys)}; operators are ${operatorNames.join(", ")}`,
        `${pointer}/${key}`,
        true,
      );
    }
  }
  const location = doc.locate(pointer);
  const usedCompositions = compositions.filter((c) => c in check);
  const usedOperators = keys.filter(isOperatorName);

  if (usedCompositions.length > 0) {
    if (usedCompositions.length > 1 || "path" in check || usedOperators.length > 0) {
      const parts = [...usedCompositions, ...("path" in check ? ["path"] : []), ...usedOperators];
      return report(
        "policy/mixed-check",
        `${name} mixes ${parts.join(", ")}; a check is either \`path\` with one operator or exactly one of all, any, not (nest them to combine)`,
      );
    }
    const kind = usedCompositions[0] as (typeof compositions)[number];
    if (kind === "not") {
      const inner = compileCheck(check.not, `${pointer}/not`, doc, diagnostics);
      return inner && !broken ? { kind, check: inner, location } : undefined;
    }
    const list = check[kind];
    if (!Array.isArray(list) || list.length === 0) {
      return report(
        "policy/invalid-check",
        `${name}.${kind} must be a non-empty list of checks`,
        `${pointer}/${kind}`,
      );
    }
    const children = list.map((item, i) => compileCheck(item, `${pointer}/${kind}/${i}`, doc, diagnostics));
    if (broken || children.some((c) => c === undefined)) return undefined;
    return { kind, checks: children as Check[], location };
  }

  if (!("path" in check)) {
    if (broken) return undefined;
    return report(
      "policy/invalid-check",
      `${name} has no \`path\`; a check is \`path\` with one operator, or all/any/not`,
    );
  }
  if (usedOperators.length !== 1) {
    if (usedOperators.length === 0) {
      return broken
        ? undefined
        : report(
            "policy/missing-operator",
            `${name} has a path but no operator; use one of ${operatorNames.join(", ")}`,
          );
    }
    return report(
      "policy/two-operators",
      `${name} has ${usedOperators.length} operators (${usedOperators.join(", ")}); a check takes exactly one — combine checks with all/any`,
    );
  }
  const operatorName = usedOperators[0] as OperatorName;
  const path = check.path;
  if (typeof path !== "string" || path === "") {
    return report(
      "policy/invalid-path",
      `${name}.path must be a dotted path such as SendQuota.Max24HourSend`,
      `${pointer}/path`,
    );
  }
  const field = shapeAt(path);
  if (!field) return report("policy/unknown-path", unknownPathMessage(path), `${pointer}/path`);
  const operator = operators[operatorName];
  if (!operator.fieldTypes.includes(field.type)) {
    return report(
      "policy/operator-type",
      `operator ${operatorName} cannot apply to ${path}, which is a ${describeShape(field)}; ${operatorName} works on ${operator.fieldTypes.join(" or ")} fields`,
      `${pointer}/${operatorName}`,
      true,
    );
  }
  const expected = check[operatorName];
  const problem = operator.validateExpected(expected, field);
  if (problem) {
    return report(
      operatorName === "matches" ? "policy/invalid-regex" : "policy/invalid-expected",
      `${operatorName} on ${path}: ${problem}`,
      `${pointer}/${operatorName}`,
    );
  }
  return broken ? undefined : { kind: "leaf", path, operator: operatorName, expected, location };
}
