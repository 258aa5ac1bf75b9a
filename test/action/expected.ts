/**
 * The exact lines the Action prints for the probation fixture account in eu-west-1 under a policy
 * that extends `recommended` on line 2: shared by the Action test and the documentation test, so
 * the documented failing run is the real one.
 */

/** The four annotations, most important first. */
export const ANNOTATIONS_EU_WEST_1: readonly string[] = [
  "::error file=.ses-guard.yaml,line=2,col=11,title=enforcement-healthy%3A The account is in good standing (enforcement status HEALTHY)" +
    "::eu-west-1 123456789012: EnforcementStatus is PROBATION; must equal HEALTHY" +
    "%0AFix: Read the review case and fix its cause (bounce or complaint rates), then confirm with aws sesv2 get-account --query '{Status: EnforcementStatus, Review: Details.ReviewDetails}'" +
    "%0ADocs: https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html",
  "::error file=.ses-guard.yaml,line=2,col=11,title=suppression-bounce-complaint%3A Bounces and complaints are suppressed account-wide" +
    "::eu-west-1 123456789012: SuppressionAttributes.SuppressedReasons is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)" +
    "%0AFix: aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT" +
    "%0ADocs: https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html",
  "::warning file=.ses-guard.yaml,line=2,col=11,title=quota-headroom%3A Less than 80%25 of the 24-hour sending quota is used" +
    "::eu-west-1 123456789012: 88.24%25 of the 24-hour sending quota is used; must be less than 80%25" +
    "%0AFix: Request a higher sending quota in the Service Quotas console, and watch usage with aws sesv2 get-account --query SendQuota" +
    "%0ADocs: https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas.html",
  "::warning file=.ses-guard.yaml,line=2,col=11,title=vdm-enabled%3A Virtual Deliverability Manager is enabled" +
    "::eu-west-1 123456789012: VdmAttributes.VdmEnabled is DISABLED; must equal ENABLED" +
    "%0AFix: aws sesv2 put-account-vdm-attributes --vdm-attributes VdmEnabled=ENABLED" +
    "%0ADocs: https://docs.aws.amazon.com/ses/latest/dg/vdm.html",
];

/** What follows the annotations: the counts line and the step's failure message. */
export const FAILING_TAIL: readonly string[] = [
  "ses-guard failed: 4 failed, 0 errors, 2 passed, 0 waived, 0 skipped (exit code 1)",
  "::error::ses-guard: 2 failed rules at or above error. See the annotations and the job summary.",
];
