import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { ANNOTATIONS_EU_WEST_1, FAILING_TAIL } from "./expected.js";
import { actionYaml } from "./run-action.js";

// The Action's section of the README, up to the next top-level heading.
const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const sectionStart = readme.indexOf("\n## The GitHub Action\n");
const doc = readme.slice(sectionStart, readme.indexOf("\n## ", sectionStart + 1));

/** The rows of the Markdown table that follows `heading`, as cells. */
function tableAfter(heading: string): string[][] {
  const start = doc.indexOf(`\n${heading}\n`);
  expect(sectionStart, "the README has a section on the Action").toBeGreaterThan(-1);
  expect(start, `${heading} is in the README's Action section`).toBeGreaterThan(-1);
  const lines = doc.slice(start).split("\n").slice(2);
  const rows: string[][] = [];
  for (const line of lines.slice(lines.findIndex((l) => l.startsWith("|")))) {
    if (!line.startsWith("|")) break;
    rows.push(line.split(" | ").map((cell) => cell.replace(/^\| |\s*\|$/g, "").trim()));
  }
  return rows.slice(2);
}

describe("the README's section on the Action", () => {
  it("lists every input of action.yml with its default, in order", () => {
    const inputs = actionYaml().inputs;
    const rows = tableAfter("### Inputs").map(([name, fallback]) => [name, fallback]);
    expect(rows).toEqual(
      Object.entries(inputs).map(([name, spec]) => [
        `\`${name}\``,
        spec.default ? `\`${spec.default}\`` : "(empty)",
      ]),
    );
  });

  it("lists every output of action.yml, in order", () => {
    expect(tableAfter("### Outputs").map(([name]) => name)).toEqual(
      Object.keys(actionYaml().outputs).map((name) => `\`${name}\``),
    );
  });

  it("shows the lines a failing run really prints, and the summary it really writes", () => {
    const block = /```text\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block?.split("\n")).toEqual([...ANNOTATIONS_EU_WEST_1, ...FAILING_TAIL]);
    const golden = readFileSync(join(repoRoot, "test", "golden", "action", "failing-summary.md"), "utf8");
    expect(
      golden.startsWith(
        "## ❌ ses-guard failed\n\n**2 failed rules at or above error.** 4 failed · 0 errors",
      ),
    ).toBe(true);
  });
});
