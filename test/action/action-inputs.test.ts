import { describe, expect, it } from "vitest";
import { listInput, parseActionInputs, workflowFile } from "../../src/action/inputs.js";
import { SesGuardError } from "../../src/errors.js";

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? "";

describe("parseActionInputs", () => {
  it("applies the defaults of action.yml when inputs are empty", () => {
    expect(parseActionInputs(reader({}))).toEqual({
      policies: [],
      inputs: [],
      regions: [],
      failOn: "error",
      annotations: true,
      summary: true,
    });
  });

  it("reads lists one per line or comma-separated, and every other input", () => {
    expect(
      parseActionInputs(
        reader({
          policy: "ci/ses.yaml\nstrict",
          input: "saved/a.json, saved/b.json",
          regions: "us-east-1, eu-west-1\n ap-south-1",
          "fail-on": "warning",
          "sarif-file": "out/ses.sarif",
          "report-file": "out/ses.json",
          annotations: "False",
          summary: "TRUE",
        }),
      ),
    ).toEqual({
      policies: ["ci/ses.yaml", "strict"],
      inputs: ["saved/a.json", "saved/b.json"],
      regions: ["us-east-1", "eu-west-1", "ap-south-1"],
      failOn: "warning",
      sarifFile: "out/ses.sarif",
      reportFile: "out/ses.json",
      annotations: false,
      summary: true,
    });
    expect(parseActionInputs(reader({ regions: "ALL" })).regions).toBe("all");
  });

  it("reads each Region once, as the CLI does", () => {
    expect(parseActionInputs(reader({ regions: "us-east-1,eu-west-1\nus-east-1" })).regions).toEqual([
      "us-east-1",
      "eu-west-1",
    ]);
  });

  it.each([
    [{ "fail-on": "critical" }, 'input fail-on must be one of error, warning, notice, none, not "critical"'],
    [{ annotations: "yes" }, 'input annotations must be true or false, not "yes"'],
    [{ summary: "1" }, 'input summary must be true or false, not "1"'],
    [{ regions: "all, us-east-1" }, 'input regions is either "all" or a list of regions, not both'],
    [
      { regions: "us-east-1\nEU-WEST-1" },
      'input regions must list AWS region names (e.g. us-east-1, eu-west-2) or "all", not "EU-WEST-1" (did you mean "eu-west-1"?)',
    ],
    [
      { regions: "eu-west" },
      'input regions must list AWS region names (e.g. us-east-1, eu-west-2) or "all", not "eu-west" (did you mean "eu-west-1"?)',
    ],
    [
      { regions: "mars" },
      'input regions must list AWS region names (e.g. us-east-1, eu-west-2) or "all", not "mars"',
    ],
    [
      { "sarif-file": "out.json", "report-file": "out.json" },
      "inputs sarif-file and report-file name the same file",
    ],
  ])("rejects %j as a usage error naming the input", (values, message) => {
    let caught: unknown;
    try {
      parseActionInputs(reader(values));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SesGuardError);
    expect((caught as SesGuardError).message).toBe(message);
    expect((caught as SesGuardError).exitCode).toBe(2);
  });
});

describe("listInput", () => {
  it("drops blanks and trims", () => {
    expect(listInput(" a ,\n\n b,, c \n")).toEqual(["a", "b", "c"]);
    expect(listInput("")).toEqual([]);
  });
});

describe("workflowFile", () => {
  it.each([
    [
      {
        GITHUB_WORKFLOW_REF: "acme/app/.github/workflows/deploy.yml@refs/heads/main",
        GITHUB_REPOSITORY: "acme/app",
      },
      ".github/workflows/deploy.yml",
    ],
    [
      { GITHUB_WORKFLOW_REF: "acme/app/.github/workflows/ci.yaml@refs/pull/7/merge" },
      ".github/workflows/ci.yaml",
    ],
    [
      {
        GITHUB_WORKFLOW_REF: "acme/app/.github/workflows/a@b.yml@refs/tags/v1",
        GITHUB_REPOSITORY: "acme/app",
      },
      ".github/workflows/a@b.yml",
    ],
    [{}, undefined],
  ])("%j → %s", (env, expected) => {
    expect(workflowFile(env)).toBe(expected);
  });
});
