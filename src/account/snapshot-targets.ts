/**
 * The targets of a snapshot, not trusted blindly: a snapshot is a file anyone can edit, and a gate
 * must not pass on what it says was checked or skipped without evidence. A target marked `ok`
 * without account data or beside an error, a target listed twice and a version or date from the
 * future are refused; a `skipped` target in a Region that is not opt-in (ses-guard skips only
 * opt-in Regions that are not enabled) is reported as a target that could not be read.
 */

import { isReputationMember, isReputationRate } from "../engine/target-facts.js";
import { targetKey } from "../report/common.js";
import { isOptInRegion } from "../targets/regions.js";
import type { ErrorInfo, ReputationFacts, TargetData } from "../types.js";
import { accountMembers } from "./shape.js";

/** The snapshot format version this ses-guard reads and writes. */
export const SNAPSHOT_VERSION = 1;

/** How far ahead of this machine's clock a snapshot's `createdAt` may be (clock skew between machines). */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** What every target of a snapshot carries, whatever its status. */
type TargetBase = Pick<
  TargetData,
  "region" | "accountId" | "accountIdUnknownReason" | "accountName" | "accountTags" | "accountState"
>;

/** Why a snapshot is refused, and where in it (keys and list indexes from the top). */
export interface SnapshotProblem {
  code: string;
  message: string;
  path: (string | number)[];
}

/** The targets of a parsed snapshot, or the first reason to refuse it. */
export function readSnapshotTargets(
  record: Record<string, unknown>,
  now?: Date,
): { targets: TargetData[] } | { problem: SnapshotProblem } {
  const problem = (code: string, message: string, path: (string | number)[]) => ({
    problem: { code, message, path },
  });
  if (
    typeof record.version === "number" &&
    Number.isInteger(record.version) &&
    record.version > SNAPSHOT_VERSION
  ) {
    return problem(
      "input/snapshot-version",
      `snapshot version ${record.version} was written by a newer ses-guard; this one reads version ${SNAPSHOT_VERSION}: upgrade ses-guard to check it`,
      ["version"],
    );
  }
  if (record.version !== SNAPSHOT_VERSION) {
    return problem(
      "input/snapshot-version",
      `snapshot version ${JSON.stringify(record.version)} is not supported; this ses-guard reads version ${SNAPSHOT_VERSION}`,
      ["version"],
    );
  }
  const created = typeof record.createdAt === "string" ? Date.parse(record.createdAt) : Number.NaN;
  if (now && !Number.isNaN(created) && created > now.getTime() + CLOCK_SKEW_MS) {
    return problem(
      "input/snapshot-future",
      `snapshot createdAt ${record.createdAt} is in the future; it was not taken by ses-guard snapshot as it stands`,
      ["createdAt"],
    );
  }
  if (!Array.isArray(record.targets))
    return problem("input/snapshot-invalid", "snapshot has no `targets` list", []);
  // Zero targets would be a run that checks nothing and passes: the gate fails closed instead.
  if (record.targets.length === 0)
    return problem("input/snapshot-empty", "snapshot has no targets: there is nothing to check", ["targets"]);

  const targets: TargetData[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of record.targets.entries()) {
    const path = ["targets", i];
    const where = `snapshot target ${i + 1}`;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      return problem("input/snapshot-invalid", `${where} is not an object`, path);
    const t = raw as Record<string, unknown>;
    if (typeof t.region !== "string" || t.region === "")
      return problem("input/snapshot-invalid", `${where} has no region`, path);
    const accountId = typeof t.accountId === "string" ? t.accountId : null;
    const named = `${where} (${t.region}, account ${accountId ?? "unknown"})`;
    // Two entries for one target could disagree, and reports could not tell them apart.
    const key = targetKey({ region: t.region, accountId });
    const first = seen.get(key);
    if (first !== undefined) {
      return problem(
        "input/snapshot-duplicate-target",
        `${named} is listed twice (also as target ${first + 1}); a snapshot holds each account and Region once`,
        path,
      );
    }
    seen.set(key, i);
    const base: TargetBase = { region: t.region, accountId, ...accountLabels(t) };
    if (t.status === "ok") {
      if (t.error !== undefined && t.error !== null) {
        return problem(
          "input/snapshot-contradiction",
          `${named} has status ok and an error; a target that was read has no error`,
          [...path, "error"],
        );
      }
      if (!hasAccountData(t.account)) {
        return problem(
          "input/snapshot-invalid",
          `${named} has status ok but no account data (none of the GetAccount members)`,
          t.account === undefined ? path : [...path, "account"],
        );
      }
      const target: TargetData = { ...base, status: "ok", account: t.account as Record<string, unknown> };
      if (t.reputation !== undefined) {
        const reputation = reputationFrom(t.reputation);
        if (!reputation) {
          return problem(
            "input/snapshot-invalid",
            `${named} has reputation that is not bounceRatePercent/complaintRatePercent percentages from 0 to 100`,
            [...path, "reputation"],
          );
        }
        target.reputation = reputation;
      }
      targets.push(target);
    } else if (t.status === "skipped") {
      targets.push(skippedTarget(base, t.notice));
    } else {
      // Anything else, including an unknown status, was not read: it must not pass.
      targets.push({ ...base, status: "error", error: errorFrom(t.error) });
    }
  }
  return { targets };
}

