/**
 * Finds where JSON text first goes wrong. `JSON.parse` says "Unexpected token" without a position
 * for many mistakes (a misspelt `true`, a stray quote), so bad `--input` files are scanned again
 * with this small validator to name the line and column.
 */

class Stop {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** The offset of the first syntax error in `text`, or undefined when none is found. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const space = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r"))
      i++;
  };
  const take = (char: string) => {
    if (text[i] !== char) fail();
    i++;
  };
  const sticky = (pattern: RegExp) => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) fail();
    i = pattern.lastIndex;
  };
  const string = () => {
    take('"');
    for (;;) {
      const char = text[i];
      if (char === undefined || char < " ") fail();
      if (char === '"') {
        i++;
        return;
      }
      if (char !== "\\") {
        i++;
        continue;
      }
      i++;
      const escaped = text[i];
      if (escaped === "u") {
        i++;
        sticky(HEX4);
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
        i++;
      } else {
        fail();
      }
    }
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === "{") {
      i++;
      space();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        string();
        space();
        take(":");
        value();
        space();
        if (text[i] !== ",") {
          take("}");
          return;
        }
        i++;
      }
    }
    if (char === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] !== ",") {
          take("]");
          return;
        }
        i++;
      }
    }
    if (char === '"') {
      string();
      return;
    }
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) {
      sticky(NUMBER);
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (error) {
    // Anything else (nesting too deep for the stack) leaves the position unknown, not the run broken.
    return error instanceof Stop ? error.offset : undefined;
  }
}

/** Where a JSON syntax error is, as a line and column (nothing when no error is found). */
export function jsonErrorPosition(text: string): { line?: number; column?: number } {
  const at = jsonErrorOffset(text);
  if (at === undefined) return {};
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
