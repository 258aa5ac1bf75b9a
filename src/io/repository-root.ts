import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The root of the git repository holding `start`: the nearest directory, from `start` upwards,
 * with a `.git` entry (a directory, or a file in a worktree or submodule). Undefined outside a
 * repository. Policies may `extends` files anywhere inside it, wherever ses-guard is started.
 */
export function findRepositoryRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
