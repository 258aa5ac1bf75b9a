import { exitAfterFlush } from "../io/exit-after-flush.js";
import { enableCompileCache } from "./compile-cache.js";
import { main } from "./main.js";

// Before anything is loaded lazily, so the chunks a run pulls in come from the cache next time.
enableCompileCache();
// No top-level await: the bundle is CommonJS, which Node starts faster than an ES module.
void main(process.argv.slice(2)).then(exitAfterFlush);
