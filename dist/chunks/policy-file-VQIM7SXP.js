#!/usr/bin/env node
import { createRequire as __sesGuardCreateRequire } from "node:module";
const require = __sesGuardCreateRequire(import.meta.url);
import{d as o,e as r}from"./chunk-MWBZ5EWN.js";import"./chunk-S5DEOP7C.js";import"./chunk-FIHLY65X.js";export{r as isCalendarDate,o as readPolicyFile};
//# sourceMappingURL=policy-file-VQIM7SXP.js.map
