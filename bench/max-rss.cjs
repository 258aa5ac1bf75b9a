// Preloaded with `node --import` when GNU time is not available: writes the process's peak
// resident set (KiB, as GNU time's %M) to $SES_GUARD_BENCH_RSS_FILE when it exits.
import { writeFileSync } from "node:fs";

const file = process.env.SES_GUARD_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
