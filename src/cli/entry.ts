import { exitAfterFlush } from "../io/exit-after-flush.js";
import { main } from "./main.js";

// dist/cli-main.js, started by dist/cli.js (bootstrap.ts) through ses-guard's code cache.
// No top-level await: the bundle is CommonJS, which Node starts faster than an ES module.
void main(process.argv.slice(2)).then(exitAfterFlush);
