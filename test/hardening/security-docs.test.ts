/**
 * The promises in writing stay in step with the code: every row of the README's reliability table
 * names test files that exist, and SECURITY.md shows the IAM policy ses-guard actually asks for.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderIamPolicy } from "../../src/aws/iam-policy.js";
import { repoRoot } from "../helpers/cli.js";

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = markdown.indexOf("\n## ", start + heading.length + 2);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe("the README's reliability table", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const rows = section(readme, "## Reliability")
    .split("\n")
    .filter(
      (line) => line.startsWith("| ") && !line.startsWith("| Fault or input") && !line.startsWith("|---"),
    );

  it("has a row per fault, each with a behaviour, an exit code and tests", () => {
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) {
      const cells = row.split(" | ");
      expect(cells, row).toHaveLength(4);
      expect(cells[2], row).toMatch(/^(—|\d+( \/ \d+)*|0–3)$/);
    }
  });

  it("names only test files that exist", () => {
    for (const row of rows) {
      const tests = [...(row.split(" | ")[3] ?? "").matchAll(/`([^`]+\.test\.ts)`/g)].map((m) => m[1] ?? "");
      expect(tests.length, row).toBeGreaterThan(0);
      for (const file of tests) expect(existsSync(join(repoRoot, "test", file)), file).toBe(true);
    }
  });
});

describe("SECURITY.md", () => {
  const security = readFileSync(join(repoRoot, "SECURITY.md"), "utf8");

  it("shows the minimal IAM policy ses-guard prints with access-denied errors", () => {
    expect(section(security, "## Least privilege")).toContain(
      `\`\`\`json\n${renderIamPolicy("pretty")}\n\`\`\``,
    );
  });

  it("says how to report a vulnerability privately", () => {
    expect(section(security, "## Reporting a vulnerability")).toContain("private security advisory");
  });
});
