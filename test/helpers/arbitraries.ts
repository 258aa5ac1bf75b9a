/**
 * fast-check generators for hardening tests: `GetAccount`-shaped documents as a hostile or broken
 * endpoint could send them (members missing, wrong types, odd numbers, long, non-ASCII and hostile
 * strings), and valid policies built from the policy language's grammar (leaf checks whose
 * operators and values type-check against the account model, nested all/any/not, region globs,
 * overrides and waivers dated around today). Generated policies are plain data, ready for YAML.
 */
import fc from "fast-check";
import { accountShape, computedFacts, type FieldShape, shapeAt } from "../../src/account/shape.js";
import { operators } from "../../src/engine/operators/index.js";
import type { OperatorName } from "../../src/types.js";

/**
 * fast-check parameters for `numRuns` runs; the FC_SEED environment variable replays a failure
 * that fast-check reported with its seed.
 */
export function runs(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED;
  return seed ? { numRuns, seed: Number(seed) } : { numRuns };
}

/**
 * Fragments that mean something to some output: workflow commands (`::`, `%0A`, CR/LF), HTML and
 * XML (`<script>`, `]]>`, entities), Markdown (links, pipes, code fences), terminals (ANSI CSI,
 * OSC 8 hyperlinks, the C1 CSI, BEL), Unicode tricks (bidi overrides and isolates, line
 * separators, a BOM, a lone surrogate) and GitHub expression syntax.
 */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  "%",
  "%0A",
  "%0D%0A",
  "%25",
  "\n",
  "\r",
  "\r\n",
  "::",
  "\n::error file=x.yaml,line=1::forged annotation\n",
  "\r::set-output name=passed::true",
  "::add-mask::x",
  "::stop-commands::pwned",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "]]>",
  "<![CDATA[",
  "&amp;&lt;",
  '"',
  "'",
  "\\",
  "|",
  "`",
  "```",
  "*_~$",
  "[docs](javascript:alert(1))",
  "![x](https://tracker.example/p.png)",
  "\u0024{{ secrets.GITHUB_TOKEN }}",
  "\u001b[31m",
  "\u001b[2J\u001b[H",
  "\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007",
  "\u001b]0;title\u0007",
  "\u009b31m",
  "\u0007",
  "\u0000",
  "\u0008",
  "\u007f",
  "\u0085",
  "\u202e",
  "\u2066",
  "\u200f",
  "\u061c",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ud800",
  "\uffff",
  "\t",
  "日本語",
  "Ωμέγα",
  "🚀",
  "e\u0301",
];

/** The fragment every hostile test string can be traced by. */
export const FORGED = "forged annotation";

/** A string mixing ordinary text, arbitrary Unicode and hostile fragments. */
export const hostileString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
      { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

/** A long string (up to 20 000 characters), for truncation and wrapping paths. */
export const longString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("a", "é", "\u001b[1m", "%0A", "日", " "), fc.integer({ min: 500, max: 20_000 }))
  .map(([unit, count]) => unit.repeat(Math.ceil(count / unit.length)).slice(0, count));

/** Numbers at the edges: -1 (unlimited), zeros, the largest double, tiny and huge integers. */
const oddNumbers = [-1, 0, -0, 1, 0.5, -5, 80, 100, 1e308, -1e308, 5e-324, 2 ** 53, -(2 ** 53), 50_000];

/** Options for {@link accountDocument}. */
export interface AccountOptions {
  /**
   * Only values JSON can carry: no NaN or infinities. (The SDK turns the strings "NaN" and
   * "Infinity" in a response into numbers, so in-process tests include them.)
   */
  json?: boolean;
  /** How many unknown members (as newer SDK models add) may appear; default 2. */
  extraMembers?: number;
}

function numberValue(json: boolean): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(...oddNumbers),
    fc.integer({ min: -10, max: 1_000_000 }),
    fc.double({ noNaN: json, noDefaultInfinity: json }),
    ...(json ? [] : [fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)]),
  );
}

