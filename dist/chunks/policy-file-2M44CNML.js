#!/usr/bin/env node
import { createRequire as __sesGuardCreateRequire } from "node:module";
const require = __sesGuardCreateRequire(import.meta.url);
import{d as o,e as r}from"./chunk-C2SNIZ7A.js";import"./chunk-ZA5TBQKR.js";import"./chunk-FIHLY65X.js";export{r as isCalendarDate,o as readPolicyFile};
//# sourceMappingURL=policy-file-2M44CNML.js.map
