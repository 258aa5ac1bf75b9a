import { lstatSync } from "node:fs";
import { resolve } from "node:path";
import type { CommandIo } from "../../authoring/command-io.js";
import { STARTER_POLICY_PATH, STARTER_TEST_PATH, starterFiles } from "../../authoring/init-templates.js";
import { ExitCode, usageError } from "../../errors.js";
import { writeFileAtomic } from "../../io/atomic-write.js";
import { DEFAULT_POLICY_FILES } from "../../io/default-policy.js";
import { describeFsError } from "../../io/fs-errors.js";
import { toolVersion } from "../../version.js";

/**
 * `ses-guard init [--force]`: writes the starter policy, its tests and a GitHub workflow into the
 * working directory. Without --force it writes nothing at all when any of them exists, so a
 * half-initialised repository never mixes old and new files.
 */
export function runInitCommand(force: boolean, io: CommandIo): number {
  const files = starterFiles({ today: io.now().toISOString().slice(0, 10), version: toolVersion });
  const kinds = new Map(files.map((file) => [file, exists(resolve(io.cwd, file.path))]));
  const existing = files.filter((file) => kinds.get(file) !== "none");
  const directories = files.filter((file) => kinds.get(file) === "directory");
  if (directories.length > 0) {
    throw usageError(
      "init/exists",
      `${directories.map((file) => file.path).join(", ")} ${directories.length === 1 ? "is a directory" : "are directories"}; nothing was written`,
    );
  }
  // The starter policy beside a policy in the other spelling would make every run refuse the pair.
  const other = DEFAULT_POLICY_FILES.find(
    (name) => name !== STARTER_POLICY_PATH && exists(resolve(io.cwd, name)) !== "none",
  );
  if (other !== undefined) {
    throw usageError(
      "init/exists",
      `${other} is already the policy here, and ${STARTER_POLICY_PATH} beside it would be a second default policy; nothing was written (rename or remove ${other} first)`,
    );
  }
  if (existing.length > 0 && !force) {
    throw usageError(
      "init/exists",
      `${existing.map((file) => file.path).join(", ")} already ${existing.length === 1 ? "exists" : "exist"}; nothing was written (use --force to overwrite)`,
    );
  }
  for (const file of files) {
    try {
      writeFileAtomic(resolve(io.cwd, file.path), file.text);
    } catch (error) {
      throw usageError("init/write-failed", `cannot write ${file.path}: ${describeFsError(error)}`);
    }
    const replaced = existing.includes(file) ? " (overwritten)" : "";
    io.stdout(`wrote ${file.path}${replaced}\n`);
  }
  io.stdout(
    `\nNext: npx ses-guard test (runs ${STARTER_TEST_PATH}), then set the IAM role and regions in the workflow.\n`,
  );
  return ExitCode.ok;
}

function exists(path: string): "none" | "file" | "directory" {
  try {
    return lstatSync(path).isDirectory() ? "directory" : "file";
  } catch {
    return "none";
  }
}
