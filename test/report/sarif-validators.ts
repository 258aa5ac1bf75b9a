/**
 * Validators for SARIF output: the OASIS SARIF 2.1.0 JSON schema through ajv, and Microsoft's
 * SARIF Multitool (`validate`), the same checker GitHub's documentation points to.
 */

import { execFile } from "node:child_process";
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Ajv, type ErrorObject } from "ajv";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const MULTITOOL = join(
  import.meta.dirname,
  "..",
  "..",
  "node_modules",
  "@microsoft",
  "sarif-multitool-linux",
  "Sarif.Multitool",
);

/**
 * Compiles the schema fixture. It is the OASIS errata-01 text, a draft-04 schema: ajv 8 speaks
 * draft-07, where draft-04's `id` became `$id`, so the root `id` and `$schema` are adapted in
 * memory; every keyword the SARIF schema uses means the same in both drafts. Formats (`uri`,
 * `date-time`) are not checked here; the Multitool checks URIs.
 */
export function sarifSchemaValidator() {
  const schema = JSON.parse(readFileSync(join(FIXTURES, "sarif-schema-2.1.0.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile({ $id: String(id), ...rest });
  return (log: unknown): ErrorObject[] => (validate(log) ? [] : [...(validate.errors ?? [])]);
}

// npm does not keep the executable bit of this package's binary on every install.
function ensureExecutable(file: string): void {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    chmodSync(file, 0o755);
  }
}

/** One finding of the Multitool. */
export interface MultitoolFinding {
  level: string;
  ruleId: string;
  text: string;
}

/**
 * Runs `Sarif.Multitool validate` with the GitHub and SARIF rule kinds on `sarif` text and
 * returns every finding. HTTP is pointed at a closed loopback port and the rule that fetches
 * URIs is disabled (test/fixtures/sarif-multitool-config.xml): nothing leaves the machine.
 */
export async function runMultitool(sarif: string): Promise<MultitoolFinding[]> {
  ensureExecutable(MULTITOOL);
  const dir = mkdtempSync(join(tmpdir(), "ses-guard-sarif-"));
  try {
    const input = join(dir, "report.sarif");
    const output = join(dir, "validation.sarif");
    writeFileSync(input, sarif);
    await promisify(execFile)(
      MULTITOOL,
      [
        "validate",
        input,
        "--rule-kind",
        "Gh;Sarif",
        "--level",
        "Error;Warning;Note",
        "--config",
        join(FIXTURES, "sarif-multitool-config.xml"),
        "--output",
        output,
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME ?? dir,
          DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1",
          DOTNET_CLI_TELEMETRY_OPTOUT: "1",
          HTTP_PROXY: "http://127.0.0.1:9",
          HTTPS_PROXY: "http://127.0.0.1:9",
          ALL_PROXY: "http://127.0.0.1:9",
          NO_PROXY: "",
        },
        timeout: 120_000,
      },
    );
    const log = JSON.parse(readFileSync(output, "utf8")) as {
      runs: Array<{
        results?: Array<{ level?: string; ruleId: string; message: { text?: string; arguments?: string[] } }>;
      }>;
    };
    return (log.runs[0]?.results ?? []).map((r) => ({
      level: r.level ?? "warning",
      ruleId: r.ruleId,
      text: r.message.text ?? (r.message.arguments ?? []).join(" | "),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
