#!/usr/bin/env node
import { createRequire as __sesGuardCreateRequire } from "node:module";
const require = __sesGuardCreateRequire(import.meta.url);
import{d as o,e as r}from"./chunk-54IWDRID.js";import"./chunk-X7U7A2PO.js";import"./chunk-FIHLY65X.js";export{r as isCalendarDate,o as readPolicyFile};
//# sourceMappingURL=policy-file-FRSON3XB.js.map
