import { type Diagnostic, ExitCode, SesGuardError } from "../errors.js";
import { compiledPacks } from "../generated/compiled-packs.js";
import { didYouMean } from "../suggest.js";
import type { Policy, Rule, SourceLocation, Waiver } from "../types.js";
import { dedupe, dedupeWaivers, inReadingOrder } from "./diagnostic-order.js";
import { noEnabledRules } from "./enabled-rules.js";
import type { Override, PolicyFile } from "./policy-file.js";
import { applyOverride, mergeRule } from "./rule-set.js";

/** What the loader needs from the outside world; the CLI gives it the file system. */
export interface PolicyHost {
  /** Reads a policy file by absolute path: its text, or why it cannot be read. */
  readFile(path: string): { text: string } | { error: string };
  /** The absolute path of `relative` seen from `fromFile` (or from the working directory). */
  resolve(fromFile: string | undefined, relative: string): string;
  /** How to show a path to the user (relative to the working directory). */
  display(path: string): string;
  /**
   * Whether an `extends` may reach this file. Policies can arrive in pull requests, so they may
   * reach only files inside the repository (and built-in packs), never the rest of the disk.
   */
  mayExtend(path: string, roots: readonly string[]): boolean;
  /** The repository root: the git root, or GITHUB_WORKSPACE in the Action (`extends` may reach anything inside). */
  root: string;
  /** The directory containing a file. */
  dirname(path: string): string;
}

/** The names of the built-in packs. */
export const packNames = Object.keys(compiledPacks);

/**
 * True for an `extends` entry that names a pack rather than a file: no `/` and no `.yaml`/`.yml`
 * ending (the `extends` row of docs/writing-policies.md, "Top level").
 */
export function isPackReference(entry: string): boolean {
  return !entry.includes("/") && !/\.ya?ml$/i.test(entry);
}

interface Loaded {
  rules: Map<string, Rule>;
  waivers: Waiver[];
  /**
   * The overrides applied on the way. They are applied again after merging, so that a rule arriving
   * unchanged through another entry (`extends: [strict, recommended]`) cannot undo them.
   */
  overrides: Override[];
}

/**
 * Loads the policies named on the command line (files or pack names) and resolves extends,
 * overrides and waivers into one rule set. Every problem in every file is collected first and
 * thrown together, so one run shows the author everything to fix.
 */
