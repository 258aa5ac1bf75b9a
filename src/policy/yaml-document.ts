import { isAlias, isScalar, isSeq, isMap as isYamlMap, LineCounter, type Node, parseDocument } from "yaml";
import { describeUtf16, SAVE_AS_UTF8 } from "../account/text-encoding.js";
import type { Diagnostic } from "../errors.js";
import type { SourceLocation } from "../types.js";
import { yamlLimits } from "./yaml-limits.js";

export { yamlLimits };

/** A place in a YAML file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** A YAML file as plain data, with the position of every value and key by JSON pointer. */
export interface YamlDocument {
  file: string;
  value: unknown;
  /** Position of the value at a JSON pointer (`/rules/0/check`), or of the nearest parent. */
  positionOf(pointer: string): Position;
  /** Position of the key that names the value at a pointer (for "unknown key" messages). */
  keyPositionOf(pointer: string): Position;
  /** The file, line and column of the value at a pointer, or of its key when `key` is set. */
  locate(pointer: string, key?: boolean): SourceLocation;
}

/** Reading a YAML file failed: every problem found, each with its place. */
export type YamlParseResult = { ok: true; document: YamlDocument } | { ok: false; diagnostics: Diagnostic[] };

/** Parses YAML text into plain data with positions, refusing alias bombs and deep nesting fast. */
export function parseYaml(file: string, text: string): YamlParseResult {
  const fail = (code: string, message: string, position?: Position): YamlParseResult => ({
    ok: false,
    diagnostics: [{ code, message, file, ...(position ?? {}) }],
  });
  if (Buffer.byteLength(text, "utf8") > yamlLimits.maxBytes) {
    return fail(
      "yaml/too-large",
      `file is larger than ${yamlLimits.maxBytes / 1024} KiB; refusing to read it`,
    );
  }
  const utf16 = describeUtf16(text);
  if (utf16)
    return fail("yaml/encoding", `file is ${utf16}, not UTF-8: ${SAVE_AS_UTF8}`, { line: 1, column: 1 });
  const tooDeep = `file nests deeper than ${yamlLimits.maxDepth} levels; refusing it`;
  // The parser takes seconds over a megabyte of nested brackets (and then reports its own stack
  // overflow); nesting that deep is refused before parsing instead.
  const deep = deepFlowOffset(text, yamlLimits.maxDepth);
  if (deep !== undefined) {
    const before = text.slice(0, deep).split("\n");
    return fail("yaml/too-deep", tooDeep, {
      line: before.length,
      column: (before[before.length - 1]?.length ?? 0) + 1,
    });
  }
  const lineCounter = new LineCounter();
  // Duplicate keys are found below, in one pass: the library's own check compares every key of a
  // map with every other one, which takes minutes on a map of tens of thousands of keys.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, version: "1.2" });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((error) =>
        // The parser reports running out of stack on block collections nested hundreds deep.
        /^Maximum call stack size exceeded/.test(error.message)
          ? { code: "yaml/too-deep", message: tooDeep, file, ...at(error.pos[0]) }
          : error.code === "MULTIPLE_DOCS"
            ? {
                code: "yaml/multiple-documents",
                message:
                  "a second YAML document starts here (after `---`); a policy file holds one document: remove the `---` line, or move the second policy to a file of its own and list it under `extends`",
                file,
                ...at(error.pos[0]),
              }
            : {
                code: "yaml/syntax",
                message: `invalid YAML: ${firstLine(error.message)}`,
                file,
                ...at(error.pos[0]),
              },
      ),
    };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return fail("yaml/empty", "file is empty; a policy starts with `version: 1`", { line: 1, column: 1 });
  }

  const values = new Map<string, Position>();
  const keys = new Map<string, Position>();
  const duplicates = new Map<string, Diagnostic>();
  let nodes = 0;
  const convert = (node: unknown, pointer: string, depth: number): unknown => {
    if (++nodes > yamlLimits.maxNodes) throw new LimitError("yaml/too-many-nodes", pointer);
    if (depth > yamlLimits.maxDepth) throw new LimitError("yaml/too-deep", pointer);
    if (isAlias(node)) {
      // Expanding aliases counts every copy, so a billion-laughs document stops at the node limit.
      return convert(node.resolve(doc), pointer, depth + 1);
    }
    const range = (node as Node | null)?.range;
    if (range) values.set(pointer, at(range[0]));
    if (isYamlMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key !== "string" && typeof key !== "number" && typeof key !== "boolean") {
          throw new LimitError("yaml/bad-key", pointer, "map keys must be plain names");
        }
        const name = String(key);
        const child = `${pointer}/${escapePointer(name)}`;
        const keyRange = (pair.key as Node).range;
        if (Object.hasOwn(out, name)) {
          const place = keyRange ? at(keyRange[0]) : (nearest(values, pointer) ?? { line: 1, column: 1 });
          duplicates.set(`${place.line}:${place.column}`, {
            code: "yaml/syntax",
            message: `invalid YAML: Map keys must be unique (${JSON.stringify(name)} is given twice)`,
            file,
            ...place,
          });
          continue;
        }
        if (keyRange) keys.set(child, at(keyRange[0]));
        Object.defineProperty(out, name, {
          value: convert(pair.value, child, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        if (!values.has(child) && keyRange) values.set(child, at(keyRange[0]));
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item, i) => convert(item, `${pointer}/${i}`, depth + 1));
    if (isScalar(node)) {
      // `.inf`, `-.inf` and `.nan` are numbers to YAML, but no policy value can use them (JSON
      // and every report would print them as null): refuse them where they are written.
      if (typeof node.value === "number" && !Number.isFinite(node.value)) {
        throw new LimitError("yaml/non-finite", pointer, nonFiniteMessage(node.source, node.value));
      }
      return node.value;
    }
    return null;
  };

  let value: unknown;
  try {
    value = convert(doc.contents, "", 0);
  } catch (error) {
    if (!(error instanceof LimitError)) throw error;
    const position = nearest(values, error.pointer) ?? { line: 1, column: 1 };
    const messages: Record<string, string> = {
      "yaml/too-many-nodes": `file expands to more than ${yamlLimits.maxNodes} values (aliases repeat what they point at); refusing it as a resource-exhaustion risk`,
      "yaml/too-deep": tooDeep,
    };
    return fail(error.code, error.detail ?? messages[error.code] ?? error.code, position);
  }
  if (duplicates.size > 0) return { ok: false, diagnostics: [...duplicates.values()] };

  const positionOf = (pointer: string): Position => nearest(values, pointer) ?? { line: 1, column: 1 };
  const keyPositionOf = (pointer: string): Position => keys.get(pointer) ?? positionOf(pointer);
  return {
    ok: true,
    document: {
      file,
      value,
      positionOf,
      keyPositionOf,
      locate: (pointer, key = false) => ({ file, ...(key ? keyPositionOf(pointer) : positionOf(pointer)) }),
    },
  };
}

