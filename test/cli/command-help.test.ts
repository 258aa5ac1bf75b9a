/** `ses-guard COMMAND --help`: each command's own usage, description and options. */
import { describe, expect, it } from "vitest";
import { allowed, commands, optionSpec } from "../../src/cli/args.js";
import { commandHelp } from "../../src/cli/command-help.js";
import { helpText } from "../../src/cli/help.js";
import { runCli } from "../helpers/cli.js";

/** The `--name` options an options list documents (its entries start with two spaces and --). */
function documentedOptions(text: string): string[] {
  const options = text.slice(text.indexOf("\nOptions:\n"), text.indexOf("\nExit codes:\n"));
  return [...options.matchAll(/^ {2}(-h, )?--([a-z-]+)(?:, --([a-z-]+))?/gm)]
    .flatMap((match) => [match[2], match[3]])
    .filter((name): name is string => name !== undefined);
}

describe("command help", () => {
  it.each(commands)("%s --help documents exactly the options it takes", (command) => {
    const text = commandHelp(command);
    expect(text).toMatch(new RegExp(`^Usage:\n {2}ses-guard ${command}[ \n]`));
    const expected = [...allowed[command], "help"].sort();
    expect(documentedOptions(text).sort()).toEqual(expected);
    // Nothing another command takes leaks in.
    for (const name of Object.keys(optionSpec)) {
      if (!expected.includes(name)) expect(text).not.toMatch(new RegExp(`^ {2}--${name}\\b`, "m"));
    }
  });

  it("the exit codes are the command's own", () => {
    expect(commandHelp("check")).toContain("1  failing rules");
    expect(commandHelp("check")).not.toContain("test: 0 every expectation holds");
    expect(commandHelp("test")).toContain("test: 0 every expectation holds");
    expect(commandHelp("test")).not.toContain("1  failing rules");
  });

  it.concurrent("check --help prints check's usage and options, not the overview", async () => {
    const run = await runCli(["check", "--help"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(commandHelp("check"));
    expect(run.stdout).not.toBe(helpText);
    expect(run.stdout).toContain("  --fail-on LEVEL ");
    expect(run.stdout).toContain("Evaluate the policy on the live account");
    expect(run.stdout).not.toContain("  --out FILE");
  });

  it.concurrent("every command answers -h with its own help; --help alone is the overview", async () => {
    const snapshot = await runCli(["snapshot", "-h"]);
    expect(snapshot).toMatchObject({ code: 0, stdout: commandHelp("snapshot") });
    expect(snapshot.stdout).toContain("  --out FILE|-");
    const overview = await runCli(["--help"]);
    expect(overview).toMatchObject({ code: 0, stdout: helpText });
  });
});
