/** What to do next, per kind of AWS fault: the hints ses-guard prints under an error. */
export const CREDENTIALS_HINT =
  "Give ses-guard credentials the way the AWS CLI takes them: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, " +
  "--profile NAME or AWS_PROFILE (run `aws configure` or `aws sso login`), a web identity token " +
  "(aws-actions/configure-aws-credentials in GitHub Actions), or a container or instance role.";
export const EXPIRED_HINT =
  "Refresh them (for SSO: `aws sso login --profile NAME`; in GitHub Actions: run aws-actions/configure-aws-credentials again) and retry.";
export const TIMEOUT_HINT =
  "Raise --timeout, or check the network path to AWS (proxy, firewall, VPC endpoint).";
export const NOT_SES_ENDPOINT_HINT = "Check that --endpoint-url points at an SES v2 endpoint.";

/**
 * The hint for an answer that is not SES account data: with an endpoint override, most likely
 * the override; without one, something in the network path.
 */
export function malformedResponseHint(endpointUrl: string | undefined): string {
  return endpointUrl
    ? NOT_SES_ENDPOINT_HINT
    : "Something other than SES answered (a proxy or firewall in the network path); check the path to AWS.";
}

/** The hint for a connection that never reached anything: the override, or the network path. */
export function endpointHint(endpointUrl: string | undefined): string {
  return endpointUrl
    ? "Check --endpoint-url / AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL: is something listening there?"
    : "Check the network path to AWS (proxy, firewall, VPC endpoint).";
}
