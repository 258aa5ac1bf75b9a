import { main } from "./cli.js";
import { exitAfterFlush } from "./io/exit-after-flush.js";

await exitAfterFlush(await main(process.argv.slice(2)));
