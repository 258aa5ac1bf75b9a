/**
 * A gate never passes on nothing: through the CLI, a snapshot in which every target was skipped
 * exits 3 and says nothing was checked, whatever --fail-on says, and a policy whose every rule
 * is turned off is refused before anything is read.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli, tempDir } from "../helpers/cli.js";
import { snapshotJson } from "../helpers/snapshot.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const skippedOnly = snapshotJson([
  { region: "af-south-1", accountId: "123456789012", status: "skipped", notice: "opt-in Region not enabled" },
  { region: "me-south-1", accountId: "123456789012", status: "skipped", notice: "opt-in Region not enabled" },
]);

describe("a run that evaluated no rule", () => {
  it.concurrent.each(["error", "none"])("every target skipped: exit 3 with --fail-on %s", async (failOn) => {
    writeFileSync(join(dir, `skipped-${failOn}.json`), skippedOnly);
    const run = await runCli(["check", "--input", `skipped-${failOn}.json`, "--fail-on", failOn], {
      cwd: dir,
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe("ses-guard: nothing was checked: all 2 targets were skipped\n");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(
      "6 rules on 2 targets: 0 passed, 0 failed, 0 errors, 0 waived, 12 skipped. ERROR (exit 3: nothing was checked: all 2 targets were skipped)",
    );
  });

  it.concurrent("every rule disabled by overrides: check refuses the policy with exit 2", async () => {
    const policy = join(dir, "off.yaml");
    writeFileSync(
      policy,
      "version: 1\nrules:\n  - id: sending\n    check: { path: SendingEnabled, equals: true }\noverrides:\n  sending: { enabled: false }\n",
    );
    writeFileSync(join(dir, "account.json"), JSON.stringify({ SendingEnabled: true }));
    const run = await runCli(["check", "--policy", "off.yaml", "--input", "account.json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "ses-guard: off.yaml:6:3: every rule is disabled by overrides (1 in all), so the policy would pass without checking anything; enable at least one rule\n",
    );
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
