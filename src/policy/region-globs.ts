/**
 * `regions:` filters on rules and waivers are checked when the policy loads: a glob that matches
 * no SES Region (`eu-wset-1`, `EU-*`) would silently skip its rule, or never apply its waiver,
 * in every Region, so it is a policy error with a suggestion instead.
 */

import { matchesGlob } from "../engine/glob.js";
import type { Diagnostic } from "../errors.js";
import { didYouMean, suggest } from "../suggest.js";
import { allSesRegionNames } from "../targets/regions.js";
import type { YamlDocument } from "./yaml-document.js";

/**
 * SES Regions outside the `aws` partition (AWS GovCloud (US)), which `--region` can name: a
 * filter written for them is not a typo.
 */
const OTHER_PARTITION_SES_REGIONS = ["us-gov-west-1", "us-gov-east-1"];

/** Every Region a `regions:` glob may aim at. */
export function knownSesRegions(): string[] {
  return [...allSesRegionNames(), ...OTHER_PARTITION_SES_REGIONS];
}

/**
 * Adds a diagnostic for each glob of `globs` (found at `pointer` in `doc`) that matches no known
 * SES Region. `what` names the owner in the message ("rule", "waiver").
 */
export function checkRegionGlobs(
  globs: unknown,
  pointer: string,
  doc: YamlDocument,
  diagnostics: Diagnostic[],
  what: "rule" | "waiver",
): void {
  if (!Array.isArray(globs)) return;
  const known = knownSesRegions();
  globs.forEach((glob, i) => {
    if (typeof glob !== "string" || glob.trim() === "") return;
    if (known.some((region) => matchesGlob(glob, region))) return;
    const effect =
      what === "rule" ? "the rule would be skipped in every Region" : "the waiver would never apply";
    const suggestion = regionSuggestion(glob, known);
    const form = suggestion === "" ? "; SES Regions are written like us-east-1 or eu-*" : "";
    diagnostics.push({
      code: "policy/unknown-region",
      message: `region "${glob}" matches no SES Region${suggestion}: ${effect}${form}`,
      ...doc.locate(`${pointer}/${i}`),
    });
  });
}

/** A did-you-mean for a glob: its lowercase form when that matches, else the closest Region. */
function regionSuggestion(glob: string, known: readonly string[]): string {
  const lower = glob.toLowerCase();
  if (lower !== glob && known.some((region) => matchesGlob(lower, region)))
    return ` (did you mean "${lower}"?)`;
  if (/[*?]/.test(glob)) {
    // A glob with wildcards: suggest from the Region prefixes it could have meant (`eu-*`).
    const prefixes = [...new Set(known.map((region) => `${region.split("-")[0]}-*`))];
    const hit = suggest(lower, prefixes);
    return hit === undefined ? "" : ` (did you mean "${hit}"?)`;
  }
  return didYouMean(lower, known);
}
