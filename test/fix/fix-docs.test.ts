/**
 * docs/fixing.md and SECURITY.md stay in step with the code: they show the IAM policy applying
 * really needs, the plan output is what the CLI really prints, and no source file can call
 * PutAccountDetails.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderFixIamPolicy } from "../../src/fix/iam.js";
import { accountsDir, repoRoot, runCli } from "../helpers/cli.js";

const fixing = readFileSync(join(repoRoot, "docs", "fixing.md"), "utf8");
const security = readFileSync(join(repoRoot, "SECURITY.md"), "utf8");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the fix docs", () => {
  it("show the IAM policy for applying, in docs/fixing.md and SECURITY.md", () => {
    const block = `\`\`\`json\n${renderFixIamPolicy()}\n\`\`\``;
    expect(fixing).toContain(block);
    expect(security).toContain(block);
    expect(renderFixIamPolicy()).not.toContain("PutAccountDetails");
  });

  it("show the plan the CLI prints for the sample account", async () => {
    const args = ["fix", "--policy", "strict", "--region", "eu-west-1", "--account-id", "111122223333"];
    const result = await runCli([...args, "--input", join(accountsDir, "probation-bounce-only.json")]);
    const shown = /```text\n\$ ses-guard fix [^\n]*\n([\s\S]*?)\n```/.exec(fixing)?.[1];
    expect(`${shown}\n`).toBe(result.stdout);
    expect(result.code).toBe(1);
  });

  it("no source file can send PutAccountDetails", () => {
    for (const file of sourceFiles(join(repoRoot, "src"))) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(/PutAccountDetailsCommand/);
    }
  });
});
