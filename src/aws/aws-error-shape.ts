/**
 * Reads what a thrown value says about itself (name, message, `$metadata`) without importing the
 * SDK: anything can be thrown, so every field is checked before it is used.
 */
export function asRecord(error: unknown): Record<string, unknown> {
  return typeof error === "object" && error !== null
    ? (error as Record<string, unknown>)
    : { message: String(error) };
}

export function messageOf(e: Record<string, unknown>): string {
  const message = typeof e.message === "string" ? e.message : "";
  // The SDK appends a sentence about its hidden `$response` field to parse errors: not for users.
  return message.replace(/\s*Deserialization error: to see the raw response.*$/s, "").trim();
}

export function describe(error: unknown): string {
  const e = asRecord(error);
  const name = typeof e.name === "string" && e.name !== "Error" ? e.name : "";
  const message = messageOf(e);
  if (name && message) return `${name}: ${message}`;
  return name || message || "no details";
}

/** An error as one line: `Name: first line of its message` (a bare `Error` is not named). */
export function firstLineSummary(error: unknown): string {
  const name = (error as { name?: unknown })?.name;
  const said = String((error as { message?: unknown })?.message ?? error).split("\n")[0] ?? "";
  return typeof name === "string" && name !== "Error" ? `${name}: ${said}` : said;
}

export function httpStatus(e: Record<string, unknown>): number | undefined {
  const metadata = asRecord(e.$metadata);
  return typeof metadata.httpStatusCode === "number" ? metadata.httpStatusCode : undefined;
}

export function attemptCount(e: Record<string, unknown>): number {
  const metadata = asRecord(e.$metadata);
  return typeof metadata.attempts === "number" ? metadata.attempts : 1;
}

export function isDeserializationError(e: Record<string, unknown>): boolean {
  return e.name === "SyntaxError" || /Deserialization error/.test(String(e.message ?? ""));
}
