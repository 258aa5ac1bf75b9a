import { type Diagnostic, ExitCode, SesGuardError } from "../errors.js";
import type { ErrorInfo, ReputationFacts, TargetData } from "../types.js";
import { MAX_ACCOUNT_DEPTH, nestsDeeperThan } from "./account-shape.js";
import { jsonErrorOffset } from "./json-error-offset.js";
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

/** The largest input file read: real responses are a few KiB. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

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
 * `--region`/`--account-id`) or a snapshot (its own targets). Bad input is a usage error (exit 2)
 * naming the file and, for JSON syntax errors, the line and column.
 */
export async function parseInput(file: string, raw: string, labels: InputLabels): Promise<TargetData[]> {
  // A byte order mark is invisible in editors and written by some Windows shells; JSON.parse rejects it.
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const fail = (code: string, message: string, where: Omit<Diagnostic, "code" | "message"> = {}) =>
    new SesGuardError([{ code, message, file, ...where }], ExitCode.usage);
  const utf16 = describeUtf16(text);
  if (utf16)
    throw fail("input/encoding", `input is ${utf16}, not UTF-8: ${SAVE_AS_UTF8}`, { line: 1, column: 1 });
  // The limit is in bytes: a string's length counts UTF-16 units, which undercounts non-ASCII text.
  if (Buffer.byteLength(text, "utf8") > MAX_INPUT_BYTES) throw inputTooLarge(file);
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
  if (record.kind === SNAPSHOT_KIND) return snapshotTargets(record, fail);
  return [{ ...labels, status: "ok", account: accountFrom(record, fail) }];
}

/**
 * The error for an input over {@link MAX_INPUT_BYTES}, whether parseInput measured it or a
 * reader gave up on it part-way (standard input is not read past the limit).
 */
export function inputTooLarge(file: string): SesGuardError {
  return new SesGuardError(
    [
      {
        code: "input/too-large",
        message: `input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB; a GetAccount response is a few KiB`,
        file,
      },
    ],
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

function snapshotTargets(record: Record<string, unknown>, fail: Fail): TargetData[] {
  if (record.version !== 1) {
    throw fail(
      "input/snapshot-version",
      `snapshot version ${JSON.stringify(record.version)} is not supported; this ses-guard reads version 1`,
    );
  }
  if (!Array.isArray(record.targets)) throw fail("input/snapshot-invalid", "snapshot has no `targets` list");
  // Zero targets would be a run that checks nothing and passes: the gate fails closed instead.
  if (record.targets.length === 0)
    throw fail("input/snapshot-empty", "snapshot has no targets: there is nothing to check");
  return record.targets.map((raw, i) => {
    const where = `snapshot target ${i + 1}`;
    if (raw === null || typeof raw !== "object")
      throw fail("input/snapshot-invalid", `${where} is not an object`);
    const t = raw as Record<string, unknown>;
    if (typeof t.region !== "string" || t.region === "")
      throw fail("input/snapshot-invalid", `${where} has no region`);
    const accountId = typeof t.accountId === "string" ? t.accountId : null;
    const base: Pick<TargetData, "region" | "accountId" | "accountName" | "accountTags"> = {
      region: t.region,
      accountId,
      ...accountLabels(t),
    };
    if (t.status === "ok") {
      if (t.account === null || typeof t.account !== "object" || Array.isArray(t.account)) {
        throw fail("input/snapshot-invalid", `${where} (${t.region}) has status ok but no account object`);
      }
      const target: TargetData = { ...base, status: "ok", account: t.account as Record<string, unknown> };
      if (t.reputation !== undefined) {
        const reputation = reputationFrom(t.reputation);
        if (!reputation) {
          throw fail(
            "input/snapshot-invalid",
            `${where} (${t.region}) has reputation that is not bounceRatePercent/complaintRatePercent percentages from 0 to 100`,
          );
        }
        target.reputation = reputation;
      }
      return target;
    }
    if (t.status === "skipped") {
      return {
        ...base,
        status: "skipped",
        notice: typeof t.notice === "string" ? t.notice : "skipped when the snapshot was taken",
      };
    }
    // Anything else, including an unknown status, was not read: it must not pass.
    return { ...base, status: "error", error: errorFrom(t.error) };
  });
}

/** The `$reputation.*` facts `snapshot --reputation` stored, or undefined when they are not that. */
function reputationFrom(raw: unknown): ReputationFacts | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const facts: ReputationFacts = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key !== "bounceRatePercent" && key !== "complaintRatePercent") return undefined;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 100) return undefined;
    facts[key] = value;
  }
  return facts;
}

/** A fleet snapshot's account name and tags, kept for rules about them; anything malformed is dropped. */
function accountLabels(t: Record<string, unknown>): Pick<TargetData, "accountName" | "accountTags"> {
  const labels: Pick<TargetData, "accountName" | "accountTags"> = {};
  if (typeof t.accountName === "string") labels.accountName = t.accountName;
  const tags = t.accountTags;
  if (tags !== null && typeof tags === "object" && !Array.isArray(tags)) {
    const entries = Object.entries(tags).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    if (entries.length > 0) labels.accountTags = Object.fromEntries(entries);
  }
  return labels;
}

function errorFrom(raw: unknown): ErrorInfo {
  const e = (raw ?? {}) as Record<string, unknown>;
  // Blank text says nothing: fall back to what is known rather than print an empty cause.
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
  const info: ErrorInfo = {
    code: text(e.code) ?? "snapshot/unreadable-target",
    message: text(e.message) ?? "the target could not be read when the snapshot was taken",
  };
  const hint = text(e.hint);
  if (hint) info.hint = hint;
  return info;
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

/** Finds where a JSON syntax error is, as a line and column. */
function jsonErrorPosition(text: string): { line?: number; column?: number } {
  const at = jsonErrorOffset(text);
  if (at === undefined) return {};
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
