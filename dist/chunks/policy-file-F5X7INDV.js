#!/usr/bin/env node
import { createRequire as __sesGuardCreateRequire } from "node:module";
const require = __sesGuardCreateRequire(import.meta.url);
import{d as o,e as r}from"./chunk-QE7J4R3T.js";import"./chunk-OPRJTUYW.js";import"./chunk-FIHLY65X.js";export{r as isCalendarDate,o as readPolicyFile};
//# sourceMappingURL=policy-file-F5X7INDV.js.map
