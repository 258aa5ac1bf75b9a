import { existsSync } from "node:fs";
import { join } from "node:path";
import { usageError } from "../errors.js";

/** The policy files picked up from the working directory when no policy is named, either spelling. */
export const DEFAULT_POLICY_FILES = [".ses-guard.yaml", ".ses-guard.yml"] as const;

/**
 * The default policy file in `dir`, or undefined when there is none. Both spellings at once is a
 * policy error (exit 2): reading one would silently ignore the other, which may be the one meant.
 */
export function findDefaultPolicyFile(dir: string): string | undefined {
  const present = DEFAULT_POLICY_FILES.filter((name) => existsSync(join(dir, name)));
  if (present.length > 1) {
    throw usageError(
      "policy/default-ambiguous",
      `both ${present.join(" and ")} are in ${dir}; ses-guard reads one default policy: remove or rename one, or name the policy to use (--policy, or the Action's policy input)`,
    );
  }
  return present[0];
}
