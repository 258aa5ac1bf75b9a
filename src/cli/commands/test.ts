/**
 * `ses-guard test [PATH...]`: finds policy test files, loads their policies and account files,
 * runs the cases (src/authoring/test-runner.ts) and prints or writes the report.
 */
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { MAX_INPUT_BYTES, parseInput } from "../../account/file.js";
import type { CommandIo } from "../../authoring/command-io.js";
import { findTestFiles } from "../../authoring/find-test-files.js";
import { parseTestFile, type TestCase } from "../../authoring/test-file.js";
import { formatTestJunit, formatTestText } from "../../authoring/test-report.js";
import {
  type AccountFileRead,
  runTestFile,
  type TestFileOutcome,
  type TestRun,
  testRunExitCode,
} from "../../authoring/test-runner.js";
import { UNKNOWN_REGION } from "../../engine/facts.js";
import { type Diagnostic, ExitCode, formatDiagnostic, SesGuardError } from "../../errors.js";
import { readBoundedText } from "../../io/bounded-read.js";
import { assertDistinctFormatFiles } from "../../io/format-outputs.js";
import { createPolicyHost } from "../../io/policy-host.js";
import { isPackReference, loadPolicy, type PolicyHost } from "../../policy/resolve.js";
import { yamlLimits } from "../../policy/yaml-document.js";
import { terminalSafe } from "../../report/terminal-text.js";
import type { FormatRequest } from "../../run.js";
import { deliverFormats } from "./deliver-formats.js";

export { findTestFiles } from "../../authoring/find-test-files.js";

/** Runs the test files under `paths` (the working directory when empty) and returns the exit code. */
export async function runTestCommand(
  paths: readonly string[],
  formats: readonly FormatRequest[],
  io: CommandIo,
): Promise<number> {
  assertDistinctFormatFiles(formats, io.cwd);
  const named = paths.length > 0 ? paths : ["."];
  const files = findTestFiles(named, io.cwd);
  // Test files can arrive in pull requests, so like `extends` they may only reach files inside the
  // repository (the git root, else the working directory) or the paths named on the command line,
  // never the rest of the disk.
  const host = createPolicyHost(io.cwd);
  const roots = [host.root, ...named.map((path) => containingDirectory(resolve(io.cwd, path)))];
  const outcomes: TestFileOutcome[] = [];
  const today = io.now().toISOString().slice(0, 10);
  for (const file of files) outcomes.push(await runOneFile(file, { host, roots, today }));
  const run: TestRun = { files: outcomes };
  const exitCode = testRunExitCode(run);

  const delivered = deliverFormats(
    formats,
    (request) =>
      request.name === "junit"
        ? formatTestJunit(run)
        : formatTestText(run, {
            color: request.file ? false : io.color,
            unicode: request.file ? false : io.unicode,
          }),
    "report",
    io,
  );
  // The text report lists every problem in place; without it on screen, say them on stderr.
  const textOnStdout = formats.some((request) => !request.file && request.name === "text");
  if (!textOnStdout) {
    for (const diagnostic of allDiagnostics(run))
      io.stderr(`ses-guard: ${terminalSafe(formatDiagnostic(diagnostic))}\n`);
  }
  return delivered ? exitCode : ExitCode.usage;
}

interface FileContext {
  /** The policy loader's file system, rooted at the working directory; it also shows paths. */
  host: PolicyHost;
  /** Directories that policy and account files named by a test file must be inside. */
  roots: string[];
  today: string;
}

