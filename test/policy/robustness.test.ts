/**
 * Whatever a policy file holds, loading it ends in a policy or in SesGuardError diagnostics that
 * each name the file and a line and column: never in another exception (which the CLI would print
 * as an internal error with a stack trace).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { SesGuardError } from "../../src/errors.js";
import { runs } from "../helpers/arbitraries.js";
import { load } from "./memory-host.js";

const keys = [
  "version",
  "extends",
  "rules",
  "overrides",
  "waivers",
  "id",
  "title",
  "severity",
  "regions",
  "check",
  "message",
  "path",
  "equals",
  "in",
  "containsAll",
  "exists",
  "matches",
  "lessThan",
  "all",
  "any",
  "not",
  "rule",
  "reason",
  "expires",
  "accounts",
  "enabled",
];
const scalars = fc.oneof(
  fc.constantFrom(
    1,
    2,
    0,
    -1,
    true,
    false,
    null,
    "recommended",
    "strict",
    "SendingEnabled",
    "SendQuota.Max24HourSend",
    "SuppressionAttributes.SuppressedReasons",
    "$quotaUsedPercent",
    "ENABLED",
    "BOUNCE",
    "error",
    "warning",
    "vdm-enabled",
    "2030-01-01",
    "2027-02-30",
    "123456789012",
    "eu-*",
    "(a+)+$",
    "(?=x)",
    "{path} {nope}",
    "./other.yaml",
    "",
  ),
  fc.string({ maxLength: 8 }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalars,
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...keys), tie("node"), { maxKeys: 5 }),
  ),
})).node;
const policyLike = fc.record(
  {
    version: fc.oneof(fc.constant(1), scalars),
    extends: fc.oneof(fc.constant(["recommended"]), value),
    rules: fc.oneof(
      fc.array(
        fc.record(
          {
            id: fc.oneof(fc.constantFrom("a", "b", "vdm-enabled"), scalars),
            check: value,
            severity: scalars,
          },
          { requiredKeys: ["id"] },
        ),
        { maxLength: 3 },
      ),
      value,
    ),
    overrides: value,
    waivers: value,
  },
  { requiredKeys: [] },
);

describe("policy loading never throws anything but diagnostics", () => {
  it("on generated policy-like documents", async () => {
    await fc.assert(
      fc.asyncProperty(policyLike, async (doc) => {
        const text = stringify(doc);
        try {
          await load(["p.yaml"], { "p.yaml": text, "other.yaml": "version: 1\n" });
        } catch (error) {
          if (!(error instanceof SesGuardError)) throw error;
          for (const d of error.diagnostics) {
            expect(d.file, d.message).toMatch(/\.yaml$/);
            expect(d.line, d.message).toBeGreaterThanOrEqual(1);
            expect(d.column, d.message).toBeGreaterThanOrEqual(1);
            expect(d.message.length).toBeGreaterThan(10);
          }
        }
      }),
      runs(400),
    );
  });

  it("on arbitrary text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        try {
          await load(["p.yaml"], { "p.yaml": text });
        } catch (error) {
          if (!(error instanceof SesGuardError)) throw error;
        }
      }),
      runs(300),
    );
  });
});
