/** Reading and writing dotted paths in plain account data, without changing the original. */

/** The value at a dotted path, or undefined when any member on the way is missing. */
export function valueAt(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const name of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    if (value === undefined || value === null) return undefined;
  }
  return value;
}

/** A deep copy of JSON data. */
export function cloneData<T>(data: T): T {
  return structuredClone(data);
}

/** Sets a dotted path in `data` (mutating it), creating the structures on the way. */
export function setValueAt(data: Record<string, unknown>, path: string, value: unknown): void {
  const names = path.split(".");
  let node: Record<string, unknown> = data;
  for (const name of names.slice(0, -1)) {
    const next = node[name];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[name] = {};
    node = node[name] as Record<string, unknown>;
  }
  node[names[names.length - 1] as string] = structuredClone(value);
}