/** Any JSON-like value of any type, for members whose type is wrong. */
function wrongValue(json: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(null, true, false, "", "true", "ENABLED", [], {}, ["BOUNCE", 1], { ENABLED: true }),
    numberValue(json),
    hostileString,
    fc.jsonValue({ maxDepth: 2 }),
  );
}

function stringValue(shape: { enum?: readonly string[] }): fc.Arbitrary<string> {
  const typical = fc.constantFrom(
    "HEALTHY",
    "PROBATION",
    "SHUTDOWN",
    "UNDER_REVIEW",
    "https://example.com",
    "",
  );
  return fc.oneof(
    { weight: 3, arbitrary: shape.enum ? fc.constantFrom(...shape.enum) : typical },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: longString },
  );
}

/** A value for one field of the model: mostly of the right type, sometimes wrong, null or odd. */
function fieldValue(
  shape: FieldShape,
  options: Required<AccountOptions>,
  depth: number,
): fc.Arbitrary<unknown> {
  const right = rightValue(shape, options, depth);
  return fc.oneof({ weight: 8, arbitrary: right }, { weight: 1, arbitrary: wrongValue(options.json) });
}

function rightValue(
  shape: FieldShape,
  options: Required<AccountOptions>,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case "string":
      return stringValue(shape);
    case "number":
      return numberValue(options.json);
    case "boolean":
      return fc.boolean();
    case "list":
      return fc.oneof(
        fc.array(rightValue(shape.member, options, depth + 1), { maxLength: 4 }),
        // A list with one element of the wrong type is a wrong value as a whole.
        fc.array(fieldValue(shape.member, options, depth + 1), { minLength: 1, maxLength: 3 }),
      );
    case "structure": {
      const members: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        members[name] = fieldValue(member, options, depth + 1);
      }
      return fc.record(members, { requiredKeys: [] });
    }
  }
}

/**
 * A `GetAccount`-shaped document: any subset of the model's members, each usually of the model's
 * type and otherwise of any type, null, an edge number or a hostile or long string; plus members
 * the model does not know.
 */
export function accountDocument(options: AccountOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const settings: Required<AccountOptions> = {
    json: options.json ?? false,
    extraMembers: options.extraMembers ?? 2,
  };
  const known = rightValue(accountShape, settings, 0) as fc.Arbitrary<Record<string, unknown>>;
  const extra = fc.dictionary(
    fc.constantFrom(
      "DeliveryAttributes",
      "FutureMember",
      "$metadata",
      "__proto__",
      "constructor",
      "ÜnicodeKey",
    ),
    wrongValue(settings.json),
    { maxKeys: settings.extraMembers },
  );
  return fc.tuple(known, extra).map(([account, more]) => {
    const out: Record<string, unknown> = {};
    // Own properties only, even for `__proto__`: as JSON.parse and the SDK create them.
    for (const [key, value] of [...Object.entries(more), ...Object.entries(account)]) {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}

/** The dotted paths of the model whose shape is not a structure, plus the computed facts. */
export const leafPaths: readonly string[] = (() => {
  const paths: string[] = Object.keys(computedFacts);
  const walk = (shape: FieldShape, prefix: string) => {
    if (shape.type !== "structure") {
      paths.push(prefix);
      return;
    }
    for (const [name, member] of Object.entries(shape.members))
      walk(member, prefix ? `${prefix}.${name}` : name);
  };
  walk(accountShape, "");
  return paths;
})();

/** Every path, structures included (what `exists` may name). */
export const structurePaths: readonly string[] = (() => {
  const paths: string[] = [];
  const walk = (shape: FieldShape, prefix: string) => {
    if (shape.type !== "structure") return;
    if (prefix) paths.push(prefix);
    for (const [name, member] of Object.entries(shape.members))
      walk(member, prefix ? `${prefix}.${name}` : name);
  };
  walk(accountShape, "");
  return paths;
})();

/** Regular expressions RE2 accepts, pathological ones for backtracking engines among them. */
export const REGEXES: readonly string[] = [
  "^https://",
  "HEALTHY|PROBATION",
  "^[A-Z_]+$",
  "(a+)+$",
  "(a|aa)*b",
  "(.*a){12}",
  "(?i)enabled",
  "\\d{3,}",
  "^$",
  "x*y*z*",
  "\\p{Han}",
  "[<>&\"']",
  "\\x1b\\[",
  "%0A",
];

/** A policy-safe text: never blank (the schema wants a non-space character) and no `{placeholder}`. */
export const policyText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("T", "Fix:", "x", "é"), hostileString)
  .map(([start, rest]) => `${start}${rest}`.replace(/[{}]/g, "(")); // braces would be placeholders

/** A message template: hostile text around the placeholders ses-guard fills. */
export const messageTemplate: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      policyText,
      fc.constantFrom("{path}", "{actual}", "{expected}", "{region}", "{accountId}", "{ruleId}", "{title}"),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => `m ${parts.join(" ")}`);

function scalarFor(shape: FieldShape): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case "string":
      return shape.enum
        ? fc.constantFrom(...shape.enum)
        : fc.oneof(fc.constantFrom("HEALTHY", "SHUTDOWN"), policyText);
    case "number":
      return fc.oneof(fc.constantFrom(...oddNumbers), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case "boolean":
      return fc.boolean();
    default:
      throw new Error(`no scalar for a ${shape.type}`);
  }
}

