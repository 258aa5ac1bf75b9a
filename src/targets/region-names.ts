/**
 * How a Region code is written. Apart from the Region table in regions.ts, so that checking the
 * Regions a user names does not load that table at start-up.
 */

/** The form of a Region code a user names: `us-east-1`, `us-gov-west-1`, `ap-southeast-3`. */
export const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Checks the Regions a user names (`--region`, the Action's `regions` input): trims them, drops
 * blanks and repeats, and returns them in order, or the first entry that is not written like a
 * Region code. Splitting the list is left to the caller, whose syntax it is.
 */
export function parseRegionList(entries: readonly string[]): { regions: string[] } | { invalid: string } {
  const regions = entries.map((entry) => entry.trim()).filter((entry) => entry !== "");
  const invalid = regions.find((region) => !REGION_CODE.test(region));
  return invalid === undefined ? { regions: [...new Set(regions)] } : { invalid };
}

/**
 * Whether a string can be a Region code. Region codes become part of a host name, so anything
 * that is not a lowercase DNS label is refused before a request is built. Looser than
 * parseRegionList: it also judges Regions from the environment and profiles (`local` for an
 * emulator).
 */
export function isValidRegionName(region: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(region);
}
