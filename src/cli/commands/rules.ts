import type { CommandIo } from "../../authoring/command-io.js";
import { formatRulesJson, formatRulesText, listRules } from "../../authoring/rules-listing.js";
import { ExitCode } from "../../errors.js";
import { assertDistinctOutputFiles, deliverFormatOutputs } from "../../io/format-outputs.js";
import { terminalSafe } from "../../report/terminal-text.js";
import { type FormatRequest, loadPolicies } from "../../run.js";

/**
 * `ses-guard rules [--policy ...]`: loads the policy as `check` would (same default) and prints the
 * rule set it resolves to, as a table or JSON.
 */
export async function runRulesCommand(
  policies: readonly string[],
  formats: readonly FormatRequest[],
  io: CommandIo,
): Promise<number> {
  assertDistinctOutputFiles(
    formats.map((f) => ({ name: `--format ${f.name}`, file: f.file })),
    io.cwd,
  );
  const policy = await loadPolicies(policies, io.cwd);
  const today = io.now().toISOString().slice(0, 10);
  const rules = listRules(policy, today);
  const outputs = formats.map((request) => ({
    format: request.name,
    ...(request.file ? { file: request.file } : {}),
    text:
      request.name === "json"
        ? formatRulesJson(rules, policy.files, today)
        : formatRulesText(rules, policy.files),
  }));
  let exitCode: number = ExitCode.ok;
  deliverFormatOutputs(outputs, io.cwd, {
    noun: "listing",
    print: (text) => io.stdout(text),
    failed: (message) => {
      exitCode = ExitCode.usage;
      io.stderr(`ses-guard: ${message}\n`);
    },
    showFile: terminalSafe,
  });
  return exitCode;
}
