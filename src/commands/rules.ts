import { resolve } from "node:path";
import type { CommandIo } from "../authoring/command-io.js";
import { formatRulesJson, formatRulesText, listRules } from "../authoring/rules-listing.js";
import { ExitCode } from "../errors.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { describeFsError } from "../io/fs-errors.js";
import { terminalSafe } from "../report/terminal-text.js";
import { type FormatRequest, loadPolicies } from "../run.js";

/**
 * `ses-guard rules [--policy ...]`: loads the policy as `check` would (same default) and prints the
 * rule set it resolves to, as a table or JSON.
 */
export async function runRulesCommand(
  policies: readonly string[],
  formats: readonly FormatRequest[],
  io: CommandIo,
): Promise<number> {
  const policy = await loadPolicies(policies, io.cwd);
  const today = io.now().toISOString().slice(0, 10);
  const rules = listRules(policy, today);
  let exitCode: number = ExitCode.ok;
  for (const request of formats) {
    const text =
      request.name === "json"
        ? formatRulesJson(rules, policy.files, today)
        : formatRulesText(rules, policy.files);
    if (!request.file) {
      io.stdout(text);
      continue;
    }
    try {
      writeFileAtomic(resolve(io.cwd, request.file), text);
    } catch (error) {
      exitCode = ExitCode.usage;
      io.stderr(
        `ses-guard: cannot write ${request.name} listing to ${terminalSafe(request.file)}: ${describeFsError(error)}\n`,
      );
    }
  }
  return exitCode;
}
