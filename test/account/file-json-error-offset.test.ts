/** The JSON error locator behind `--input` messages: the offset of the first mistake, or none. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../src/account/json-error-offset.js";
import { runs } from "../helpers/arbitraries.js";

describe("jsonErrorOffset", () => {
  it.each([
    ['{"SendingEnabled": tru}', 19],
    ['{"a":1}}', 7],
    ['{"a" 1}', 5],
    ["{'a':1}", 1],
    ['{"a":[1,2}', 9],
    ['{"a":1,}', 7],
    ['{"a":01}', 6],
    ['{"a":"x\ny"}', 7],
    ['{"a":"\\q"}', 7],
    ['{"a":"\\u12G4"}', 8],
    ['{\n  "SendQuota": {\n', 19],
    ["", 0],
    ["   ", 3],
    ["\uFEFF{}", 0],
  ])("%j fails at %d", (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it("finds nothing wrong in valid JSON, whatever its shape", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorOffset(text)).toBeUndefined();
      }),
      runs(300),
    );
  });

  it("finds a place for every text JSON.parse rejects", () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom("}", "]", ",", ":", '"', "x", "\\", " 1"),
        (json, at, junk) => {
          const position = at % (json.length + 1);
          const text = json.slice(0, position) + junk + json.slice(position);
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          const offset = jsonErrorOffset(text);
          if (valid) expect(offset).toBeUndefined();
          else expect(offset).toBeTypeOf("number");
        },
      ),
      runs(500),
    );
  });

  it("gives up quietly on nesting too deep to scan", () => {
    expect(jsonErrorOffset(`${"[".repeat(200_000)}x`)).toBeUndefined();
  });
});
