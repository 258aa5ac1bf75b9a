// Preloaded with `node --require` when GNU time is not available: writes the process's peak
// resident set (KiB, as GNU time's %M) to $SES_GUARD_BENCH_RSS_FILE when it exits. CommonJS, like
// dist/, so the preload does not start Node's ES module loader in a process that would not.
const { writeFileSync } = require("node:fs");

const file = process.env.SES_GUARD_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
