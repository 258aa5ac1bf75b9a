/** The yes/no question `fix --apply` asks on a terminal before it changes anything. */
import type { Readable } from "node:stream";

/** Writes `question`, reads one line from `input`; true only for y or yes (any case). */
export function confirmOnTerminal(
  question: string,
  input: Readable,
  write: (text: string) => void,
): Promise<boolean> {
  write(question);
  return new Promise((resolve) => {
    let line = "";
    const finish = (answer: boolean) => {
      input.off("data", onData);
      input.off("end", onEnd);
      input.pause();
      resolve(answer);
    };
    const onData = (chunk: Buffer | string) => {
      line += chunk.toString();
      const end = line.indexOf("\n");
      if (end !== -1) finish(/^\s*y(es)?\s*$/i.test(line.slice(0, end)));
    };
    // No answer (end of input) is no.
    const onEnd = () => finish(false);
    input.on("data", onData);
    input.on("end", onEnd);
    input.resume();
  });
}
