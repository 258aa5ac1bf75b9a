/**
 * Removes credential material from text that is about to leave ses-guard: every value the run
 * knows to be secret (see credential-material.ts), and the usual forms of the ones it does not
 * know, such as a token an endpoint echoes back, a signed request's Authorization header or query
 * string, a web identity token, or the user name and password of a URL. Pure: it sees only the
 * text and the list it is given.
 */

const REDACTED = "[redacted]";

/** `name=value`, `name: value`, `"name": "value"`: the separator between a key and its value. */
const SEPARATOR = String.raw`(["']?\s*[:=]\s*["']?)`;
/** A value that ends where a query string, a header list, JSON or XML would end it. */
const VALUE = String.raw`[^\s"'&,;<>]+`;

/** Keys whose value is secret wherever they appear: config files, JSON, query strings, headers. */
const SECRET_KEYS = [
  "aws_secret_access_key",
  "aws_session_token",
  "secretaccesskey",
  "sessiontoken",
  "x-amz-security-token",
  "x-amz-credential",
  "x-amz-signature",
  "webidentitytoken",
];

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [new RegExp(`\\b(${SECRET_KEYS.join("|")})${SEPARATOR}${VALUE}`, "gi"), `$1$2${REDACTED}`],
  // A whole Authorization header value (`AWS4-HMAC-SHA256 Credential=…, Signature=…`, `Bearer …`),
  // up to the end of its line or the quote that closes it.
  [new RegExp(`\\b(authorization)${SEPARATOR}[^"'\\r\\n<>]+`, "gi"), `$1$2${REDACTED}`],
  // A command line to the end of its line: its arguments can be secrets.
  [new RegExp(`\\b(credential_process)${SEPARATOR}[^"'\\r\\n<>]+`, "gi"), `$1$2${REDACTED}`],
  // The same value without its header name: the signing scheme, its credential scope and signature.
  [/\bAWS4-HMAC-SHA256\s+Credential=\S+(?:\s*SignedHeaders=\S+)?(?:\s*Signature=[0-9a-f]+)?/g, REDACTED],
  [/\b(Credential=)[A-Z0-9]{16,}\/[^\s,"'&<>]*/g, `$1${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]{8,}=*/g, `$1 ${REDACTED}`],
  // A request signature wherever it stands (`Signature=…` in a header or a presigned URL).
  [/((?:X-Amz-)?Signature=)[0-9a-f]{64}/gi, `$1${REDACTED}`],
  // A JSON Web Token (an OIDC web identity token): three base64url parts, the first a JSON header.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // The user name and password of a URL (`https://user:pass@host`).
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, `$1${REDACTED}@`],
];

/** What a failed `credential_process` gives: Node's "Command failed: <command line>\n<stderr>". */
const PROCESS_FAILED = /Command failed:[\s\S]*/;

/**
 * Replaces every occurrence of a secret, plain or URL-encoded, with `[redacted]` (secrets shorter
 * than 8 characters are not real ones), then every form of credential material that is
 * recognisable without knowing it.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so that a secret holding another one is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length < 8) continue;
    // Also as it appears in a URL or form body (keys and tokens hold `/`, `+` and `=`).
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * The reason a credential source gave, without what a failed `credential_process` printed: its
 * command line and its standard error can both hold secrets (a token passed as an argument, a
 * helper that echoes what it was given), so only the fact of the failure is kept.
 */
export function withoutProcessOutput(reason: string): string {
  return reason.replace(
    PROCESS_FAILED,
    "the credential_process command failed (its command line and output are not shown: they can hold secrets; run it yourself to see them)",
  );
}

/**
 * Redacts secrets from every string in a value (account data as an endpoint sent it), so that an
 * endpoint echoing the signed request cannot put credentials into a report or a snapshot.
 */
export function redactSecretsIn<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === "string") return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactSecretsIn(item, secrets)) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: redactSecretsIn(inner, secrets),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}
