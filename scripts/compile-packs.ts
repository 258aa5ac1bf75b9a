// Compiles the built-in packs at build time (see scripts/generate.mjs), so that checking with a
// pack needs neither the YAML parser nor the schema validator at run time.
import { formatDiagnostic } from "../src/errors.js";
import { type PolicyFile, readPolicyFile } from "../src/policy/policy-file.js";

/** Compiles each pack's YAML; any problem in a built-in pack fails the build. */
export async function compilePacks(texts: Record<string, string>): Promise<Record<string, PolicyFile>> {
  const packs: Record<string, PolicyFile> = {};
  for (const [name, text] of Object.entries(texts)) {
    const result = await readPolicyFile(`policies/${name}.yaml`, text, name);
    if (result.diagnostics.length > 0 || !result.policy) {
      throw new Error(
        `built-in pack ${name} is invalid:\n${result.diagnostics.map(formatDiagnostic).join("\n")}`,
      );
    }
    packs[name] = result.policy;
  }
  return packs;
}
