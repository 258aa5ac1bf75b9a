/**
 * A credential provider that remembers what it fetched until shortly before it expires. Role
 * credentials are assumed once per account and shared by all of its Regions; a run that outlives
 * them (a large fleet, a slow network) fetches fresh ones instead of failing with an expired token.
 */

/** Credentials as the SDK's clients take them; `expiration` absent means they do not expire. */
export interface ExpiringCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Fetch anew this long before the expiration, so no request is signed with credentials about to lapse. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

/**
 * Wraps `fetch` so that concurrent callers share one fetch, the result is reused until
 * `REFRESH_BEFORE_EXPIRY_MS` before its expiration, and a failed fetch is not remembered (the next
 * caller tries again). `now` is passed in so that tests can move the clock.
 */
export function refreshingCredentials(
  fetch: () => Promise<ExpiringCredentials>,
  now: () => number = Date.now,
): () => Promise<ExpiringCredentials> {
  let current: ExpiringCredentials | undefined;
  let pending: Promise<ExpiringCredentials> | undefined;
  const fresh = (credentials: ExpiringCredentials) =>
    credentials.expiration === undefined ||
    credentials.expiration.getTime() - REFRESH_BEFORE_EXPIRY_MS > now();
  return () => {
    if (current && fresh(current)) return Promise.resolve(current);
    pending ??= fetch().then(
      (credentials) => {
        current = credentials;
        pending = undefined;
        return credentials;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}