function listOf(shape: FieldShape): fc.Arbitrary<unknown[]> {
  return fc.array(scalarFor(shape), { minLength: 1, maxLength: 3 });
}

/** The expected value of `operator` on a field of `shape`, as the policy loader accepts it. */
function expectedFor(operator: OperatorName, shape: FieldShape): fc.Arbitrary<unknown> {
  switch (operator) {
    case "equals":
    case "notEquals":
      return shape.type === "list" ? fc.array(scalarFor(shape.member), { maxLength: 3 }) : scalarFor(shape);
    case "in":
    case "notIn":
      return listOf(shape);
    case "contains":
      return shape.type === "list"
        ? scalarFor(shape.member)
        : fc.oneof(policyText, fc.constantFrom("http", "a"));
    case "containsAll":
    case "containsAny":
    case "containsNone":
      return listOf(shape.type === "list" ? shape.member : shape);
    case "exists":
      return fc.boolean();
    case "greaterThan":
    case "greaterThanOrEqual":
    case "lessThan":
    case "lessThanOrEqual":
      return scalarFor(shape);
    case "matches":
      return fc.constantFrom(...REGEXES);
  }
}

/** The operators that apply to a field type (what the loader's type check allows). */
function operatorsFor(shape: FieldShape, withExists: boolean): OperatorName[] {
  return (Object.keys(operators) as OperatorName[]).filter(
    (name) => (withExists || name !== "exists") && operators[name].fieldTypes.includes(shape.type),
  );
}

/** A leaf check as written in a policy: `{ path, <operator>: <expected> }`. */
export type PolicyLeaf = { path: string } & Partial<Record<OperatorName, unknown>>;

/** Options for {@link leafCheck}. */
export interface LeafOptions {
  /** Include `exists` (the one operator that is never unknown); default true. */
  withExists?: boolean;
  /** Restrict the paths. */
  paths?: readonly string[];
}

/** A leaf check whose operator applies to its path's type and whose value fits the field. */
export function leafCheck(options: LeafOptions = {}): fc.Arbitrary<PolicyLeaf> {
  const withExists = options.withExists ?? true;
  const candidates = options.paths ?? (withExists ? [...leafPaths, ...structurePaths] : leafPaths);
  return fc
    .constantFrom(...candidates)
    .chain((path) => {
      const shape = shapeAt(path);
      if (!shape) throw new Error(`generator bug: ${path} is not in the model`);
      const names = operatorsFor(shape, withExists);
      if (names.length === 0) throw new Error(`generator bug: no operator for ${path}`);
      return fc
        .constantFrom(...names)
        .chain((operator) =>
          expectedFor(operator, shape).map((expected) => ({ path, [operator]: expected })),
        );
    })
    .map((leaf) => leaf as PolicyLeaf);
}

