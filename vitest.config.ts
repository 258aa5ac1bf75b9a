import { defineConfig } from "vitest/config";

/**
 * Test configuration: the JSON report feeds the pass/fail count that .ci/run prints. Vitest reads
 * the default export of its config file; this is the one place a default export is needed.
 */
// biome-ignore lint/style/noDefaultExport: required by Vitest
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-report.json" },
  },
});
