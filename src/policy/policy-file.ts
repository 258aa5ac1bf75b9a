import { templateVariables, unknownPlaceholders } from "../engine/message-template.js";
import { loadRegexEngine } from "../engine/regex.js";
import type { Diagnostic } from "../errors.js";
import { validate } from "../generated/validate-policy.js";
import type { Check, Rule, Severity, SourceLocation, Waiver } from "../types.js";
import { compileCheck } from "./compile-check.js";
import { checkRegionGlobs } from "./region-globs.js";
import { schemaDiagnostics } from "./schema-errors.js";
import { escapePointer, isMap, parseYaml, type YamlDocument } from "./yaml-document.js";

/** An `extends` entry and where it is written. */
export interface ExtendsEntry {
  name: string;
  location: SourceLocation;
}

/** An override of an inherited rule and where it is written. */
export interface Override {
  ruleId: string;
  severity?: Severity;
  enabled?: boolean;
  location: SourceLocation;
}

/** One policy file, parsed, schema-checked and compiled, before extends are resolved. */
export interface PolicyFile {
  file: string;
  extends: ExtendsEntry[];
  rules: Rule[];
  overrides: Override[];
  waivers: Waiver[];
}

/** The outcome of reading one file: the file (possibly partial) and every problem found. */
export interface PolicyFileResult {
  policy?: PolicyFile;
  diagnostics: Diagnostic[];
}

interface RawRule {
  id: string;
  title?: string;
  severity?: Severity;
  regions?: string[];
  when?: unknown;
  check: unknown;
  message?: string;
  remediation?: string;
  docs?: string;
}

interface RawPolicy {
  extends?: string[];
  rules?: RawRule[];
  overrides?: Record<string, { severity?: Severity; enabled?: boolean }>;
  waivers?: {
    rule: string;
    regions?: string[];
    accounts?: string[];
    when?: unknown;
    reason: string;
    expires: string;
  }[];
}

