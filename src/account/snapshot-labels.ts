import { usageError } from "../errors.js";

/**
 * Refuses `--region`/`--account-id` beside a snapshot input. They label a raw `get-account`
 * input, which names neither; a snapshot names the Region and account of every target itself,
 * so the labels would be ignored without a word. Called by parseInput once it has accepted a
 * snapshot, so a snapshot's own problems are reported first.
 */
export function refuseLabelsOnSnapshot(name: string, labelled: string[]): void {
  if (labelled.length === 0) return;
  throw usageError(
    "input/snapshot-with-labels",
    `${labelled.join(" and ")} ${labelled.length === 1 ? "labels" : "label"} a get-account input; ${name} is a snapshot, which names the Region and account of each target itself: leave ${labelled.length === 1 ? "it" : "them"} out`,
  );
}
