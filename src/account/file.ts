import { type Diagnostic, ExitCode, SesGuardError } from "../errors.js";
import type { TargetData } from "../types.js";
import { MAX_ACCOUNT_DEPTH, nestsDeeperThan } from "./account-shape.js";
import { jsonErrorPosition } from "./json-error-offset.js";
import { accountMembers } from "./shape.js";
import { describeUtf16, SAVE_AS_UTF8 } from "./text-encoding.js";

/** The `kind` that marks a snapshot written by `ses-guard snapshot`. */
export const SNAPSHOT_KIND = "ses-guard/snapshot";

/**
 * A snapshot: every target's raw `GetAccount` response (or the error that prevented reading it),
 * with when and by which version it was taken, so an audit can be repeated offline and kept as
 * evidence. Version 1 of the format.
 */
export interface Snapshot {
  kind: typeof SNAPSHOT_KIND;
  version: 1;
  tool: { name: "ses-guard"; version: string };
  /** ISO 8601 time the snapshot was taken. */
  createdAt: string;
  targets: TargetData[];
}

/** How to label the targets of a raw `get-account` input, which names neither region nor account. */
export interface InputLabels {
  region: string;
  accountId: string | null;
}

/**
 * The largest `get-account` response accepted (an input file of one account, or a live response
 * body): real responses are a few KiB.
 */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/**
 * The largest `--input` file or standard input read, so that a snapshot of a whole fleet fits:
 * 1,000 accounts × 17 Regions is about 13 MiB. A raw `get-account` input is still held to
 * {@link MAX_INPUT_BYTES} once it is known not to be a snapshot.
 */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/** Builds a snapshot document from targets. */
export function createSnapshot(
  targets: readonly TargetData[],
  toolVersion: string,
  createdAt: Date,
): Snapshot {
  return {
    kind: SNAPSHOT_KIND,
    version: 1,
    tool: { name: "ses-guard", version: toolVersion },
    createdAt: createdAt.toISOString(),
    targets: targets.map((t) => ({ ...t })),
  };
}

/**
 * Reads an `--input`: the raw output of `aws sesv2 get-account` (one target, labelled by
 * `--region`/`--account-id`) or a snapshot (its own targets, checked by readSnapshotTargets;
 * `now` lets it refuse a snapshot dated in the future). Bad input is a usage error (exit 2)
 * naming the file and, for JSON syntax errors, the line and column. `onSnapshot` is called once a
 * snapshot has been read and accepted (the CLI refuses `--region` beside one there).
 */
export async function parseInput(
  file: string,
  raw: string,
  labels: InputLabels,
  now?: Date,
  onSnapshot?: () => void,
): Promise<TargetData[]> {
  // A byte order mark is invisible in editors and written by some Windows shells; JSON.parse rejects it.
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const fail = (code: string, message: string, where: Omit<Diagnostic, "code" | "message"> = {}) =>
    new SesGuardError([{ code, message, file, ...where }], ExitCode.usage);
  const utf16 = describeUtf16(text);
  if (utf16)
    throw fail("input/encoding", `input is ${utf16}, not UTF-8: ${SAVE_AS_UTF8}`, { line: 1, column: 1 });
  // The limit is in bytes: a string's length counts UTF-16 units, which undercounts non-ASCII text.
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SNAPSHOT_BYTES) throw inputTooLarge(file, MAX_SNAPSHOT_BYTES);
  if (text.trim() === "")
    throw fail("input/empty", "input is empty; expected the JSON output of `aws sesv2 get-account`");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = jsonErrorPosition(text);
    throw fail(
      "input/invalid-json",
      `input is not valid JSON: ${(error as Error).message}${nonFiniteHint(text, position)}`,
      position,
    );
  }
  // A snapshot holds each account three levels down; deeper nesting than that is not account data,
  // and evaluating or reporting it would recurse past the stack.
  if (nestsDeeperThan(data, MAX_ACCOUNT_DEPTH + 3)) {
    throw fail(
      "input/too-deep",
      `input nests deeper than ${MAX_ACCOUNT_DEPTH + 3} levels; a GetAccount response nests six`,
    );
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw fail(
      "input/not-an-object",
      "input must be a JSON object: the output of `aws sesv2 get-account` or a ses-guard snapshot",
    );
  }
  const record = data as Record<string, unknown>;
  if (record.kind === SNAPSHOT_KIND) {
    // Loaded for snapshots only: the raw get-account output, the common input, does not need it.
    const { readSnapshotTargets } = await import("./snapshot-targets.js");
    const read = readSnapshotTargets(record, now);
    if ("targets" in read) {
      onSnapshot?.();
      return read.targets;
    }
    // Loaded only to refuse a snapshot: the YAML reader is not needed to check a good one.
    const { locateJson } = await import("./json-locate.js");
    throw fail(read.problem.code, read.problem.message, locateJson(text, read.problem.path) ?? {});
  }
  if (bytes > MAX_INPUT_BYTES) throw inputTooLarge(file);
  return [{ ...labels, status: "ok", account: accountFrom(record, fail) }];
}

/**
 * The error for an input over a limit: {@link MAX_INPUT_BYTES} for a `get-account` response,
 * {@link MAX_SNAPSHOT_BYTES} for any input, whether parseInput measured it or a reader gave up on
 * it part-way (standard input is not read past the limit).
 */
export function inputTooLarge(file: string, limit = MAX_INPUT_BYTES): SesGuardError {
  const why =
    limit === MAX_INPUT_BYTES
      ? "a GetAccount response is a few KiB"
      : "the limit for a snapshot (1,000 accounts × 17 Regions take about 13 MiB)";
  return new SesGuardError(
    [{ code: "input/too-large", message: `input is larger than ${limit / 1024 / 1024} MiB; ${why}`, file }],
    ExitCode.usage,
  );
}

type Fail = (code: string, message: string) => SesGuardError;

function accountFrom(record: Record<string, unknown>, fail: Fail): Record<string, unknown> {
  // The SDK adds `$metadata` to what it returns; it is not part of the account.
  const { $metadata: _ignored, ...account } = record;
  const known = Object.keys(accountMembers);
  if (!Object.keys(account).some((key) => known.includes(key))) {
    throw fail(
      "input/not-get-account",
      `input has none of the GetAccount members (${known.slice(0, 4).join(", ")}, ...); expected the output of \`aws sesv2 get-account\``,
    );
  }
  return account;
}

/**
 * A sentence for the JSON error when it sits on `Infinity` or `NaN`: JavaScript writes them, JSON
 * has no such values, and SES itself writes -1 for an unlimited quota.
 */
function nonFiniteHint(text: string, position: { line?: number; column?: number }): string {
  if (position.line === undefined || position.column === undefined) return "";
  const line = text.split("\n")[position.line - 1] ?? "";
  const at = line.slice(position.column - 1);
  if (!/^-?(Infinity|NaN)\b/.test(at)) return "";
  return "; JSON has no Infinity or NaN (SES writes -1 for an unlimited quota)";
}
