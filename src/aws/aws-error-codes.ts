/**
 * The error codes ses-guard gives AWS faults, and the error names and Node error codes that map
 * to them. Kept apart from the classifier so the codes can be imported without its messages.
 */
/** The error codes this module produces, one per kind of fault. */
export const AwsErrorCode = {
  accessDenied: "aws/access-denied",
  noCredentials: "aws/no-credentials",
  expiredToken: "aws/expired-token",
  invalidToken: "aws/invalid-token",
  optInRegionDisabled: "aws/opt-in-region-disabled",
  throttled: "aws/throttled",
  serverError: "aws/server-error",
  timeout: "aws/timeout",
  connectionRefused: "aws/connection-refused",
  connectionReset: "aws/connection-reset",
  networkUnreachable: "aws/network-unreachable",
  dns: "aws/dns",
  tls: "aws/tls",
  malformedResponse: "aws/malformed-response",
  invalidRegion: "aws/invalid-region",
  aborted: "aws/aborted",
  unknown: "aws/unknown",
} as const;

export const EXPIRED_NAMES = new Set(["ExpiredTokenException", "ExpiredToken", "TokenRefreshRequired"]);
export const INVALID_TOKEN_NAMES = new Set([
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "InvalidClientTokenIdException",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "MissingAuthenticationToken",
  "MissingAuthenticationTokenException",
]);
export const ACCESS_DENIED_NAMES = new Set([
  "AccessDeniedException",
  "AccessDenied",
  "UnauthorizedOperation",
]);
export const THROTTLING_NAMES = new Set([
  "TooManyRequestsException",
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "RequestLimitExceeded",
  "SlowDown",
]);
export const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_STREAM_PREMATURE_CLOSE"]);
export const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "EAI_NODATA"]);
export const UNREACHABLE_CODES = new Set(["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN"]);
export const TLS_CODE = /^(CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/;
