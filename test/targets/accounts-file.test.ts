/** The accounts file: YAML or JSON, validated with every problem at its line and column. */
import { describe, expect, it } from "vitest";
import { parseAccountsFile } from "../../src/targets/accounts-file.js";
import { formatAccountsJson, listAccounts } from "../../src/targets/accounts-listing.js";

describe("parseAccountsFile", () => {
  it("reads the documented YAML form", () => {
    const text = `accounts:
  - id: "111111111111"
    name: mail-prod
    role: arn:aws:iam::111111111111:role/ses-audit
    externalId: abc
    regions: [us-east-1, eu-west-1]
    tags: { env: prod, team: growth }
  - id: "022222222222"
`;
    expect(parseAccountsFile("accounts.yaml", text)).toEqual({
      ok: true,
      accounts: [
        {
          id: "111111111111",
          name: "mail-prod",
          role: "arn:aws:iam::111111111111:role/ses-audit",
          externalId: "abc",
          regions: ["us-east-1", "eu-west-1"],
          tags: { env: "prod", team: "growth" },
        },
        { id: "022222222222" },
      ],
    });
  });

  it("reads what `ses-guard accounts --format json` writes", () => {
    const json = formatAccountsJson(
      listAccounts([
        {
          id: "111111111111",
          name: "a",
          state: "ACTIVE",
          roleArn: "arn:aws:iam::111111111111:role/r",
          tags: { env: "prod" },
        },
        { id: "222222222222", state: "SUSPENDED", skipReason: "suspended" },
      ]),
    );
    const parsed = parseAccountsFile("accounts.json", json);
    expect(parsed).toEqual({
      ok: true,
      accounts: [
        {
          id: "111111111111",
          name: "a",
          state: "ACTIVE",
          role: "arn:aws:iam::111111111111:role/r",
          tags: { env: "prod" },
        },
        { id: "222222222222", state: "SUSPENDED" },
      ],
    });
  });

  it.each([
    ["accounts:\n  - id: 111111111111\n", 2, 9, "accounts/invalid-account-id", "12-digit string in quotes"],
    ['accounts:\n  - id: "1234"\n', 2, 9, "accounts/invalid-account-id", "12 digits"],
    ['accounts:\n  - id: "111111111111"\n    rol: x\n', 3, 5, "accounts/unknown-key", 'unknown key "rol"'],
    ["accounts:\n  - name: x\n", 2, 5, "accounts/missing-key", 'missing required key "id"'],
    [
      'accounts:\n  - id: "111111111111"\n    regions: [US-EAST-1]\n',
      3,
      15,
      "accounts/invalid-region",
      "not a Region code",
    ],
    [
      'accounts:\n  - id: "111111111111"\n    tags: { env: 1 }\n',
      3,
      18,
      "accounts/wrong-type",
      "must be string",
    ],
    [
      'accounts:\n  - id: "111111111111"\n  - id: "111111111111"\n',
      3,
      9,
      "accounts/duplicate-account",
      "listed twice",
    ],
    ["", 1, 1, "yaml/empty", "starts with `accounts:`"],
  ])("refuses %j at %i:%i", (text, line, column, code, message) => {
    const parsed = parseAccountsFile("a.yaml", text);
    expect(parsed.ok).toBe(false);
    const [first] = parsed.ok ? [] : parsed.diagnostics;
    expect(first).toMatchObject({ code, file: "a.yaml", line, column });
    expect(first?.message).toContain(message);
  });
});
