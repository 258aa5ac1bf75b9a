#!/usr/bin/env node
import { createRequire as __sesGuardCreateRequire } from "node:module";
const require = __sesGuardCreateRequire(import.meta.url);
import{d as o,e as r}from"./chunk-7ULSSXAA.js";import"./chunk-U6OCA2BX.js";import"./chunk-FIHLY65X.js";export{r as isCalendarDate,o as readPolicyFile};
//# sourceMappingURL=policy-file-VX5I5YDX.js.map
