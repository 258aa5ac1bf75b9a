/**
 * The published policy JSON Schema (what editors check against) agrees with the loader: every
 * policy in fixtures/schema/rejected is refused by both, each for the reason its `# expect:` line
 * names; the built-in packs, the starter policy and a policy using every construct are accepted by
 * both. fixtures/schema/loader-only lists what JSON Schema cannot express (the loader still refuses
 * it), so the limits are written down and checked rather than forgotten.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  exampleOverride,
  exampleRule,
  exampleWaiver,
  starterPolicy,
} from "../../src/authoring/init-templates.js";
import { SesGuardError } from "../../src/errors.js";
import { policySchemaText } from "../../src/generated/packs.js";
import { createPolicyHost } from "../../src/io/policy-host.js";
import { loadPolicy } from "../../src/policy/resolve.js";
import { repoRoot as repo } from "../helpers/cli.js";

const fixtures = join(import.meta.dirname, "fixtures", "schema");
const schemaText = readFileSync(join(repo, "policies", "policy.schema.json"), "utf8");
// The options scripts/generate.mjs compiles the loader's validator with.
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(JSON.parse(schemaText));

function fixtureFiles(kind: string): string[] {
  return readdirSync(join(fixtures, kind))
    .filter((name) => name.endsWith(".yaml"))
    .sort();
}

function expectedCode(kind: string, name: string): string {
  const code = /^# expect: (\S+)/.exec(readFileSync(join(fixtures, kind, name), "utf8"))?.[1];
  if (!code) throw new Error(`${kind}/${name} has no "# expect: <code>" line`);
  return code;
}

async function loaderCodes(dir: string, file: string): Promise<string[]> {
  try {
    await loadPolicy([file], createPolicyHost(dir));
    return [];
  } catch (error) {
    if (error instanceof SesGuardError) return error.diagnostics.map((d) => d.code);
    throw error;
  }
}

function schemaAccepts(text: string): boolean {
  return validate(parse(text)) === true;
}

describe("policies the schema and the loader both reject", () => {
  const files = fixtureFiles("rejected");

  it("covers what the loader rejects and JSON Schema can express", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "unknown-operator.yaml",
        "two-operators.yaml",
        "missing-operator.yaml",
        "bad-severity.yaml",
        "missing-check.yaml",
        "missing-version.yaml",
        "operator-beside-composition.yaml",
      ]),
    );
  });

  it.each(files)("%s", async (name) => {
    const text = readFileSync(join(fixtures, "rejected", name), "utf8");
    expect(schemaAccepts(text), "the schema accepted it").toBe(false);
    expect(await loaderCodes(join(fixtures, "rejected"), name)).toContain(expectedCode("rejected", name));
  });
});

describe("policies only the loader can reject", () => {
  it.each(fixtureFiles("loader-only"))("%s", async (name) => {
    const text = readFileSync(join(fixtures, "loader-only", name), "utf8");
    expect(schemaAccepts(text), "JSON Schema now rejects it: move it to rejected/").toBe(true);
    expect(await loaderCodes(join(fixtures, "loader-only"), name)).toContain(
      expectedCode("loader-only", name),
    );
  });
});

describe("policies both accept", () => {
  const starterOptions = { today: "2026-05-01", version: "0.1.0" };
  const good: Array<[string, string, string]> = [
    ...readdirSync(join(repo, "policies"))
      .filter((name) => name.endsWith(".yaml") && !name.endsWith(".test.yaml"))
      .map((name): [string, string, string] => [`pack ${name}`, join(repo, "policies"), name]),
    ["every construct", join(fixtures, "accepted"), "every-construct.yaml"],
  ];

  it.each(good)("%s", async (_title, dir, name) => {
    expect(schemaAccepts(readFileSync(join(dir, name), "utf8"))).toBe(true);
    expect(await loaderCodes(dir, name)).toEqual([]);
  });

  it.each([
    ["the starter policy", starterPolicy(starterOptions)],
    [
      "the starter policy with its examples in use",
      `version: 1\nextends: [recommended]\n${exampleRule()}\n${exampleOverride()}\n${exampleWaiver(starterOptions)}\n`,
    ],
  ])("%s", (_title, text) => {
    // The loader side of the starter is tested with the starter's own tests (init-templates.test.ts).
    expect(schemaAccepts(text)).toBe(true);
  });
});

describe("the schema ses-guard prints", () => {
  it("is the published file, byte for byte", () => {
    expect(policySchemaText).toBe(schemaText);
  });

  it("is a valid draft-07 schema that Ajv compiles in strict mode", () => {
    expect(() =>
      new Ajv({ strict: true, allowUnionTypes: true, strictRequired: false }).compile(JSON.parse(schemaText)),
    ).not.toThrow();
  });
});
