/** The plan's text and markdown renderings escape what comes from AWS and policies. */
import { describe, expect, it } from "vitest";
import { fixDocument } from "../../src/fix/fix-document.js";
import type { FixPlan } from "../../src/fix/plan-types.js";
import { renderFixMarkdown } from "../../src/fix/render-markdown.js";
import { renderFixText } from "../../src/fix/render-text.js";

const hostile = "evil\u001b[31m\n::error::x <script>|`";

const plan: FixPlan = {
  targets: [
    {
      region: "us-east-1",
      accountId: "123456789012",
      status: "planned",
      calls: [
        {
          operation: "PutAccountVdmAttributes",
          input: { VdmAttributes: { VdmEnabled: "ENABLED", Extra: hostile } },
          command: `aws sesv2 put-account-vdm-attributes --cli-input-json '${hostile}\n\`\`\`\n<img src=x>'`,
          iamAction: "ses:PutAccountVdmAttributes",
          changes: [{ path: "VdmAttributes.VdmEnabled", from: "DISABLED", to: "ENABLED" }],
          fixes: [hostile],
        },
      ],
      manual: [{ ruleId: hostile, reason: hostile }],
      conflicts: [],
      waived: [],
    },
    {
      region: "eu-west-1",
      accountId: null,
      status: "not-read",
      error: { code: "x", message: hostile },
      calls: [],
      manual: [],
      conflicts: [],
      waived: [],
    },
  ],
};

const document = fixDocument(plan, { toolVersion: "0.1.0", mode: "plan", exitCode: 1 });

describe("fix renderings", () => {
  it("text: no control character or line break from the data reaches the terminal", () => {
    const text = renderFixText(document);
    expect(text).not.toContain("\u001b");
    expect(text).not.toMatch(/^::error::/m);
    expect(text).toContain("1. PutAccountVdmAttributes: fixes");
    expect(text).toContain("eu-west-1 account unknown\n  not read (");
  });

  it("markdown: data cannot open HTML, break a table cell or leave its code block", () => {
    const markdown = renderFixMarkdown(document);
    // Inside a fenced code block GitHub shows HTML as text; everywhere else it must be escaped.
    const outsideCode = markdown.replace(/(`{3,})sh\n[\s\S]*?\n\1\n/g, "");
    expect(outsideCode).not.toContain("<script>");
    expect(outsideCode).not.toContain("<img");
    expect(markdown).not.toContain("\u001b");
    const row = markdown.split("\n").find((line) => line.startsWith("| PutAccountVdmAttributes"));
    expect(row?.split(" | ")).toHaveLength(3);
    // The fence is longer than any run of backticks in the commands, so nothing can close it early.
    expect(outsideCode).not.toContain("put-account-vdm-attributes");
  });
});
