/**
 * Renders account and policy values for messages: short, unambiguous, one line, no control
 * characters (they are escaped, so AWS data cannot move a terminal cursor or forge a line).
 */

const MAX_LENGTH = 200;
const BARE_WORD = /^[A-Za-z0-9_.@:/+-]+$/;

/** Formats one value: `BOUNCE`, `[BOUNCE, COMPLAINT]`, `80`, `true`, `"two words"`. */
export function formatValue(value: unknown): string {
  return clip(render(value), MAX_LENGTH);
}

/** Cuts `text` to at most `max` characters, ending a cut text with `…` so the cut shows. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function render(value: unknown): string {
  if (value === undefined) return "not set";
  if (value === null) return "null";
  if (typeof value === "string") return BARE_WORD.test(value) ? value : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(render).join(", ")}]`;
  return JSON.stringify(value) ?? String(value);
}

/**
 * Formats a value of the wrong type in account data: like {@link formatValue}, but a string is
 * always quoted, so the string `"true"` cannot be read as the boolean the model expects.
 */
export function formatLiteral(value: unknown): string {
  if (typeof value !== "string") return formatValue(value);
  return clip(JSON.stringify(value), MAX_LENGTH);
}

/** Formats a list of values as `[A, B]`. */
export function formatList(values: readonly unknown[]): string {
  return formatValue(values);
}

/**
 * Formats values as `A, B`: the items of {@link formatList} without the brackets, cut at the same
 * length, so a long list still ends in `…` rather than looking complete.
 */
export function formatItems(values: readonly unknown[]): string {
  return clip(values.map(render).join(", "), MAX_LENGTH);
}

/** The JSON-ish type name of a value, for "wrong type" messages. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "object") return "structure";
  return typeof value;
}
