/**
 * Rules about how options combine, checked after parsing: an option is never silently dropped,
 * whether given twice, contradicted by another, or meaningless for the data being checked.
 */
import { usageError } from "../errors.js";

/**
 * Options that only shape a live read of AWS. With `--input` (saved data) nothing is read live,
 * so each of them would be ignored without a word; they are refused instead.
 */
export const liveOnlyOptions: readonly string[] = ["all-regions", "profile", "endpoint-url", "timeout"];

/** Refuses a single-valued option given more than once: only one of its values could count. */
export function refuseRepeated(repeated: readonly string[]): void {
  const [first] = repeated;
  if (first === undefined) return;
  throw usageError(
    "cli/repeated-option",
    `--${first} is given more than once; it takes one value, so give it once (see --help)`,
  );
}

/** Refuses options that cannot both hold, and live-read options beside `--input`. */
export function refuseConflicts(given: readonly string[]): void {
  if (given.includes("color") && given.includes("no-color"))
    throw usageError("cli/options-conflict", "use either --color or --no-color, not both");
  if (!given.includes("input")) return;
  const live = liveOnlyOptions.find((name) => given.includes(name));
  if (live !== undefined) {
    throw usageError(
      "cli/input-with-live-option",
      `--${live} applies to reading the live account; it cannot be used with --input (saved data)`,
    );
  }
}
