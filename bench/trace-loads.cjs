// Preloaded with `node --require` by the benchmark: when the process exits, writes the path of
// every module it loaded to $SES_GUARD_BENCH_TRACE_FILE, to measure how many bundle bytes a path
// loads. Node's loader lists its modules in require.cache; dist/cli.js loads ses-guard's own files
// through its code cache loader, which reads each with fs.readFileSync(file, "utf8"), seen here.
const fs = require("node:fs");

const file = process.env.SES_GUARD_BENCH_TRACE_FILE;
if (file) {
  const read = new Set();
  const readFileSync = fs.readFileSync;
  fs.readFileSync = function tracedReadFileSync(...args) {
    const [path, options] = args;
    if (typeof path === "string" && path.endsWith(".js") && options === "utf8") read.add(path);
    return readFileSync.apply(this, args);
  };
  process.on("exit", () =>
    fs.writeFileSync(file, `${[...new Set([...Object.keys(require.cache), ...read])].join("\n")}\n`),
  );
}
