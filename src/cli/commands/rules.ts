import type { CommandIo } from "../../authoring/command-io.js";
import { formatRulesJson, formatRulesText, listRules } from "../../authoring/rules-listing.js";
import { ExitCode } from "../../errors.js";
import { assertDistinctFormatFiles } from "../../io/format-outputs.js";
import { type FormatRequest, loadPolicies } from "../../run.js";
import { deliverFormats } from "./deliver-formats.js";

/**
 * `ses-guard rules [--policy ...]`: loads the policy as `check` would (same default) and prints the
 * rule set it resolves to, as a table or JSON.
 */
export async function runRulesCommand(
  policies: readonly string[],
  formats: readonly FormatRequest[],
  io: CommandIo,
): Promise<number> {
  assertDistinctFormatFiles(formats, io.cwd);
  const policy = await loadPolicies(policies, io.cwd);
  const today = io.now().toISOString().slice(0, 10);
  const rules = listRules(policy, today);
  const delivered = deliverFormats(
    formats,
    (request) =>
      request.name === "json"
        ? formatRulesJson(rules, policy.files, today)
        : formatRulesText(rules, policy.files),
    "listing",
    io,
  );
  return delivered ? ExitCode.ok : ExitCode.usage;
}
