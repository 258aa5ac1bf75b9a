import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { PolicyHost } from "../policy/resolve.js";
// The limits alone: importing them from yaml-document.js would load the YAML parser on every start.
import { yamlLimits } from "../policy/yaml-limits.js";
import { readBoundedText } from "./bounded-read.js";
import { findRepositoryRoot } from "./repository-root.js";

/**
 * The policy loader's window on the file system: paths relative to `cwd`, and `extends` confined
 * to `repositoryRoot`, by default the git repository holding `cwd` (the working directory itself
 * outside a repository).
 */
export function createPolicyHost(cwd: string, repositoryRoot?: string): PolicyHost {
  const root = resolve(cwd, repositoryRoot ?? findRepositoryRoot(cwd) ?? cwd);
  const inside = (base: string, path: string) => {
    const rel = relative(base, path);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  };
  return {
    root,
    readFile(path) {
      const read = readBoundedText(path, yamlLimits.maxBytes);
      if ("text" in read) return { text: read.text };
      if ("tooLarge" in read) {
        return {
          error: `it is ${Math.ceil(read.size / 1024)} KiB; policy files are limited to ${yamlLimits.maxBytes / 1024} KiB`,
        };
      }
      // Says "it is a directory, not a file" for a directory, the reason in words otherwise.
      return { error: read.error };
    },
    resolve: (fromFile, rel) => resolve(fromFile ? dirname(fromFile) : cwd, rel),
    display(path) {
      // Relative to the working directory for a file in the repository (`../shared/base.yaml`
      // from a sub-folder), absolute for anything else.
      const rel = relative(cwd, path);
      return inside(cwd, path) || inside(root, path) ? rel.split(sep).join("/") : path;
    },
    mayExtend(path, roots) {
      // Compare real paths, so a symlink inside the repository cannot reach outside it.
      const real = realOrSelf(path);
      return roots.some((allowed) => inside(realOrSelf(allowed), real));
    },
    dirname,
  };
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
