/**
 * The message for a path that is neither in the account model nor a computed fact, with the
 * nearest valid path. Tag facts take any key, so a misspelt `$acountTags.env` is compared with
 * `$accountTags.env` (its own key), not with a placeholder.
 */
import { ACCOUNT_TAGS_PREFIX, allPaths, computedFacts } from "../account/shape.js";
import { didYouMean } from "../suggest.js";

const TAGS_FACT = `${ACCOUNT_TAGS_PREFIX}<Key>`;

/** The facts as messages list them: the quota facts first (the most used), then the target's. */
const FACT_NAMES = [
  "$quotaUsedPercent",
  "$quotaUnlimited",
  ...Object.keys(computedFacts).filter((name) => !name.startsWith("$quota")),
  TAGS_FACT,
];

/** `unknown path "X" (did you mean "Y"?); paths are ...`. */
export function unknownPathMessage(path: string): string {
  const facts = FACT_NAMES.join(", ");
  const spelling = `paths are spelt as in GetAccountResponse (e.g. SuppressionAttributes.SuppressedReasons) or are computed facts (${facts})`;
  if (path === ACCOUNT_TAGS_PREFIX.slice(0, -1) || path === ACCOUNT_TAGS_PREFIX) {
    return `path "${path}" names no tag; write ${TAGS_FACT}, e.g. $accountTags.env`;
  }
  return `unknown path "${path}"${didYouMean(path, candidatesFor(path))}; ${spelling}`;
}

function candidatesFor(path: string): string[] {
  const candidates = allPaths();
  const dot = path.indexOf(".");
  // `$acountTags.env`: the key after the first dot is the user's; only the fact name is misspelt.
  if (path.startsWith("$") && dot > 0 && dot < path.length - 1) {
    candidates.push(`${ACCOUNT_TAGS_PREFIX}${path.slice(dot + 1)}`);
  }
  return candidates;
}
