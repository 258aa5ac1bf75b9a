// Preloaded with `node --import` by the benchmark: records the URL of every file: module the
// process loads into $SES_GUARD_BENCH_TRACE_FILE, to measure how many bundle bytes a path loads.
import { register } from "node:module";

const file = process.env.SES_GUARD_BENCH_TRACE_FILE;
if (file) register("./trace-hooks.mjs", import.meta.url, { data: { file } });
