/** A did-you-mean for a Region name that is not written like one (`us-east1`, `eu-west-01`). */
import { suggest } from "../suggest.js";
import { OPT_IN_REGIONS, SES_REGIONS } from "./regions.js";

/** Every Region code ses-guard knows: the SES Regions and the opt-in Regions of the `aws` partition. */
function knownRegionNames(): string[] {
  return [...new Set([...SES_REGIONS.map((region) => region.name), ...OPT_IN_REGIONS])];
}

/**
 * The known Region a misspelt name most likely meant, if any. Dashes and case are ignored in the
 * comparison, so `us-east1` and `US-EAST-1` find `us-east-1` however far apart they are in edits.
 */
export function suggestRegion(input: string): string | undefined {
  const known = knownRegionNames();
  const squeeze = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return known.find((name) => squeeze(name) === squeeze(input)) ?? suggest(input, known);
}

/** How a message ends for a name that is not a Region: a did-you-mean, else examples. */
export function regionHint(input: string): string {
  const hit = suggestRegion(input);
  return hit === undefined ? " (e.g. us-east-1, eu-west-2)" : `; did you mean "${hit}"?`;
}
