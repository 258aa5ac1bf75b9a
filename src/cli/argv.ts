/**
 * Splits a command line into option values and positionals, accepting exactly what Node's
 * `util.parseArgs` accepts in strict mode with positionals allowed (test/cli/argv.test.ts checks
 * the two against each other on generated command lines). It exists because the first call of
 * parseArgs loads and compiles Node's parser: about 1 ms, 4% of `node -e 0`, on every run of the
 * CLI (measured with `npm run bench`). Its errors name the problem for ses-guard's messages.
 */

/** One option: a string value or a flag; `multiple` keeps every value; `short` is a one-letter alias of a flag. */
export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
}

/**
 * The values of the options given, in the order they first appeared, and the positionals.
 * `repeated` names the single-valued string options given more than once (parseArgs keeps the
 * last value; the CLI refuses them instead, so no value is dropped without a word).
 */
export interface ParsedArgv {
  values: Record<string, string | boolean | string[] | boolean[]>;
  positionals: string[];
  repeated: string[];
}

/**
 * A command line the parser refuses; `option` is as the user wrote it (`--polcy`, `-x`), and
 * `following` the argument after an option that needs a value, when that argument looks like an
 * option itself.
 */
export class ArgvError extends Error {
  constructor(
    readonly kind: "unknown-option" | "missing-value" | "unexpected-value",
    readonly option: string,
    readonly following?: string,
  ) {
    super(`${kind}: ${option}`);
  }
}

/** Parses `argv` against `options`; throws ArgvError for anything parseArgs would refuse. */
export function parseArgv(
  argv: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
): ParsedArgv {
  const values: ParsedArgv["values"] = {};
  const positionals: string[] = [];
  const repeated: string[] = [];
  const shortNames = new Map<string, string>();
  for (const [name, spec] of Object.entries(options)) {
    if (!spec.short) continue;
    // parseArgs also lets a short option take a value (-fVALUE); no option here needs that.
    if (spec.type !== "boolean") throw new Error(`--${name}: short aliases are for flags only`);
    shortNames.set(spec.short, name);
  }

  const store = (name: string, value: string | boolean) => {
    const single = !options[name]?.multiple;
    if (single && typeof value === "string" && Object.hasOwn(values, name) && !repeated.includes(name))
      repeated.push(name);
    if (single) values[name] = value;
    else if (Array.isArray(values[name])) (values[name] as (string | boolean)[]).push(value);
    else values[name] = [value] as string[] | boolean[];
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = Object.hasOwn(options, name) ? options[name] : undefined;
      if (!spec) throw new ArgvError("unknown-option", eq === -1 ? arg : arg.slice(0, eq));
      if (spec.type === "boolean") {
        if (eq !== -1) throw new ArgvError("unexpected-value", `--${name}`);
        store(name, true);
        continue;
      }
      if (eq !== -1) {
        store(name, arg.slice(eq + 1));
        continue;
      }
      // As parseArgs: the value is the next argument, unless there is none or it looks like an
      // option (a dash and more); a value starting with a dash is written --name=-value.
      const next = argv[i + 1];
      if (next === undefined) throw new ArgvError("missing-value", arg);
      if (next.length > 1 && next.startsWith("-")) throw new ArgvError("missing-value", arg, next);
      store(name, next);
      i++;
      continue;
    }
    if (arg.length > 1 && arg.startsWith("-")) {
      // One short flag, or several written together (-hv).
      for (const letter of arg.slice(1)) {
        const name = shortNames.get(letter);
        if (!name) throw new ArgvError("unknown-option", `-${letter}`);
        store(name, true);
      }
      continue;
    }
    positionals.push(arg);
  }
  return { values, positionals, repeated };
}
