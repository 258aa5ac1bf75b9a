/** The values of check's single options: each parsed, or refused with a message saying what is accepted. */
import { usageError } from "../errors.js";
import { DEFAULT_TIMEOUT_SECONDS } from "../run.js";
import { didYouMean } from "../suggest.js";
import { parseRegionList } from "../targets/region-names.js";
import { regionHint } from "../targets/region-suggestion.js";
import { FAIL_ON_VALUES, type FailOn } from "../types.js";

/** The range --timeout accepts, in seconds; the message says exactly this range. */
export const MIN_TIMEOUT_SECONDS = 0.1;
export const MAX_TIMEOUT_SECONDS = 3600;

/** `--region` lists (comma-separated, repeatable) or `--all-regions`, never both. */
export function parseRegions(raw: string[], all: boolean): string[] | "all" {
  const parsed = parseRegionList(raw.flatMap((r) => r.split(",")));
  const named = "regions" in parsed ? parsed.regions.length > 0 : true;
  if (all && named)
    throw usageError("cli/regions-conflict", "use either --region or --all-regions, not both");
  if (all) return "all";
  if ("invalid" in parsed) {
    throw usageError(
      "cli/invalid-region",
      `"${parsed.invalid}" is not an AWS region name${regionHint(parsed.invalid)}`,
    );
  }
  if (raw.length > 0 && parsed.regions.length === 0)
    throw usageError("cli/invalid-region", "--region needs a region name, e.g. us-east-1");
  return parsed.regions;
}

/** `--fail-on`, with a did-you-mean. */
export function parseFailOn(raw: string | undefined): FailOn {
  if (raw === undefined) return "error";
  if ((FAIL_ON_VALUES as readonly string[]).includes(raw)) return raw as FailOn;
  throw usageError(
    "cli/invalid-fail-on",
    `--fail-on "${raw}" is not valid${didYouMean(raw, FAIL_ON_VALUES)}; use one of ${FAIL_ON_VALUES.join(", ")}`,
  );
}

/** `--timeout` in seconds, within the range the message names. */
export function parseTimeout(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = Number(raw);
  // Below the minimum a request's deadline would round to 0 ms, which the SDK takes as "none".
  if (raw.trim() === "" || !(seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw usageError(
      "cli/invalid-timeout",
      `--timeout "${raw}" must be a number of seconds from ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS}`,
    );
  }
  return seconds;
}

/** `--endpoint-url`: an http(s) URL. */
export function parseEndpoint(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return raw;
  } catch {
    // Fall through to the usage error below.
  }
  // Shown without a user name and password the URL may carry: an error message is output too.
  const shown = raw.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, "$1[redacted]@");
  throw usageError("cli/invalid-endpoint", `--endpoint-url "${shown}" is not an http(s) URL`);
}
