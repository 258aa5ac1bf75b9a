// The main job on an embedded default, no AWS account needed: starts a local SES v2 endpoint
// (the aws-ses-v2-local emulator, on a free loopback port, serving examples/accounts/
// probation-bounce-only.json), then runs the built `ses-guard` CLI against it exactly as against
// AWS: a live check of two regions with the real AWS SDK, a snapshot, and an offline check of
// that snapshot. Only loopback is ever contacted: fake credentials, instance metadata off, and
// every AWS endpoint pointed at the emulator.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli.js");
const accountFile = process.argv[2] ?? join(root, "examples", "accounts", "probation-bounce-only.json");
const account = readFileSync(accountFile, "utf8");

const emulatorCli = join(
  dirname(createRequire(import.meta.url).resolve("aws-ses-v2-local/package.json")),
  "dist",
  "cli.js",
);
const emulator = spawn(process.execPath, [emulatorCli, "--host", "127.0.0.1", "--port", "0"], {
  env: { PATH: process.env.PATH ?? "", AWS_SES_ACCOUNT: JSON.stringify(JSON.parse(account)) },
  stdio: ["ignore", "pipe", "pipe"],
});
const stopEmulator = () => emulator.exitCode === null && emulator.kill("SIGTERM");
process.on("exit", stopEmulator);

const port = await new Promise((resolve, reject) => {
  let output = "";
  const timer = setTimeout(() => reject(new Error(`the SES v2 emulator did not start:\n${output}`)), 20_000);
  const onData = (chunk) => {
    output += chunk;
    const match = /server running at \S+:(\d+)/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(Number(match[1]));
    }
  };
  emulator.stdout.on("data", onData);
  emulator.stderr.on("data", onData);
  emulator.once("exit", (code) => reject(new Error(`the SES v2 emulator exited (${code}):\n${output}`)));
});
const endpoint = `http://127.0.0.1:${port}`;

// The emulator speaks SES only. A stand-in for STS answers GetCallerIdentity (AWS's query
// protocol, XML), so the report names an account as it would against AWS.
const sts = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "text/xml" });
    response.end(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
        "<Arn>arn:aws:iam::123456789012:user/demo</Arn><UserId>AIDADEMO</UserId><Account>123456789012</Account>" +
        "</GetCallerIdentityResult><ResponseMetadata><RequestId>demo</RequestId></ResponseMetadata></GetCallerIdentityResponse>",
    );
  });
});
await new Promise((resolve) => sts.listen(0, "127.0.0.1", resolve));

const awsHome = mkdtempSync(join(tmpdir(), "ses-guard-demo-"));
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_"))),
  AWS_ACCESS_KEY_ID: "AKIADEMODEMODEMODEMO",
  AWS_SECRET_ACCESS_KEY: "demo-secret-not-a-real-key",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_ENDPOINT_URL: endpoint,
  AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${sts.address().port}`,
  AWS_CONFIG_FILE: join(awsHome, "config"),
  AWS_SHARED_CREDENTIALS_FILE: join(awsHome, "credentials"),
  AWS_MAX_ATTEMPTS: "1",
};

let broken = false;
const runCli = async (args, expected) => {
  console.log(`\n$ ses-guard ${args.join(" ")}`);
  // Asynchronous, so this process keeps answering STS while the CLI runs.
  const run = await new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env, stdio: "inherit" });
    child.once("exit", (status) => resolve({ status }));
  });
  console.log(`(exit ${run.status})`);
  if (!expected.includes(run.status)) broken = true;
};

console.log(`SES v2 emulator on ${endpoint}, serving ${accountFile.replace(`${root}/`, "")}`);
const snapshot = join(awsHome, "snapshot.json");
try {
  // The sample account breaks several recommended rules: exit 1 is the expected verdict.
  await runCli(["check", "--region", "us-east-1,eu-west-1", "--endpoint-url", endpoint], [0, 1]);
  await runCli(["snapshot", "--region", "us-east-1", "--endpoint-url", endpoint, "--out", snapshot], [0]);
  await runCli(["check", "--policy", "strict", "--input", snapshot, "--fail-on", "warning"], [0, 1]);
} finally {
  stopEmulator();
  sts.close();
  rmSync(awsHome, { recursive: true, force: true });
}
// Failing rules are the point of the demo; only a run that could not check (exit 2 or 3) fails it.
process.exitCode = broken ? 1 : 0;
