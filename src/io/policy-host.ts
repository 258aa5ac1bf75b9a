import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { PolicyHost } from "../policy/resolve.js";
// The limits alone: importing them from yaml-document.js would load the YAML parser on every start.
import { yamlLimits } from "../policy/yaml-limits.js";
import { readBoundedText } from "./bounded-read.js";

/** The policy loader's window on the file system, rooted at the working directory. */
export function createPolicyHost(cwd: string): PolicyHost {
  return {
    root: cwd,
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
      const rel = relative(cwd, path);
      return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : path;
    },
    mayExtend(path, roots) {
      // Compare real paths, so a symlink inside the repository cannot reach outside it.
      const real = realOrSelf(path);
      return roots.some((root) => {
        const rel = relative(realOrSelf(root), real);
        return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
      });
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
