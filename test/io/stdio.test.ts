/**
 * src/io/stdio.ts on its own: which descriptors count as a terminal. Writing is tested through the
 * built CLI (test/cli/output-pipes.test.ts), where the descriptors are real pipes.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isTerminal } from "../../src/io/stdio.js";

const dir = mkdtempSync(join(tmpdir(), "ses-guard-stdio-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withFd<T>(path: string, flags: string, use: (fd: number) => T): T {
  const fd = openSync(path, flags);
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

describe("isTerminal", () => {
  it("says no for /dev/null, a character device that is not a terminal", () => {
    expect(withFd("/dev/null", "w", isTerminal)).toBe(false);
  });

  it("says no for a regular file", () => {
    const file = join(dir, "out.txt");
    writeFileSync(file, "");
    expect(withFd(file, "w", isTerminal)).toBe(false);
  });

  it("says no for a descriptor that is not open", () => {
    expect(isTerminal(987_654)).toBe(false);
  });
});
