/**
 * Which Regions a live read asks: the ones the user named, every SES Region for --all-regions,
 * or the default Region of the environment or profile. Also picks the Region to ask STS in.
 */
import { usageError } from "../errors.js";
import { isValidRegionName } from "../targets/region-names.js";
import { allSesRegionNames, isOptInRegion } from "../targets/regions.js";
import { resolveDefaultRegion } from "./default-region.js";

/** STS for the account id when every named Region is opt-in: us-east-1 is enabled for every account. */
const FALLBACK_STS_REGION = "us-east-1";

/** One Region to read, and how it came to be asked. */
export interface RegionRequest {
  region: string;
  /** True when the Region came from --all-regions rather than from the user. */
  fromAllRegions: boolean;
}

/** Turns the requested Regions into a list, falling back to the default Region. */
export async function resolveRegions(
  regions: string[] | "all",
  env: Record<string, string | undefined>,
  profile: string | undefined,
): Promise<RegionRequest[]> {
  if (regions === "all") return allSesRegionNames().map((region) => ({ region, fromAllRegions: true }));
  const named = [...new Set(regions.map((region) => region.trim()).filter((region) => region !== ""))];
  if (named.length > 0) return named.map((region) => ({ region, fromAllRegions: false }));
  const fallback = await resolveDefaultRegion(env, profile);
  if (!fallback) {
    throw usageError(
      "aws/no-region",
      `No AWS Region given. Name one with --region (e.g. --region us-east-1, or several: --region us-east-1,eu-west-1), ` +
        `read every SES Region with --all-regions, set AWS_REGION, or set a region in the ${profile ? `"${profile}" ` : ""}profile ` +
        `(aws configure set region us-east-1${profile ? ` --profile ${profile}` : ""}).`,
    );
  }
  return [{ region: fallback.region, fromAllRegions: false }];
}

/** The Region to ask STS in: the first named Region that is surely enabled. */
export function stsRegion(requests: readonly RegionRequest[]): string {
  return callerRegion(requests.map(({ region }) => region).filter(isValidRegionName));
}

/** The first of `regions` that is enabled in every account (not opt-in), else us-east-1. */
export function callerRegion(regions: readonly string[] | "all"): string {
  return (regions === "all" ? undefined : regions.find((r) => !isOptInRegion(r))) ?? FALLBACK_STS_REGION;
}