/** Parses and compiles one policy file's text; `pack` names the built-in pack it is, if any. */
export async function readPolicyFile(file: string, text: string, pack?: string): Promise<PolicyFileResult> {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const doc = parsed.document;
  if (usesKey(doc.value, "matches")) await loadRegexEngine();
  if (!isMap(doc.value)) {
    return {
      diagnostics: [
        {
          code: "policy/not-a-map",
          message: "a policy is a map that starts with `version: 1`",
          ...doc.locate(""),
        },
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const schemaProblems = validate(doc.value) ? [] : schemaDiagnostics(validate.errors ?? [], doc);
  const raw = doc.value as RawPolicy;

  const rules = compileRules(raw, doc, diagnostics, pack);
  const policy: PolicyFile = {
    file,
    extends: (Array.isArray(raw.extends) ? raw.extends : [])
      .map((name, i) => ({ name, location: doc.locate(`/extends/${i}`) }))
      .filter((entry) => typeof entry.name === "string"),
    rules,
    overrides: Object.entries(isMap(raw.overrides) ? raw.overrides : {}).map(([ruleId, change]) => ({
      ruleId,
      ...(isMap(change) ? change : {}),
      location: doc.locate(`/overrides/${escapePointer(ruleId)}`, true),
    })),
    waivers: compileWaivers(raw, doc, diagnostics),
  };
  // The check compiler knows the account model and says more than the schema about the same value
  // ("expected a number" beside "must be a string, number, boolean or a list"): one message per place.
  const compiled = new Set(diagnostics.map((d) => `${d.line}:${d.column}`));
  const schemaOnly = schemaProblems.filter((d) => !compiled.has(`${d.line}:${d.column}`));
  return { policy, diagnostics: [...schemaOnly, ...diagnostics] };
}

function compileRules(raw: RawPolicy, doc: YamlDocument, diagnostics: Diagnostic[], pack?: string): Rule[] {
  const rules: Rule[] = [];
  const firstSeen = new Map<string, SourceLocation>();
  const list = Array.isArray(raw.rules) ? raw.rules : [];
  list.forEach((rule, i) => {
    if (!isMap(rule) || typeof rule.id !== "string") return;
    const pointer = `/rules/${i}`;
    const source = doc.locate(pointer);
    const previous = firstSeen.get(rule.id);
    if (previous) {
      diagnostics.push({
        code: "policy/duplicate-rule",
        message: `rule id "${rule.id}" is already used at line ${previous.line}; rule ids must be unique`,
        ...doc.locate(`${pointer}/id`),
      });
      return;
    }
    firstSeen.set(rule.id, source);
    checkRegionGlobs(rule.regions, `${pointer}/regions`, doc, diagnostics, "rule");
    if (typeof rule.message === "string") {
      for (const name of unknownPlaceholders(rule.message)) {
        diagnostics.push({
          code: "policy/unknown-placeholder",
          message: `message uses {${name}}, which ses-guard does not fill; use ${templateVariables.map((v) => `{${v}}`).join(", ")}`,
          ...doc.locate(`${pointer}/message`),
        });
      }
    }
    // A missing check is reported by the schema ("missing required key"); say it once.
    if (rule.check === undefined) return;
    const when = compileWhen(rule.when, `${pointer}/when`, doc, diagnostics);
    const check = compileCheck(rule.check, `${pointer}/check`, doc, diagnostics);
    if (!check || when === null) return;
    const compiled: Rule = {
      id: rule.id,
      title: typeof rule.title === "string" ? rule.title : rule.id,
      severity: rule.severity ?? "error",
      check,
      enabled: true,
      source,
    };
    if (Array.isArray(rule.regions)) compiled.regions = rule.regions;
    if (when) compiled.when = when;
    if (typeof rule.message === "string") compiled.message = rule.message;
    if (typeof rule.remediation === "string") compiled.remediation = rule.remediation;
    if (typeof rule.docs === "string") compiled.docs = rule.docs;
    if (pack) compiled.pack = pack;
    rules.push(compiled);
  });
  return rules;
}

function compileWaivers(raw: RawPolicy, doc: YamlDocument, diagnostics: Diagnostic[]): Waiver[] {
  const waivers: Waiver[] = [];
  (Array.isArray(raw.waivers) ? raw.waivers : []).forEach((waiver, i) => {
    if (!isMap(waiver) || typeof waiver.rule !== "string") return;
    checkRegionGlobs(waiver.regions, `/waivers/${i}/regions`, doc, diagnostics, "waiver");
    if (typeof waiver.reason !== "string" || typeof waiver.expires !== "string") return;
    const when = compileWhen(waiver.when, `/waivers/${i}/when`, doc, diagnostics);
    if (when === null) return;
    if (!isCalendarDate(waiver.expires)) {
      const where = doc.locate(`/waivers/${i}/expires`);
      if (/^\d{4}-\d{2}-\d{2}$/.test(waiver.expires)) {
        diagnostics.push({
          code: "policy/invalid-date",
          message: `expires ${waiver.expires} is not a calendar date`,
          ...where,
        });
      }
      return;
    }
    const compiled: Waiver = {
      rule: waiver.rule,
      reason: waiver.reason,
      expires: waiver.expires,
      source: doc.locate(`/waivers/${i}`),
    };
    if (Array.isArray(waiver.regions)) compiled.regions = waiver.regions;
    if (Array.isArray(waiver.accounts)) compiled.accounts = waiver.accounts.map(String);
    if (when) compiled.when = when;
    waivers.push(compiled);
  });
  return waivers;
}

/**
 * Compiles an optional `when:` with the same type checks as `check:`: undefined when there is
 * none, null when it has problems (already reported), so that a broken condition never drops out
 * silently and leaves its rule applying everywhere or its waiver nowhere.
 */
function compileWhen(
  raw: unknown,
  pointer: string,
  doc: YamlDocument,
  diagnostics: Diagnostic[],
): Check | undefined | null {
  if (raw === undefined) return undefined;
  return compileCheck(raw, pointer, doc, diagnostics) ?? null;
}

/** True for a real `YYYY-MM-DD` date (not 2027-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when a key appears anywhere in the data (to load what its operator needs, and only then). */
function usesKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((item) => usesKey(item, key));
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([name, inner]) => name === key || usesKey(inner, key));
}