class LimitError extends Error {
  constructor(
    readonly code: string,
    readonly pointer: string,
    readonly detail?: string,
  ) {
    super(code);
  }
}

/**
 * Where flow collections (`[`, `{`) first nest deeper than `limit`, or undefined: a scan in one
 * pass that skips comments and quoted scalars. Brackets inside plain scalars are counted too, so it
 * can only overestimate, and only a file with more than `limit` unclosed brackets is refused.
 */
function deepFlowOffset(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const previous = text[i - 1] ?? " ";
    if (char === "#" && /\s/.test(previous)) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    } else if ((char === '"' || char === "'") && /[\s[{,:]/.test(previous)) {
      // Skip to the closing quote: `\"` escapes in double quotes, `''` in single quotes.
      for (i++; i < text.length; i++) {
        if (char === '"' && text[i] === "\\") i++;
        else if (text[i] === char && !(char === "'" && text[i + 1] === "'")) break;
        else if (char === "'" && text[i] === "'") i++;
      }
    } else if (char === "[" || char === "{") {
      depth += 1;
      if (depth > limit) return i;
    } else if ((char === "]" || char === "}") && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}

function nearest(positions: Map<string, Position>, pointer: string): Position | undefined {
  let current = pointer;
  for (;;) {
    const hit = positions.get(current);
    if (hit) return hit;
    if (current === "") return undefined;
    current = current.slice(0, current.lastIndexOf("/"));
  }
}

/** True for a YAML map read as plain data (not a list, not null): what `parseYaml` makes of `{}`. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Escapes a key for a JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

function nonFiniteMessage(source: unknown, value: number): string {
  const written = typeof source === "string" && source !== "" ? source : String(value);
  const what = Number.isNaN(value) ? "not-a-number" : value > 0 ? "infinity" : "minus infinity";
  return `${written} is YAML for ${what}, which a policy cannot use; write a finite number (for an unlimited quota, SES reports Max24HourSend as -1, and $quotaUnlimited is true)`;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
