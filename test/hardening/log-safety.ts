/**
 * What a CI log and a terminal would act on in ses-guard's output, checked the way they read it.
 *
 * The GitHub Actions runner reads a step's output line by line (a line ends at CR, LF or CRLF)
 * and tries two command syntaxes on every line: `::name props::data` when the line starts with
 * `::` after leading whitespace, and the older `##[name props]data` anywhere in the line
 * (actions/runner: ActionCommand.TryParseV2, then ActionCommand.TryParse). `##[error]` forges an
 * annotation and `##[stop-commands]token` silences every later command of the step. A terminal
 * acts on ESC sequences (CSI, OSC 8 hyperlinks), C1 controls and bidi overrides.
 */

/** Controls a terminal or renderer acts on; TAB and LF excepted, CR included (it rewrites a line). */
export const ACTIVE_CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** An annotation as ses-guard writes it: known properties in order, escaped values, one line. */
const ANNOTATION =
  /^::(error|warning|notice)( (file=[^,:]*,)?(line=\d+,)?(col=\d+,)?title=[^,:]*)?::[^\r\n]*$/;

/** The lines of a log as the runner splits them. */
export function logLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Lines that the runner would take for a workflow command ses-guard did not mean to write: any
 * line starting with `::` (unless `annotations` allows ses-guard's own annotations, which are
 * checked against the exact property syntax ses-guard writes), and any other line holding `##[`.
 */
export function workflowCommandProblems(text: string, options: { annotations?: boolean } = {}): string[] {
  const problems: string[] = [];
  logLines(text).forEach((line, i) => {
    if (line.trimStart().startsWith("::")) {
      // A line the runner parses as a `::` command is never also read for `##[`.
      if (!(options.annotations && ANNOTATION.test(line))) {
        problems.push(`line ${i + 1} is a workflow command: ${JSON.stringify(line)}`);
      }
      return;
    }
    if (line.includes("##[")) problems.push(`line ${i + 1} holds a ##[ command: ${JSON.stringify(line)}`);
  });
  return problems;
}

/**
 * Characters a terminal would act on. With `color`, the SGR sequences ses-guard paints with
 * (`ESC [ n m`) are allowed; any other ESC, C0/C1 control or bidi control is a problem.
 */
export function terminalProblems(text: string, options: { color?: boolean } = {}): string[] {
  const painted = options.color ? text.replace(/\u001b\[[0-9;]*m/g, "") : text;
  const problems: string[] = [];
  logLines(painted).forEach((line, i) => {
    const match = ACTIVE_CONTROL.exec(line);
    if (match) {
      const code = match[0].codePointAt(0)?.toString(16).padStart(4, "0");
      problems.push(`line ${i + 1} holds U+${code}: ${JSON.stringify(line)}`);
    }
  });
  if (/\r/.test(text)) problems.push("a carriage return (it would overwrite the line on a terminal)");
  return problems;
}

/** HTML tags a renderer would act on: any tag but the ones the Markdown format writes itself. */
export function htmlProblems(markdown: string): string[] {
  const own = /<br>|<pre><code>|<\/code><\/pre>|<sub>|<\/sub>|<details>|<\/details>|<summary>|<\/summary>/g;
  const rest = markdown.replace(own, "");
  const problems: string[] = [];
  const tag = /<[^\s<>]+/g;
  for (let match = tag.exec(rest); match; match = tag.exec(rest)) problems.push(`tag ${match[0]}`);
  return problems;
}

/**
 * Undoes the escaping of a workflow command's property value as the runner does (`%0D`, `%0A`,
 * `%3A`, `%2C`, then `%25`), giving back the text a property or message stood for.
 */
export function runnerUnescape(value: string): string {
  return value
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%3A/g, ":")
    .replace(/%2C/g, ",")
    .replace(/%25/g, "%");
}
