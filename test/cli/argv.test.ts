/**
 * src/cli/argv.ts against Node's util.parseArgs (strict, positionals allowed) as the oracle, on the
 * CLI's own option table: for every generated command line both accept it with the same result,
 * or both refuse it for the same reason.
 */
import { parseArgs } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { optionSpec } from "../../src/cli/args.js";
import { ArgvError, parseArgv } from "../../src/cli/argv.js";
import { runs } from "../helpers/arbitraries.js";

const longNames = Object.keys(optionSpec);

/** Arguments a user might type: options with and without values, typos, dashes, plain words. */
const argument = fc.oneof(
  fc.constantFrom(...longNames.map((name) => `--${name}`)),
  fc
    .tuple(fc.constantFrom(...longNames), fc.constantFrom("", "x", "-", "-x", "=", "a=b"))
    .map(([n, v]) => `--${n}=${v}`),
  fc.constantFrom(
    "-h",
    "-v",
    "-hv",
    "-vh",
    "-x",
    "-hx",
    "-",
    "--",
    "---",
    "--=x",
    "-=",
    "--polcy",
    "--no-colour",
    "-5",
  ),
  fc.constantFrom("check", "test", "a.json", "us-east-1", "json=out.json", ""),
  fc.string({ maxLength: 6 }),
);

/** What parseArgs makes of argv: its values and positionals, or the kind of its error. */
function oracle(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: optionSpec,
      allowPositionals: true,
      strict: true,
    });
    return { values: { ...values }, positionals };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? "unknown-option" : "bad-value" };
  }
}

function ours(argv: string[]) {
  try {
    const { values, positionals } = parseArgv(argv, optionSpec);
    return { values, positionals };
  } catch (error) {
    expect(error).toBeInstanceOf(ArgvError);
    return { error: (error as ArgvError).kind === "unknown-option" ? "unknown-option" : "bad-value" };
  }
}

describe("parseArgv", () => {
  it("agrees with util.parseArgs on generated command lines", () => {
    fc.assert(
      fc.property(fc.array(argument, { maxLength: 8 }), (argv) => {
        const expected = oracle(argv);
        const actual = ours(argv);
        expect(actual).toEqual(expected);
        // Same order of first appearance: the first option that does not fit a command is the one named.
        if ("values" in expected && "values" in actual) {
          expect(Object.keys(actual.values ?? {})).toEqual(Object.keys(expected.values ?? {}));
        }
      }),
      runs(3000),
    );
  });

  it("names the option and what is wrong with it", () => {
    const failure = (argv: string[]) => {
      try {
        parseArgv(argv, optionSpec);
      } catch (error) {
        const e = error as ArgvError;
        return [e.kind, e.option, e.following];
      }
      return undefined;
    };
    expect(failure(["--polcy", "x"])).toEqual(["unknown-option", "--polcy", undefined]);
    expect(failure(["--polcy=x"])).toEqual(["unknown-option", "--polcy", undefined]);
    expect(failure(["-hx"])).toEqual(["unknown-option", "-x", undefined]);
    expect(failure(["--input"])).toEqual(["missing-value", "--input", undefined]);
    expect(failure(["--input", "--format", "json"])).toEqual(["missing-value", "--input", "--format"]);
    expect(failure(["--color=yes"])).toEqual(["unexpected-value", "--color", undefined]);
    // A lone dash is a value (standard input), and -- ends the options.
    expect(parseArgv(["--input", "-", "--", "--policy"], optionSpec)).toEqual({
      values: { input: ["-"] },
      positionals: ["--policy"],
      repeated: [],
    });
  });

  it("keeps the last value of an option given twice, as parseArgs does, and names it in repeated", () => {
    const parsed = parseArgv(
      ["--out", "a", "--out=b", "--region", "x", "--region", "y", "--out", "c", "--color", "--color"],
      optionSpec,
    );
    expect(parsed.values).toEqual({ out: "c", region: ["x", "y"], color: true });
    // Once each, and never a repeatable option or a flag (a second --color changes nothing).
    expect(parsed.repeated).toEqual(["out"]);
  });
});
