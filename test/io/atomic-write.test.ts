/**
 * src/io/atomic-write.ts with what is not a regular file: a report path that leads to a device,
 * a named pipe, a directory or a symbolic link is never renamed over. (As root, a rename would
 * replace /dev/null for the whole machine; these tests use device nodes and pipes of their own.)
 */
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/io/atomic-write.js";
import { describeFsError } from "../../src/io/fs-errors.js";

const dir = mkdtempSync(join(tmpdir(), "ses-guard-atomic-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mkfifo(path: string): void {
  const made = spawnSync("mkfifo", [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

/** A character device node like /dev/null (major 1, minor 3), when this process may make one. */
function nullDevice(path: string): boolean {
  return spawnSync("mknod", [path, "c", "1", "3"]).status === 0;
}

function failure(path: string): string {
  try {
    writeFileAtomic(path, "report\n");
  } catch (error) {
    return describeFsError(error);
  }
  throw new Error("the write did not fail");
}

describe("writeFileAtomic and what is not a regular file", () => {
  it("writes into a character device and leaves it a device", (context) => {
    const device = join(dir, "null");
    if (!nullDevice(device)) context.skip();
    writeFileAtomic(device, "report\n");
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("writes into a named pipe that a process reads, and leaves it a pipe", async () => {
    const pipe = join(dir, "pipe");
    mkfifo(pipe);
    const reader = spawn("cat", [pipe]);
    let received = "";
    reader.stdout.on("data", (chunk: Buffer) => {
      received += chunk.toString("utf8");
    });
    // More than a pipe holds, so the write has to wait for the reader as it goes.
    const text = `${"x".repeat(200_000)}\nend\n`;
    // Until `cat` has the pipe open, there is no reader and the write is refused: try again.
    for (let attempt = 0; ; attempt += 1) {
      try {
        writeFileAtomic(pipe, text);
        break;
      } catch (error) {
        if (attempt > 200 || !/no process is reading/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await once(reader, "close");
    expect(received).toBe(text);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it("refuses a named pipe that nobody reads, at once and without replacing it", () => {
    const pipe = join(dir, "lonely-pipe");
    mkfifo(pipe);
    expect(failure(pipe)).toBe("it is a named pipe that no process is reading");
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it("refuses a directory", () => {
    mkdirSync(join(dir, "folder"));
    expect(failure(join(dir, "folder"))).toBe("it is a directory, not a file");
    expect(statSync(join(dir, "folder")).isDirectory()).toBe(true);
  });

  it("keeps a symbolic link a link, replacing the file it leads to", () => {
    const target = join(dir, "real-report.json");
    writeFileSync(target, "old\n");
    const link = join(dir, "report.json");
    symlinkSync(target, link);
    writeFileAtomic(link, "new\n");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, "utf8")).toBe("new\n");
  });

  it("refuses a symbolic link to nothing rather than replacing the link", () => {
    const link = join(dir, "dangling.json");
    symlinkSync(join(dir, "missing", "file.json"), link);
    expect(failure(link)).toBe("it is a symbolic link to a file that does not exist");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("still replaces a regular file atomically", () => {
    const file = join(dir, "plain.json");
    writeFileSync(file, "old\n");
    const before = statSync(file).ino;
    writeFileAtomic(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    // A new file was renamed into place: readers never saw a half-written one.
    expect(statSync(file).ino).not.toBe(before);
  });
});
