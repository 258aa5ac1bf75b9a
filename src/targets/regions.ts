/**
 * The AWS Regions ses-guard knows about: where SES v2 is offered (what `--all-regions` reads) and
 * which Regions are opt-in (disabled for an account until someone enables them).
 *
 * Sources:
 * - SES Regions: AWS General Reference, "Amazon Simple Email Service endpoints and quotas",
 *   https://docs.aws.amazon.com/general/latest/gr/ses.html, table "Service API endpoints",
 *   the `aws` partition only (GovCloud and China are separate partitions with their own
 *   credentials; name those Regions with `--region`).
 * - Opt-in Regions: AWS Account Management reference, "Specify which AWS Regions your account can
 *   use" (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html): every
 *   Region launched after March 20, 2019 is disabled by default.
 *
 * When AWS adds SES to a Region, add it here; until then it can still be checked by naming it
 * with `--region`. A Region listed here where SES is not offered would make every `--all-regions`
 * run fail (its endpoint does not resolve), so a Region is added only on firm evidence.
 */

/** One Region where SES v2 answers GetAccount. */
export interface SesRegion {
  /** The Region code, e.g. `eu-west-1`. */
  name: string;
  /** The Region's name in the AWS documentation. */
  title: string;
  /** True when the Region is opt-in: an account must enable it before any call there succeeds. */
  optIn: boolean;
}

/** Every Region of the `aws` partition where SES v2 is offered, in the order of the AWS table. */
export const SES_REGIONS: readonly SesRegion[] = [
  { name: "us-east-2", title: "US East (Ohio)", optIn: false },
  { name: "us-east-1", title: "US East (N. Virginia)", optIn: false },
  { name: "us-west-1", title: "US West (N. California)", optIn: false },
  { name: "us-west-2", title: "US West (Oregon)", optIn: false },
  { name: "af-south-1", title: "Africa (Cape Town)", optIn: true },
  { name: "ap-south-2", title: "Asia Pacific (Hyderabad)", optIn: true },
  { name: "ap-southeast-3", title: "Asia Pacific (Jakarta)", optIn: true },
  { name: "ap-south-1", title: "Asia Pacific (Mumbai)", optIn: false },
  { name: "ap-northeast-3", title: "Asia Pacific (Osaka)", optIn: false },
  { name: "ap-northeast-2", title: "Asia Pacific (Seoul)", optIn: false },
  { name: "ap-southeast-1", title: "Asia Pacific (Singapore)", optIn: false },
  { name: "ap-southeast-2", title: "Asia Pacific (Sydney)", optIn: false },
  { name: "ap-northeast-1", title: "Asia Pacific (Tokyo)", optIn: false },
  { name: "ca-central-1", title: "Canada (Central)", optIn: false },
  { name: "eu-central-1", title: "Europe (Frankfurt)", optIn: false },
  { name: "eu-west-1", title: "Europe (Ireland)", optIn: false },
  { name: "eu-west-2", title: "Europe (London)", optIn: false },
  { name: "eu-south-1", title: "Europe (Milan)", optIn: true },
  { name: "eu-west-3", title: "Europe (Paris)", optIn: false },
  { name: "eu-north-1", title: "Europe (Stockholm)", optIn: false },
  { name: "eu-central-2", title: "Europe (Zurich)", optIn: true },
  { name: "il-central-1", title: "Israel (Tel Aviv)", optIn: true },
  { name: "me-south-1", title: "Middle East (Bahrain)", optIn: true },
  { name: "me-central-1", title: "Middle East (UAE)", optIn: true },
  { name: "sa-east-1", title: "South America (São Paulo)", optIn: false },
];

/**
 * Every opt-in Region of the `aws` partition, whether or not SES is offered there: a Region the
 * user names is judged by this list too.
 */
export const OPT_IN_REGIONS: ReadonlySet<string> = new Set([
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
]);

/** The Region codes `--all-regions` reads. */
export function allSesRegionNames(): string[] {
  return SES_REGIONS.map((region) => region.name);
}

/** Whether a Region is opt-in (disabled for an account until it is enabled). */
export function isOptInRegion(region: string): boolean {
  return OPT_IN_REGIONS.has(region);
}

/** Whether SES v2 is offered in a Region of the `aws` partition, as far as this list knows. */
export function isSesRegion(region: string): boolean {
  return SES_REGIONS.some((known) => known.name === region);
}
