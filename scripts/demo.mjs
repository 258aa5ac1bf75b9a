// The main job on an embedded default, no AWS account needed: runs the built `ses-guard` CLI
// against the example accounts in examples/accounts/ with the recommended pack, one region each.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli.js");
const accounts = readdirSync(join(root, "examples", "accounts"))
  .filter((f) => f.endsWith(".json"))
  .sort();
let worst = 0;
for (const account of accounts) {
  console.log(`\n$ ses-guard check --input examples/accounts/${account} --region us-east-1`);
  const run = spawnSync(
    process.execPath,
    [cli, "check", "--input", join("examples", "accounts", account), "--region", "us-east-1"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  console.log(`(exit ${run.status})`);
  worst = Math.max(worst, run.status === 1 ? 1 : (run.status ?? 2));
}
// Failing rules on the sample accounts are the point of the demo; only a broken run fails it.
process.exitCode = worst > 1 ? worst : 0;
