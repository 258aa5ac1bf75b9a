import type { Formatter } from "../types.js";
import { formatJson } from "./json.js";
import { formatText } from "./text.js";

/**
 * Every report format by the name `--format` takes. The terminal's text and the JSON report are
 * part of the CLI's start-up; the CI formats are loaded when a run asks for them, so a plain check
 * does not compile them (the start-up budget in BENCHMARKS.md).
 */
const loaders: Readonly<Record<string, () => Promise<Formatter>>> = {
  text: async () => formatText,
  json: async () => formatJson,
  sarif: async () => (await import("./sarif.js")).formatSarif,
  junit: async () => (await import("./junit.js")).formatJunit,
  markdown: async () => (await import("./markdown.js")).formatMarkdown,
  github: async () => (await import("./github.js")).formatGithub,
};

/** The names `--format` accepts. */
export const formatNames = Object.keys(loaders);

/** The formatter named `name`, or undefined when there is no such format. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(loaders, name) ? await loaders[name]?.() : undefined;
}

/** Every formatter by name, loaded. */
export async function loadFormatters(): Promise<Record<string, Formatter>> {
  const all: Record<string, Formatter> = {};
  for (const name of formatNames) all[name] = (await loadFormatter(name)) as Formatter;
  return all;
}
