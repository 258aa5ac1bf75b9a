/**
 * The `sarif` format: SARIF 2.1.0 for GitHub code scanning. Each rule becomes a reporting
 * descriptor (title, description of its check, remediation, docs, severity), each failed or
 * unevaluated rule a result at its policy line in the repository, and each waived rule a result
 * with an accepted suppression. Fingerprints depend on rule and target only, so an alert stays
 * one alert across runs and commits even when the policy file moves lines.
 */

import { nodeCrypto } from "../lazy-crypto.js";
import type { FormatContext, Formatter, Report, Result, Rule } from "../types.js";
import { compareResults, TOOL_URL, targetLabel } from "./common.js";
import { jsonWithoutLogCommands } from "./escape.js";
import {
  indexRules,
  PACKS_URI_BASE_ID,
  packLocation,
  packsBaseUri,
  type RepositoryLocation,
  repositoryPath,
  resultLocation,
} from "./location.js";
import { sarifAutomationId } from "./sarif-category.js";
import { describeRule, LEVEL, ruleFacts, sentence, text } from "./sarif-rules.js";

/** GitHub code scanning accepts at most this many results in one run. */
export const MAX_SARIF_RESULTS = 25_000;

/** The URI of the schema the output conforms to (the OASIS 2.1.0 errata 01 schema). */
export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** Options of the `sarif` format. */
export interface SarifFormatOptions {
  /** `run.automationDetails.id`, e.g. `ses-guard/production/`; GitHub uses it as the analysis category. */
  automationId?: string;
  /** The most results one run holds (GitHub's limit by default); the rest are counted in a notification. */
  maxResults?: number;
}

/** A stable fingerprint of one rule on one target: a hash of rule id, account and region. */
export function targetFingerprint(ruleId: string, accountId: string | null, region: string): string {
  return nodeCrypto()
    .createHash("sha256")
    .update(`ses-guard\u0000${ruleId}\u0000${accountId ?? ""}\u0000${region}`)
    .digest("hex")
    .slice(0, 32);
}

function targetPhrase(target: { region: string; accountId: string | null }): string {
  return `region ${text(target.region)}, account ${text(target.accountId ?? "unknown")}`;
}

function uri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

function physicalLocation(location: RepositoryLocation) {
  const region: Record<string, number> = { startLine: Math.max(1, location.line) };
  if (location.column !== undefined) region.startColumn = location.column;
  const artifactLocation: Record<string, string> = { uri: uri(location.file) };
  // A pack's file is not in the repository: it is named relative to the packs ses-guard ships.
  if (location.pack !== undefined) artifactLocation.uriBaseId = PACKS_URI_BASE_ID;
  return { physicalLocation: { artifactLocation, region } };
}

function sarifResult(
  result: Result,
  ruleIndex: number,
  context: FormatContext,
  rules: ReadonlyMap<string, Rule>,
): Record<string, unknown> {
  // Every result needs a location for code scanning; the rule's own file is the last resort.
  const location = resultLocation(result, context, rules) ??
    packLocation(result, rules) ?? {
      file: repositoryPath(result.policy.file, context.workspace) ?? result.policy.file.replace(/\\/g, "/"),
      line: result.policy.line,
    };
  const fingerprint = targetFingerprint(result.ruleId, result.accountId, result.region);
  const properties: Record<string, unknown> = {
    status: result.status,
    region: text(result.region),
    accountId: result.accountId === null ? null : text(result.accountId),
  };
  if (result.path !== undefined) properties.path = text(result.path);
  if (result.regionUnknown) properties.regionUnknown = true;
  if (result.whenUnknown) properties.whenUnknown = true;
  if (result.waiver) {
    properties.waiverExpires = result.waiver.expires;
    properties.waiverExpired = result.waiver.expired;
  }
  const sarif: Record<string, unknown> = {
    ruleId: result.ruleId,
    ruleIndex,
    kind: "fail",
    level: result.status === "error" ? "error" : LEVEL[result.severity],
    message: { text: `${text(result.message).trim().replace(/\.$/, "")} (${targetPhrase(result)}).` },
    locations: [physicalLocation(location)],
    partialFingerprints: {
      // Supplied so upload-sarif does not derive it from the policy line's text, which is the
      // same for every target of a rule and would merge their alerts into one.
      primaryLocationLineHash: `${fingerprint}:1`,
      "sesGuardTarget/v1": fingerprint,
    },
    properties,
  };
  if (result.status === "waived" && result.waiver) {
    const suppression: Record<string, unknown> = {
      kind: "external",
      status: "accepted",
      justification: `${text(result.waiver.reason)} (waived until ${result.waiver.expires})`,
    };
    const waiverFile = repositoryPath(result.waiver.file, context.workspace);
    if (waiverFile !== undefined)
      suppression.location = physicalLocation({ file: waiverFile, line: result.waiver.line });
    sarif.suppressions = [suppression];
  }
  return sarif;
}

