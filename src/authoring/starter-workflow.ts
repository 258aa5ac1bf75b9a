/** The GitHub workflow `ses-guard init` writes. */
import {
  ACTION_REFERENCE,
  STARTER_POLICY_PATH,
  STARTER_SARIF_FILE,
  type StarterOptions,
} from "./starter-options.js";

/**
 * `.github/workflows/ses-guard.yml`: the policy's tests, then OIDC credentials, the ses-guard
 * Action, and the SARIF report uploaded to code scanning even when the check fails.
 */
export function starterWorkflow(options: StarterOptions): string {
  return `# ses-guard: check this repository's Amazon SES v2 accounts against ${STARTER_POLICY_PATH}.
# Before the first run: create an IAM role that GitHub Actions can assume through OIDC, allowed
# ses:GetAccount (STS GetCallerIdentity, which labels results with the account id, needs no
# permission), then set role-to-assume and the regions below.
name: ses-guard

on:
  pull_request:
  push:
    branches: [main]
  schedule:
    - cron: "17 6 * * 1-5" # account settings can change without a commit
  workflow_dispatch:

permissions:
  contents: read # check out the policy
  id-token: write # OIDC: trade the job's token for short-lived AWS credentials, no stored keys
  security-events: write # upload the SARIF report to code scanning

jobs:
  ses-guard:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6

      # The policy's own tests need no AWS access; a policy that fails them is not deployed.
      - name: Test the policy
        run: npx --yes ses-guard@${options.version} test

      - name: AWS credentials (OIDC)
        uses: aws-actions/configure-aws-credentials@v6
        with:
          role-to-assume: arn:aws:iam::123456789012:role/ses-guard-read-only
          aws-region: us-east-1

      - name: Check the SES accounts
        uses: ${ACTION_REFERENCE}
        with:
          policy: ${STARTER_POLICY_PATH}
          regions: us-east-1,eu-west-1
          sarif-file: ${STARTER_SARIF_FILE}

      # Upload even when the check failed: failing rules are what code scanning should show.
      # The hashFiles guard skips the upload when no report was written (e.g. an invalid policy),
      # so the log shows the real error rather than a missing file.
      - name: Upload to code scanning
        if: always() && hashFiles('${STARTER_SARIF_FILE}') != ''
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: ${STARTER_SARIF_FILE}
          category: ses-guard
`;
}
