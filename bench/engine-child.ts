/**
 * Entry of the engine benchmark's own process: `node engine-child.js DOCUMENTS PASSES` prints the
 * measurement as JSON. A process of its own keeps the servers and timers of the main benchmark
 * out of the measurement.
 */
import { measureEngineThroughput } from "./engine-throughput.js";

const documents = Number(process.argv[2]);
const passes = Number(process.argv[3]);
if (!Number.isInteger(documents) || documents < 1 || !Number.isInteger(passes) || passes < 1) {
  process.stderr.write("usage: engine-child DOCUMENTS PASSES\n");
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(await measureEngineThroughput(documents, passes))}\n`);
}
