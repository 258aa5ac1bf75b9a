import { main } from "./cli.js";

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Exit once the output is flushed, not when nothing is left to do: an abandoned AWS request or a
// credential process that never ends (one waiting for an MFA code) must not keep a finished run alive.
for (const stream of [process.stdout, process.stderr]) {
  await new Promise<void>((resolve) => stream.write("", () => resolve()));
}
process.exit(code);