/** The `$reputation.*` facts `snapshot --reputation` stored, or undefined when they are not that. */
function reputationFrom(raw: unknown): ReputationFacts | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const facts: ReputationFacts = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!isReputationMember(key) || !isReputationRate(value)) return undefined;
    facts[key] = value;
  }
  return facts;
}

/** A fleet snapshot's account name and tags, kept for rules about them; anything malformed is dropped. */
function accountLabels(
  t: Record<string, unknown>,
): Pick<TargetData, "accountIdUnknownReason" | "accountName" | "accountTags" | "accountState"> {
  const labels: Pick<TargetData, "accountIdUnknownReason" | "accountName" | "accountTags" | "accountState"> =
    {};
  if (t.accountId === null && typeof t.accountIdUnknownReason === "string")
    labels.accountIdUnknownReason = t.accountIdUnknownReason;
  if (typeof t.accountName === "string") labels.accountName = t.accountName;
  if (typeof t.accountState === "string") labels.accountState = t.accountState;
  const tags = t.accountTags;
  if (tags !== null && typeof tags === "object" && !Array.isArray(tags)) {
    const entries = Object.entries(tags).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    if (entries.length > 0) labels.accountTags = Object.fromEntries(entries);
  }
  return labels;
}

function hasAccountData(account: unknown): boolean {
  if (account === null || typeof account !== "object" || Array.isArray(account)) return false;
  return Object.keys(account).some((key) => Object.hasOwn(accountMembers, key));
}

/**
 * ses-guard skips only an opt-in Region that is not enabled for the account; a skip anywhere else
 * is not evidence of anything, so that target counts as unreadable (exit 3), never as passed.
 */
function skippedTarget(base: TargetBase, notice: unknown): TargetData {
  // A fleet's account that AWS Organizations does not list as ACTIVE is skipped in every Region.
  const inactiveAccount = base.accountState !== undefined && base.accountState !== "ACTIVE";
  if (!isOptInRegion(base.region) && !inactiveAccount) {
    return {
      ...base,
      status: "error",
      error: {
        code: "snapshot/implausible-skip",
        message: `the snapshot marks ${base.region} as skipped, but ${base.region} is not an opt-in Region; ses-guard skips only opt-in Regions that are not enabled, so this target was not checked`,
        hint: "Take the snapshot again with ses-guard snapshot.",
      },
    };
  }
  return {
    ...base,
    status: "skipped",
    notice: typeof notice === "string" ? notice : "skipped when the snapshot was taken",
  };
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
