/**
 * The one entry into the AWS chunk: everything that calls AWS is reached through this module's
 * exports, by a dynamic import, so the offline path never loads the SDK and the bundle holds
 * the SDK once.
 */

export { applyFleetCalls } from "./apply-fleet.js";
export { readAwsTargets } from "./get-account.js";
export { assertProfileConfigured } from "./profile-names.js";
export { applyAccountCalls } from "./put-account.js";
export { readAccountRegions } from "./read-account-regions.js";
export { listFleetAccounts, readFleetTargets } from "./read-fleet.js";
