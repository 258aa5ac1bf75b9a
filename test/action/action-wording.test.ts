import { describe, expect, it } from "vitest";
import { inActionWords } from "../../src/action/action-wording.js";
import { SesGuardError, usageError } from "../../src/errors.js";

describe("inActionWords", () => {
  it("rewords an error that names CLI flags, keeping its code and exit code", () => {
    const error = inActionWords(
      usageError("aws/no-region", "No AWS Region given. Name one with --region ..."),
    );
    expect(error.code).toBe("aws/no-region");
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^No AWS Region given\. Set the regions input of the ses-guard step/);
    expect(error.message).not.toContain("--region");
  });

  it("leaves every other diagnostic, and its place, as it was", () => {
    const original = new SesGuardError(
      [
        { code: "policy/unknown-path", message: "unknown path", file: "p.yaml", line: 3, column: 5 },
        { code: "cli/input-with-all-regions", message: "--all-regions reads the live account" },
      ],
      2,
    );
    const reworded = inActionWords(original);
    expect(reworded.diagnostics[0]).toEqual(original.diagnostics[0]);
    expect(reworded.diagnostics[1]?.message).toBe(
      'regions "all" reads the live account; it cannot be used with the input input (saved data)',
    );
    const untouched = usageError("policy/unknown-rule", "no such rule");
    expect(inActionWords(untouched)).toBe(untouched);
  });
});
