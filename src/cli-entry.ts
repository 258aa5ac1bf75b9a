import { main } from "./cli.js";
import { exitAfterFlush } from "./io/exit-after-flush.js";

// No top-level await: the bundle is CommonJS, which Node starts faster than an ES module.
void main(process.argv.slice(2)).then(exitAfterFlush);
