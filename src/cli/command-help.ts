/**
 * `ses-guard COMMAND --help`: one command's usage, description and options. Cut from the overview
 * in help.ts (its Usage, Commands and Options sections) by the option table of args.ts, so the
 * two never disagree and a new option documented there appears here by itself.
 */
import { allowed, type CommandName } from "./args.js";
import { helpText } from "./help.js";

/** The lines of one section of the overview (after its `Title:` line, up to the blank line). */
function section(title: string): string[] {
  const lines = helpText.split("\n");
  // A title may carry a note before its colon: "Account sources (check, ...; at most one):".
  const start = lines.findIndex((line) => line === `${title}:` || line.startsWith(`${title} (`));
  if (start === -1) return [];
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/**
 * Splits a section into entries: a line indented by two spaces starts one, a line indented by
 * more continues it.
 */
function entries(lines: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const line of lines) {
    if (/^ {2}\S/.test(line) || out.length === 0) out.push([line]);
    else out[out.length - 1]?.push(line);
  }
  return out;
}

/** The long option names an entry of the Options section documents (`--color, --no-color`). */
function optionNames(entry: readonly string[]): string[] {
  const head = (entry[0] ?? "").trim().split(/\s{2,}/)[0] ?? "";
  return [...head.matchAll(/--([a-z][a-z-]*)/g)].map((match) => match[1] as string);
}

/** The help text of one command. */
export function commandHelp(command: CommandName): string {
  const usage = entries(section("Usage")).find((entry) =>
    (entry[0] ?? "").startsWith(`  ses-guard ${command} `),
  );
  const description = entries(section("Commands"))
    .find((entry) => (entry[0] ?? "").trim().split(/\s+/)[0] === command)
    ?.map((line, index) => (index === 0 ? line.trim().slice(command.length) : line).trim());
  const options = [...entries(section("Options")), ...entries(section("Account sources"))].filter((entry) =>
    optionNames(entry).some((name) => allowed[command].includes(name)),
  );
  // The exit codes of `test` are an entry of their own, starting "test:"; the rest are check's.
  const exitCodes = entries(section("Exit codes"));
  const ownCodes =
    command === "test"
      ? exitCodes.filter((entry) => (entry[0] ?? "").startsWith("  test:"))
      : exitCodes.filter((entry) => !(entry[0] ?? "").startsWith("  test:"));
  const lines = ["Usage:", ...(usage ?? [`  ses-guard ${command}`]), ""];
  if (description) lines.push(...description.map((line) => `  ${line}`), "");
  lines.push("Options:", ...options.flat(), "  -h, --help             Show this help", "");
  lines.push("Exit codes:", ...ownCodes.flat(), "");
  return lines.join("\n");
}
