/**
 * The accounts of the profiles source (`--profile A,B`) for `ses-guard accounts`: each profile's
 * account id, asked of STS GetCallerIdentity with that profile's own credentials. SES is never
 * called. A mistyped profile is refused (exit 2) before any request; a profile whose identity
 * cannot be read fails the whole listing (exit 3), as a discovery failure does.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { PlannedAccount } from "../targets/fleet.js";
import { classifyAwsError } from "./aws-errors.js";
import { type FleetListing, type FleetReadOptions, requestHandler, timeoutMs } from "./fleet-accounts.js";
import { assertProfileConfigured, configuredProfileNames } from "./profile-names.js";
import { callerRegion } from "./region-requests.js";

/** One account per profile, in the order given, named by its profile. */
export async function listProfileAccounts(
  profiles: readonly string[],
  options: FleetReadOptions,
): Promise<FleetListing> {
  const configured = await configuredProfileNames(options.env);
  for (const profile of profiles) await assertProfileConfigured(profile, options.env, configured);
  const named = options.regions === "all" ? [] : options.regions;
  const region = callerRegion(named);
  const accounts: PlannedAccount[] = [];
  // One profile at a time: a listing is a few requests, and an SSO or MFA prompt of one profile
  // must not interleave with another's.
  for (const profile of profiles) {
    const sts = new STSClient({ region, profile, requestHandler: requestHandler(options) });
    try {
      const identity = await sts.send(new GetCallerIdentityCommand({}), {
        abortSignal: options.signal ?? AbortSignal.timeout(timeoutMs(options)),
      });
      if (identity.Account === undefined) {
        return {
          ok: false,
          error: {
            code: "sts/no-account",
            message: `STS GetCallerIdentity for profile "${profile}" named no account`,
          },
        };
      }
      accounts.push({ id: identity.Account, name: profile });
    } catch (error) {
      const info = classifyAwsError(error, {
        region: "sts",
        timeoutSeconds: options.timeoutSeconds,
        secrets: [],
        ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
      });
      return { ok: false, error: { ...info, message: `profile "${profile}": ${info.message}` } };
    } finally {
      sts.destroy();
    }
  }
  return { ok: true, accounts };
}
