/**
 * Which policy a report was made with: the files and packs in force, and a digest of the resolved
 * rules and waivers. The digest lets `merge` refuse reports of different policies: it covers what
 * decides a result (checks, severities, filters, waivers) and leaves out where things were read
 * from (file paths, lines), so the same policy gives the same digest on every machine and run.
 */

import { nodeCrypto } from "../lazy-crypto.js";
import type { Policy, PolicySource } from "../types.js";

// Where a rule, check or waiver was read from: not part of what the policy means.
const PLACE_KEYS = new Set(["location", "source", "via"]);

/** The files and built-in packs that built the policy, in load order. */
export function policySources(policy: Policy): PolicySource[] {
  const packOf = new Map<string, string>();
  for (const rule of policy.rules) if (rule.pack !== undefined) packOf.set(rule.source.file, rule.pack);
  return policy.files.map((file) => {
    const pack = packOf.get(file);
    return pack === undefined ? { file } : { file, pack };
  });
}

/**
 * A canonical JSON text of a value: object keys sorted, place keys and undefined members left out.
 * Arrays keep their order (rule order is part of the report's order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key, member]) => member !== undefined && !PLACE_KEYS.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(",")}}`;
}

/** `sha256:<hex>` of the resolved rules and waivers (see the module comment for what it covers). */
export function policyDigest(policy: Policy): string {
  const text = canonicalJson({ rules: policy.rules, waivers: policy.waivers });
  return `sha256:${nodeCrypto().createHash("sha256").update(text).digest("hex")}`;
}

/** How a report names its policy in one line: `.ses-guard.yaml, recommended (pack)`. */
export function policyLine(policies: readonly PolicySource[] | undefined): string | undefined {
  if (!policies || policies.length === 0) return undefined;
  return policies.map((p) => (p.pack === undefined ? p.file : `${p.pack} (pack)`)).join(", ");
}
