/** What the authoring commands (test, init, schema, rules) need from the process, passed in by cli.ts. */
export interface CommandIo {
  /** The working directory: paths on the command line are relative to it. */
  cwd: string;
  now(): Date;
  /** Whether standard output may use colour. */
  color: boolean;
  /** Whether standard output may use ✓/✗ (a terminal) rather than plain words. */
  unicode: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}