export async function loadPolicy(specs: readonly string[], host: PolicyHost): Promise<Policy> {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const parsed = new Map<string, PolicyFile | undefined>();
  const roots = [host.root];

  // Built-in packs arrive compiled at build time; the YAML reader is loaded only for user files.
  const parse = async (key: string, display: string, text: string): Promise<PolicyFile | undefined> => {
    const { readPolicyFile } = await import("./policy-file.js");
    const result = await readPolicyFile(display, text);
    diagnostics.push(...result.diagnostics);
    parsed.set(key, result.policy);
    files.push(display);
    return result.policy;
  };

  const loadSource = async (
    spec: string,
    from: { path: string; location: SourceLocation } | undefined,
    stack: string[],
  ): Promise<Loaded | undefined> => {
    const pack = isPackReference(spec);
    if (pack && !Object.hasOwn(compiledPacks, spec)) {
      diagnostics.push({
        code: "policy/unknown-pack",
        message: `unknown pack "${spec}"${didYouMean(spec, packNames)}; built-in packs are ${packNames.join(", ")} (a file path needs a / or a .yaml ending)`,
        ...(from?.location ?? {}),
      });
      return undefined;
    }
    const key = pack ? `pack:${spec}` : host.resolve(from?.path, spec);
    if (stack.includes(key)) {
      const chain = [...stack.slice(stack.indexOf(key)), key].map((k) => displayKey(k, host)).join(" → ");
      diagnostics.push({
        code: "policy/extends-cycle",
        message: `extends cycle: ${chain}`,
        ...(from?.location ?? {}),
      });
      return undefined;
    }
    let file: PolicyFile | undefined;
    if (pack) {
      file = compiledPacks[spec];
      if (file && !files.includes(file.file)) files.push(file.file);
    } else {
      if (from && !host.mayExtend(key, roots)) {
        diagnostics.push({
          code: "policy/extends-outside",
          message: `extends "${spec}" reaches outside the repository (${host.display(key)}); policies may extend built-in packs and files inside the repository only`,
          ...from.location,
        });
        return undefined;
      }
      if (!parsed.has(key)) {
        const read = host.readFile(key);
        if ("error" in read) {
          diagnostics.push({
            code: "policy/unreadable",
            message: `cannot read policy ${host.display(key)}: ${read.error}`,
            ...(from?.location ?? {}),
          });
          parsed.set(key, undefined);
          return undefined;
        }
        if (!from) roots.push(host.dirname(key));
        file = await parse(key, host.display(key), read.text);
      } else {
        file = parsed.get(key);
      }
    }
    if (!file) return undefined;
    return resolveFile(file, key, pack, stack);
  };

  const resolveFile = async (
    file: PolicyFile,
    key: string,
    isPack: boolean,
    stack: string[],
  ): Promise<Loaded> => {
    const rules = new Map<string, Rule>();
    const waivers: Waiver[] = [];
    const overrides: Override[] = [];
    for (const entry of file.extends) {
      const inherited = await loadSource(entry.name, { path: key, location: entry.location }, [
        ...stack,
        key,
      ]);
      if (!inherited) continue;
      for (const rule of inherited.rules.values()) {
        // Rules from a pack point their annotations at the user's `extends` line, which is in the repository.
        const arriving = !isPack && rule.pack && !rule.via ? { ...rule, via: entry.location } : rule;
        mergeRule(rules, arriving, diagnostics);
      }
      waivers.push(...inherited.waivers);
      overrides.push(...inherited.overrides);
    }
    for (const rule of file.rules) mergeRule(rules, rule, diagnostics);
    // Inherited overrides were checked in their own file; here they only need to hold again.
    for (const override of overrides) applyOverride(rules, override);
    for (const override of file.overrides) {
      if (!applyOverride(rules, override)) {
        diagnostics.push({
          code: "policy/unknown-rule",
          message: `override names rule "${override.ruleId}", which does not exist here${didYouMean(override.ruleId, rules.keys())}`,
          ...override.location,
        });
        continue;
      }
      overrides.push(override);
    }
    waivers.push(...file.waivers);
    return { rules, waivers, overrides };
  };

  const all: Loaded = { rules: new Map(), waivers: [], overrides: [] };
  for (const spec of specs) {
    const loaded = await loadSource(spec, undefined, []);
    if (!loaded) continue;
    for (const rule of loaded.rules.values()) mergeRule(all.rules, rule, diagnostics);
    all.waivers.push(...loaded.waivers);
    all.overrides.push(...loaded.overrides);
  }
  for (const override of all.overrides) applyOverride(all.rules, override);
  for (const waiver of all.waivers) {
    if (!all.rules.has(waiver.rule)) {
      diagnostics.push({
        code: "policy/unknown-rule",
        message: `waiver names rule "${waiver.rule}", which does not exist${didYouMean(waiver.rule, all.rules.keys())}`,
        ...waiver.source,
      });
    }
  }
  if (diagnostics.length === 0) {
    const empty = noEnabledRules([...all.rules.values()], all.overrides, files);
    if (empty) diagnostics.push(empty);
  }
  if (diagnostics.length > 0) throw new SesGuardError(inReadingOrder(dedupe(diagnostics)), ExitCode.usage);
  return { rules: [...all.rules.values()], waivers: dedupeWaivers(all.waivers), files };
}

function displayKey(key: string, host: PolicyHost): string {
  return key.startsWith("pack:") ? key.slice(5) : host.display(key);
}
