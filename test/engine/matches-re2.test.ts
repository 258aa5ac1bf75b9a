/** `matches` runs on RE2 semantics: linear time, so no policy regex can hang the gate. */
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateCheck } from "../../src/engine/evaluate-check.js";
import { matchesOperator, regexProblem } from "../../src/engine/operators/matches.js";
import { loadRegexEngine } from "../../src/engine/regex.js";
import { evaluationTarget, leaf } from "./fixtures.js";

beforeAll(loadRegexEngine);

describe("matches", () => {
  it("a catastrophic-backtracking pattern on a long string finishes fast", () => {
    // A backtracking engine takes about 2^n steps for (a+)+$ on "aaa…a!"; RE2 takes n.
    const hostile = `${"a".repeat(50_000)}!`;
    const target = evaluationTarget({ Details: { UseCaseDescription: hostile } });
    const started = performance.now();
    const outcome = evaluateCheck(leaf("Details.UseCaseDescription", "matches", "(a+)+$"), target);
    const elapsed = performance.now() - started;
    expect(outcome.truth).toBe("false");
    expect(elapsed).toBeLessThan(2000);
    expect(matchesOperator.test(`${"a".repeat(50_000)}`, "^(a|aa)+$")).toBe(true);
  });

  it("matches anywhere unless anchored", () => {
    expect(matchesOperator.test("https://shop.example.com", "example")).toBe(true);
    expect(matchesOperator.test("https://shop.example.com", "^example")).toBe(false);
    expect(matchesOperator.test("https://shop.example.com", "(?i)^HTTPS://")).toBe(true);
  });

  it("rejects what RE2 cannot run in linear time, with the reason", () => {
    expect(regexProblem("^(?=https)")).toBe(
      'invalid regular expression "^(?=https)": error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    );
    expect(regexProblem("(a)\\1")).toMatch(/^invalid regular expression "\(a\)\\\\1": /);
    expect(regexProblem("[a-")).toMatch(/^invalid regular expression "\[a-": error parsing regexp: /);
    expect(regexProblem("^[a-z]+$")).toBeUndefined();
  });
});
