import { usageError } from "../errors.js";
import { SNAPSHOT_KIND } from "./file.js";

/**
 * Refuses `--region`/`--account-id` beside a snapshot input. They label a raw `get-account`
 * input, which names neither; a snapshot names the Region and account of every target itself,
 * so the labels would be ignored without a word. Called on text parseInput has accepted.
 */
export function refuseLabelsOnSnapshot(name: string, text: string, labelled: string[]): void {
  if (labelled.length === 0) return;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const kind = (JSON.parse(body) as { kind?: unknown }).kind;
  if (kind !== SNAPSHOT_KIND) return;
  throw usageError(
    "input/snapshot-with-labels",
    `${labelled.join(" and ")} ${labelled.length === 1 ? "labels" : "label"} a get-account input; ${name} is a snapshot, which names the Region and account of each target itself: leave ${labelled.length === 1 ? "it" : "them"} out`,
  );
}
