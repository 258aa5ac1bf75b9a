/**
 * One hostile account, one hostile policy and one hostile snapshot for the end-to-end injection
 * tests: every string a user or AWS controls carries workflow commands of both syntaxes, CR/LF,
 * `%0A`, HTML, `]]>`, Markdown links, ANSI CSI and OSC 8 sequences, a C1 CSI and bidi overrides.
 */
import { stringify } from "yaml";
import { snapshotJson } from "../helpers/snapshot.js";

/** Marks every forged command, so a test can tell which channel let it through. */
export const HOSTILE =
  "<script>alert(1)</script> ]]> <![CDATA[ &amp; %0A %25 %3A " +
  "\u001b[31mred\u001b[0m \u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007 \u009b2J \u202eevil\u202c \u2066x\u2069 \u061cmark " +
  "##[error]forged-v1 ##[stop-commands]forged-token |pipe| `tick` ``` [md](javascript:alert(1)) " +
  "\u0024{{ secrets.GITHUB_TOKEN }}\r\n::error file=x.yaml,line=1::forged-v2\n::set-output name=passed::true\n" +
  "  ::stop-commands::forged-token\r::warning::forged-cr";

/** A string that is a workflow command by itself (a bare word: messages print it unquoted). */
export const BARE_COMMAND = "::error::forged-bare";

/** What SES answers for the hostile account: every free-text member carries {@link HOSTILE}. */
export const HOSTILE_ACCOUNT = {
  SendingEnabled: true,
  ProductionAccessEnabled: true,
  DedicatedIpAutoWarmupEnabled: true,
  EnforcementStatus: HOSTILE,
  SendQuota: { Max24HourSend: 100, MaxSendRate: 1, SentLast24Hours: 99 },
  SuppressionAttributes: { SuppressedReasons: ["BOUNCE", HOSTILE] },
  Details: {
    MailType: "MARKETING",
    WebsiteURL: BARE_COMMAND,
    ContactLanguage: "EN",
    UseCaseDescription: HOSTILE,
    AdditionalContactEmailAddresses: [HOSTILE, "##[error]forged-list"],
    ReviewDetails: { Status: "GRANTED", CaseId: HOSTILE },
  },
  VdmAttributes: { VdmEnabled: HOSTILE },
};

/** A policy whose every free-text field is hostile; rule ids are pattern-checked, so they are not. */
export function hostilePolicy(today: string): string {
  const rule = (id: string, check: object, extra: object = {}) => ({
    id,
    title: `Title ${HOSTILE}`,
    check,
    remediation: `aws sesv2 fix\n::error::forged-remediation\n${HOSTILE}`,
    docs: `https://docs.example.com/${HOSTILE}`,
    ...extra,
  });
  return stringify({
    version: 1,
    extends: ["recommended"],
    rules: [
      rule(
        "hostile-status",
        { path: "EnforcementStatus", equals: "HEALTHY" },
        {
          message: `{actual}\n::error::forged-message ${HOSTILE} {title}`,
        },
      ),
      rule("hostile-website", { path: "Details.WebsiteURL", matches: "^https://" }),
      rule("hostile-emails", {
        path: "Details.AdditionalContactEmailAddresses",
        containsAll: ["ops@example.com"],
      }),
      rule("hostile-case", { path: "Details.ReviewDetails.CaseId", equals: "1" }),
      rule("hostile-vdm", {
        any: [
          { path: "VdmAttributes.VdmEnabled", equals: "ENABLED" },
          { not: { path: "Details.UseCaseDescription", exists: true } },
        ],
      }),
      rule(
        "hostile-skip",
        { path: "SendingEnabled", equals: true },
        // Region filters must match some SES Region, so this one skips the rule where the tests read.
        { regions: ["sa-*"], severity: "notice" },
      ),
      rule("hostile-warning", { path: "$quotaUsedPercent", lessThan: 50 }, { severity: "warning" }),
    ],
    waivers: [
      { rule: "hostile-case", reason: `Reason ${HOSTILE}`, expires: "2099-12-31" },
      { rule: "hostile-vdm", reason: `Expired ${HOSTILE}`, expires: "2001-01-01" },
      { rule: "quota-headroom", reason: `Quota ${HOSTILE}`, expires: today },
    ],
  });
}

/** A snapshot whose region names, error texts and notices are hostile. */
export function hostileSnapshot(): string {
  return snapshotJson([
    { region: "::error::forged-region", accountId: "123456789012", status: "ok", account: HOSTILE_ACCOUNT },
    {
      region: `##[error]forged-region-v1 ${HOSTILE}`,
      accountId: "123456789012",
      status: "error",
      error: {
        code: `code ${HOSTILE}`,
        message: `message ${HOSTILE}`,
        hint: `hint\n::error::forged-hint\n${HOSTILE}`,
      },
    },
    {
      region: "  ::notice::forged-skipped",
      accountId: null,
      status: "skipped",
      notice: `::error::forged-notice ${HOSTILE}`,
    },
  ]);
}
