import type { Formatter } from "../types.js";
import { formatJson } from "./json.js";
import { formatText } from "./text.js";

/** Every report format by the name `--format` takes. */
export const formatters: Readonly<Record<string, Formatter>> = {
  text: formatText,
  json: formatJson,
};

/** The names `--format` accepts. */
export const formatNames = Object.keys(formatters);