/** A check as written in a policy: a leaf, or all/any/not of checks. */
export type PolicyCheck = PolicyLeaf | { all: PolicyCheck[] } | { any: PolicyCheck[] } | { not: PolicyCheck };

/** A check: leaves combined with all/any/not, nested a few levels deep. */
export function policyCheck(options: LeafOptions = {}): fc.Arbitrary<PolicyCheck> {
  const leaf = leafCheck(options);
  return fc.letrec<{ check: PolicyCheck }>((tie) => ({
    check: fc.oneof(
      { depthSize: "small", maxDepth: 4 },
      { weight: 3, arbitrary: leaf },
      fc.array(tie("check"), { minLength: 1, maxLength: 3 }).map((checks) => ({ all: checks })),
      fc.array(tie("check"), { minLength: 1, maxLength: 3 }).map((checks) => ({ any: checks })),
      tie("check").map((check) => ({ not: check })),
    ),
  })).check;
}

/** The leaves of a policy check. */
export function leavesOf(check: PolicyCheck): PolicyLeaf[] {
  if ("all" in check) return check.all.flatMap(leavesOf);
  if ("any" in check) return check.any.flatMap(leavesOf);
  if ("not" in check) return leavesOf(check.not);
  return [check];
}

/** The operator of a policy leaf. */
export function operatorOf(leaf: PolicyLeaf): OperatorName {
  const name = Object.keys(leaf).find((key) => key !== "path");
  return name as OperatorName;
}

/** Region globs as a rule or waiver may write them: each matches some SES Region, as the loader requires. */
export const regionGlobs: fc.Arbitrary<string[]> = fc.array(
  fc.constantFrom(
    "us-east-1",
    "eu-west-1",
    "eu-*",
    "*",
    "ap-*-1",
    "??-west-?",
    "us-*",
    "il-central-1",
    "sa-*",
  ),
  { minLength: 1, maxLength: 3 },
);

/** The rule ids of the built-in packs, as `extends` brings them in. */
export const PACK_RULES: Readonly<Record<"recommended" | "strict", readonly string[]>> = {
  recommended: [
    "sending-enabled",
    "production-access",
    "enforcement-healthy",
    "suppression-bounce-complaint",
    "quota-headroom",
    "vdm-enabled",
  ],
  strict: [
    "sending-enabled",
    "production-access",
    "enforcement-healthy",
    "suppression-bounce-complaint",
    "quota-headroom",
    "vdm-enabled",
    "vdm-engagement-metrics",
    "vdm-optimized-shared-delivery",
    "dedicated-ip-auto-warmup",
  ],
};

/** A generated policy document and the rule ids it resolves to. */
export interface GeneratedPolicy {
  /** The policy as data: `stringify` it for a YAML file. */
  document: Record<string, unknown>;
  /** Every rule id the policy resolves to (its own and the packs' it extends). */
  ruleIds: string[];
}

/** Options for {@link policyDocument}. */
export interface PolicyOptions {
  /** Today, `YYYY-MM-DD`: waivers expire around it (a few days either side) or far from it. */
  today: string;
  /** At most this many rules of its own (default 4). */
  maxRules?: number;
  /** Options for the leaves of every check. */
  leaves?: LeafOptions;
  /** Allow `extends` of built-in packs (default true). */
  packs?: boolean;
}

