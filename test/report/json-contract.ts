/** The JSON report contract (README.md, "The JSON report"), as a JSON Schema for tests. */

/** That contract as a JSON Schema: every key the contract shows, with its type. */
export const jsonReportContract = {
  type: "object",
  required: ["version", "tool", "summary", "targets", "results"],
  properties: {
    version: { const: 1 },
    tool: {
      type: "object",
      required: ["name", "version"],
      properties: {
        name: { const: "ses-guard" },
        version: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+" },
      },
    },
    summary: {
      type: "object",
      required: ["pass", "fail", "error", "waived", "skipped", "exitCode"],
      additionalProperties: false,
      properties: {
        pass: { type: "integer", minimum: 0 },
        fail: { type: "integer", minimum: 0 },
        error: { type: "integer", minimum: 0 },
        waived: { type: "integer", minimum: 0 },
        skipped: { type: "integer", minimum: 0 },
        exitCode: { enum: [0, 1, 3] },
      },
    },
    targets: {
      type: "array",
      items: {
        type: "object",
        required: ["region", "accountId", "status"],
        properties: {
          region: { type: "string" },
          accountId: { type: ["string", "null"] },
          status: { enum: ["ok", "error", "skipped"] },
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" } },
          },
        },
        if: { properties: { status: { const: "error" } } },
        // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword
        then: { required: ["error"] },
      },
    },
    results: {
      type: "array",
      items: {
        type: "object",
        required: ["ruleId", "title", "severity", "status", "region", "accountId", "message", "policy"],
        properties: {
          ruleId: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
          title: { type: "string" },
          severity: { enum: ["error", "warning", "notice"] },
          status: { enum: ["pass", "fail", "error", "waived", "skipped"] },
          region: { type: "string" },
          accountId: { type: ["string", "null"] },
          message: { type: "string", minLength: 1 },
          path: { type: "string" },
          policy: {
            type: "object",
            required: ["file", "line"],
            properties: { file: { type: "string" }, line: { type: "integer", minimum: 1 } },
          },
        },
      },
    },
  },
};
