// The `yaml` package's "node" export is CommonJS: one wrapper function and one require() per
// module, about seventy of them, all run when a policy file is first read, and esbuild cannot
// drop the parts ses-guard never calls. Its ES module build (the same source, published as
// yaml/browser/dist) lets esbuild hoist the modules into one scope and leave out what is unused:
// 15% less code, and loading it cost a fraction of the CommonJS build's time in
// `npm run bench`'s user-policy case. The two builds differ only in where diagnostics go: the ES
// build has no LOG_TOKENS / LOG_STREAM debugging switches (which ses-guard does not want read from
// a user's environment anyway), and warns through console.warn rather than process.emitWarning;
// ses-guard reads the document's errors and warnings itself and asks for neither.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const yamlRoot = dirname(createRequire(import.meta.url).resolve("yaml/package.json"));

export const yamlEsm = {
  name: "yaml-esm",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^yaml$/ }, () => ({
      path: join(yamlRoot, "browser", "dist", "index.js"),
    }));
  },
};
