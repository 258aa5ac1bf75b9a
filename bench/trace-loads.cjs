// Preloaded with `node --require` by the benchmark: when the process exits, writes the path of
// every CommonJS module it loaded (dist/ is CommonJS throughout) to $SES_GUARD_BENCH_TRACE_FILE,
// to measure how many bundle bytes a path loads.
const { writeFileSync } = require("node:fs");

const file = process.env.SES_GUARD_BENCH_TRACE_FILE;
if (file) {
  process.on("exit", () => writeFileSync(file, `${Object.keys(require.cache).join("\n")}\n`));
}