async function runOneFile(path: string, context: FileContext): Promise<TestFileOutcome> {
  const { host, roots, today } = context;
  const display = host.display(path);
  const fail = (diagnostics: Diagnostic[]): TestFileOutcome => ({ file: display, cases: [], diagnostics });
  const read = readText(path, display, yamlLimits.maxBytes, "test file");
  if ("error" in read) return fail([{ code: "test/unreadable", message: read.error, file: display }]);
  const parsed = parseTestFile(display, read.text);
  if (!parsed.ok) return fail(parsed.diagnostics);
  const testFile = parsed.testFile;
  const dir = dirname(path);
  // Paths in a test file are relative to it, wherever `ses-guard test` runs from.
  const specs = testFile.policies.map((spec) => (isPackReference(spec) ? spec : resolve(dir, spec)));
  const outside = specs.filter((spec) => !isPackReference(spec) && !host.mayExtend(spec, roots));
  if (outside.length > 0) {
    return fail(
      outside.map((spec) => ({
        code: "test/outside-repository",
        message: `policy ${host.display(spec)} is outside the repository; a test file may name built-in packs and policies inside it only`,
        ...testFile.policyLocation,
      })),
    );
  }
  let policy: Awaited<ReturnType<typeof loadPolicy>>;
  try {
    policy = await loadPolicy(specs, host);
  } catch (error) {
    if (!(error instanceof SesGuardError)) throw error;
    return fail([
      ...error.diagnostics,
      {
        code: "test/invalid-policy",
        message: `the policy of this test file does not load (${error.diagnostics.length} ${error.diagnostics.length === 1 ? "problem" : "problems"}); no case was run`,
        ...testFile.policyLocation,
      },
    ]);
  }
  // Account files are read up front (parsing them is asynchronous), so running the cases stays pure.
  const accounts = new Map<TestCase, AccountFileRead>();
  for (const testCase of testFile.cases) {
    if (testCase.account.kind !== "file") continue;
    const accountPath = resolve(dir, testCase.account.path);
    accounts.set(
      testCase,
      host.mayExtend(accountPath, roots)
        ? await readAccountFile(testCase, accountPath, host)
        : {
            diagnostics: [
              {
                code: "test/outside-repository",
                message: `case "${testCase.name}": account file ${host.display(accountPath)} is outside the repository; a test file may read account files inside it only`,
                ...testCase.account.location,
              },
            ],
          },
    );
  }
  return runTestFile(testFile, {
    policy,
    today,
    readAccountFile: (testCase) => accounts.get(testCase) ?? { diagnostics: [] },
  });
}

async function readAccountFile(testCase: TestCase, path: string, host: PolicyHost): Promise<AccountFileRead> {
  const location = testCase.account.kind === "file" ? testCase.account.location : testCase.location;
  const read = readText(path, host.display(path), MAX_INPUT_BYTES, "account file");
  if ("error" in read) {
    return {
      diagnostics: [
        { code: "test/missing-account-file", message: `case "${testCase.name}": ${read.error}`, ...location },
      ],
    };
  }
  try {
    const labels = { region: testCase.region ?? UNKNOWN_REGION, accountId: testCase.accountId ?? null };
    return { targets: await parseInput(host.display(path), read.text, labels) };
  } catch (error) {
    if (!(error instanceof SesGuardError)) throw error;
    return {
      diagnostics: [
        ...error.diagnostics,
        {
          code: "test/invalid-account-file",
          message: `case "${testCase.name}" reads an account file that is not GetAccount data (see above)`,
          ...location,
        },
      ],
    };
  }
}

function readText(
  path: string,
  shown: string,
  limit: number,
  what: string,
): { text: string } | { error: string } {
  const read = readBoundedText(path, limit);
  if ("text" in read) return read;
  if ("isDirectory" in read) return { error: `cannot read ${what} ${shown}: it is a directory` };
  if ("tooLarge" in read) return { error: `${what} ${shown} is larger than ${Math.round(limit / 1024)} KiB` };
  return { error: `cannot read ${what} ${shown}: ${read.error}` };
}

function containingDirectory(path: string): string {
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return dirname(path);
  }
}

function allDiagnostics(run: TestRun): Diagnostic[] {
  return run.files.flatMap((file) => [...file.diagnostics, ...file.cases.flatMap((c) => c.diagnostics)]);
}