function notifications(report: Report) {
  const out: Array<Record<string, unknown>> = [];
  for (const target of report.targets) {
    if (target.status === "error") {
      const error = target.error;
      const parts = [`${targetLabel(target)} could not be read`];
      if (error) parts.push(`${error.code}: ${error.message}`);
      if (error?.hint) parts.push(`Hint: ${error.hint}`);
      const notification: Record<string, unknown> = {
        level: "error",
        message: { text: sentence(parts.join(". ")) },
      };
      if (error) notification.descriptor = { id: text(error.code) };
      out.push(notification);
    } else if (target.status === "skipped") {
      const reason = target.notice ? `: ${target.notice}` : "";
      out.push({ level: "note", message: { text: sentence(`${targetLabel(target)} was skipped${reason}`) } });
    }
  }
  return out;
}

/** The notification that says how many results were left out of the run, and why. */
function cutNotification(total: number, max: number): Record<string, unknown> {
  return {
    level: "warning",
    descriptor: { id: "ses-guard/sarif-results-cut" },
    message: {
      text:
        `${total - max} of ${total} results are not in this run: GitHub code scanning accepts at most ` +
        `${max} results per run. The most severe were kept; every result is in the JSON report (--format json).`,
    },
  };
}

/** Builds the SARIF log object (before serialisation) for a report. */
export function buildSarif(report: Report, context: FormatContext, options: SarifFormatOptions = {}) {
  const facts = ruleFacts(context, report);
  const ruleIndex = new Map(facts.map((f, index) => [f.id, index]));
  const rules = indexRules(context.rules);
  const candidates = report.results
    .filter((r) => r.status === "fail" || r.status === "error" || r.status === "waived")
    // Most serious first, so a viewer that shows the first results shows the ones that matter
    // and the cap below keeps them; the sort is stable, so ties keep report order.
    .sort(compareResults);
  const max = options.maxResults ?? MAX_SARIF_RESULTS;
  const reported = candidates
    .slice(0, max)
    .map((r) => sarifResult(r, ruleIndex.get(r.ruleId) ?? 0, context, rules));
  const toolNotifications = notifications(report);
  if (candidates.length > max) toolNotifications.unshift(cutNotification(candidates.length, max));

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: "ses-guard",
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: TOOL_URL,
        rules: facts.map(describeRule),
      },
    },
    invocations: [
      {
        executionSuccessful: true,
        exitCode: report.summary.exitCode,
        toolExecutionNotifications: toolNotifications,
      },
    ],
    results: reported,
    columnKind: "utf16CodeUnits",
    properties: { failOn: report.failOn, summary: report.summary },
  };
  // Always set: GitHub rejects a second upload of one category for a commit, so shards and
  // matrix jobs that upload on their own each need a category of their own.
  run.automationDetails = {
    id: options.automationId ?? sarifAutomationId(report, context.sarifCategoryPrefix),
  };
  // Read off each result's location (set by physicalLocation) rather than serialising them all.
  const locatedInPacks = reported.some(
    (r) =>
      (r.locations as ReturnType<typeof physicalLocation>[])[0]?.physicalLocation.artifactLocation
        .uriBaseId !== undefined,
  );
  if (locatedInPacks) {
    run.originalUriBaseIds = {
      [PACKS_URI_BASE_ID]: {
        uri: packsBaseUri(report.tool.version),
        description: { text: "The built-in policy packs that ship with ses-guard." },
      },
    };
  }
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}

/** Builds the `sarif` formatter with non-default options (e.g. an automation id). */
export function createSarifFormatter(options: SarifFormatOptions = {}): Formatter {
  return (report, context) =>
    `${jsonWithoutLogCommands(JSON.stringify(buildSarif(report, context, options), null, 2))}\n`;
}

/** The `sarif` format: a SARIF 2.1.0 log with one run. */
export const formatSarif: Formatter = createSarifFormatter();
