import type { CommandIo } from "../../authoring/command-io.js";
import { ExitCode } from "../../errors.js";
import { policySchemaText } from "../../generated/packs.js";

/**
 * `ses-guard schema`: prints the policy JSON Schema, byte for byte the published
 * policies/policy.schema.json (it is compiled into the bundle, so it matches this version).
 */
export function runSchemaCommand(io: CommandIo): number {
  io.stdout(policySchemaText);
  return ExitCode.ok;
}