function shiftDate(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A valid policy: rules with checks from the grammar, optional packs, overrides and waivers. */
export function policyDocument(options: PolicyOptions): fc.Arbitrary<GeneratedPolicy> {
  const ruleId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/).map((id) => `r-${id}`);
  const rule = (id: string) =>
    fc.record(
      {
        id: fc.constant(id),
        title: policyText,
        severity: fc.constantFrom("error", "warning", "notice"),
        regions: regionGlobs,
        check: policyCheck(options.leaves),
        message: messageTemplate,
        remediation: policyText,
        docs: fc.oneof(
          fc.constant("https://docs.example.com/ses"),
          policyText,
          hostileString.map((s) => `https://x.example/${s}`),
        ),
      },
      { requiredKeys: ["id", "check"] },
    );
  const packs = options.packs ?? true;
  const extendsList = packs
    ? fc.constantFrom<string[]>([], ["recommended"], ["strict"], ["recommended", "strict"])
    : fc.constant<string[]>([]);
  return fc
    .tuple(
      fc.uniqueArray(ruleId, { minLength: packs ? 0 : 1, maxLength: options.maxRules ?? 4 }),
      extendsList,
    )
    .filter(([ids, packList]) => ids.length + packList.length > 0)
    .chain(([ids, packList]) => {
      const inherited = [
        ...new Set(packList.flatMap((pack) => PACK_RULES[pack as "recommended" | "strict"])),
      ];
      const allIds = [...ids, ...inherited];
      const override = fc.record(
        { severity: fc.constantFrom("error", "warning", "notice"), enabled: fc.boolean() },
        { requiredKeys: [] },
      );
      const waiver = fc.record(
        {
          rule: fc.constantFrom(...allIds),
          regions: regionGlobs,
          accounts: fc.array(fc.constantFrom("123456789012", "210987654321"), { minLength: 1, maxLength: 2 }),
          reason: policyText,
          expires: fc.oneof(
            fc.integer({ min: -3, max: 3 }).map((days) => shiftDate(options.today, days)),
            fc.constantFrom("2000-01-01", "2099-12-31"),
          ),
        },
        { requiredKeys: ["rule", "reason", "expires"] },
      );
      return fc
        .record(
          {
            rules: fc.tuple(...ids.map(rule)),
            overrides: fc.dictionary(fc.constantFrom(...allIds), override, { maxKeys: 3 }),
            waivers: fc.array(waiver, { maxLength: 3 }),
          },
          { requiredKeys: ["rules"] },
        )
        .map(({ rules, overrides, waivers }) => {
          const document: Record<string, unknown> = { version: 1 };
          if (packList.length > 0) document.extends = packList;
          if (rules.length > 0) document.rules = rules;
          // An override needs at least one change (the schema's minProperties).
          const changes = Object.entries(overrides ?? {}).filter(
            ([, change]) => Object.keys(change).length > 0,
          );
          // A policy that enables no rule is refused, so one rule always stays on.
          const disabled = new Set(
            changes.filter(([, change]) => change.enabled === false).map(([id]) => id),
          );
          const kept = allIds.find((id) => !disabled.has(id));
          if (kept === undefined) {
            const first = changes.find(([, change]) => change.enabled === false);
            if (first) first[1] = { ...first[1], enabled: true };
          }
          if (changes.length > 0) document.overrides = Object.fromEntries(changes);
          if (waivers && waivers.length > 0) document.waivers = waivers;
          return { document, ruleIds: allIds };
        });
    });
}

/** A copy of `account` without the value at a dotted model path (or the facts it is computed from). */
export function withoutPath(account: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(account);
  const sources: Record<string, string> = {
    $quotaUsedPercent: "SendQuota.Max24HourSend",
    $quotaUnlimited: "SendQuota.Max24HourSend",
  };
  const names = (sources[path] ?? path).split(".");
  let node: unknown = copy;
  for (const name of names.slice(0, -1)) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return copy;
    node = (node as Record<string, unknown>)[name];
  }
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    delete (node as Record<string, unknown>)[names[names.length - 1] ?? ""];
  }
  return copy;
}
