import { main } from "./cli.js";

// Set the exit code rather than calling process.exit, so buffered output to pipes is flushed.
process.exitCode = await main(process.argv.slice(2));
