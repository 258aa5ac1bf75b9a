#!/usr/bin/env node
import { createRequire as __sesGuardCreateRequire } from "node:module";
const require = __sesGuardCreateRequire(import.meta.url);
async function o(e){process.exitCode=e;for(let s of[process.stdout,process.stderr])await new Promise(r=>s.write("",()=>r()));process.exit(e)}export{o as a};
//# sourceMappingURL=chunk-3DQWZO2F.js.map
