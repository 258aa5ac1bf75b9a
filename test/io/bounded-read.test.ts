/**
 * src/io/bounded-read.ts: files read with a size limit (policies, inputs, test and account files)
 * and standard input, which is not read past the limit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../../src/account/file.js";
import { SesGuardError } from "../../src/errors.js";
import { readBoundedStream, readBoundedText } from "../../src/io/bounded-read.js";
import { runCheck } from "../../src/run.js";

const dir = mkdtempSync(join(tmpdir(), "ses-guard-bounded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readBoundedText", () => {
  it("reads a file within the limit as UTF-8", () => {
    const path = join(dir, "small.txt");
    writeFileSync(path, "héllo");
    expect(readBoundedText(path, 6)).toEqual({ text: "héllo" });
  });

  it("refuses a file over the limit in bytes, with its size, without reading it", () => {
    const path = join(dir, "large.txt");
    writeFileSync(path, "é".repeat(4));
    expect(readBoundedText(path, 7)).toEqual({
      error: "it is 8 bytes; the limit is 7",
      tooLarge: true,
      size: 8,
    });
  });

  it("tells a directory from other failures", () => {
    const path = join(dir, "a-directory");
    mkdirSync(path);
    expect(readBoundedText(path, 1024)).toEqual({
      error: "it is a directory, not a file",
      isDirectory: true,
    });
    expect(readBoundedText(join(dir, "missing.txt"), 1024)).toEqual({ error: "no such file" });
  });
});

/** An endless stream, recording how many chunks were taken and whether it was ended. */
function endless(chunk: string | Uint8Array) {
  const state = { taken: 0, ended: false };
  async function* chunks() {
    try {
      for (;;) {
        state.taken += 1;
        yield chunk;
      }
    } finally {
      state.ended = true;
    }
  }
  return { state, chunks: chunks() };
}

describe("readBoundedStream", () => {
  it("joins the chunks before decoding, so a character split between two stays whole", async () => {
    const bytes = Buffer.from("aéb", "utf8");
    async function* split() {
      yield bytes.subarray(0, 2);
      yield bytes.subarray(2);
    }
    expect(await readBoundedStream(split(), 4)).toBe("aéb");
  });

  it("stops reading, and ends the stream, once it passes the limit", async () => {
    const { state, chunks } = endless(Buffer.alloc(1024, 0x61));
    expect(await readBoundedStream(chunks, 10 * 1024)).toBeUndefined();
    expect(state.taken).toBe(11);
    expect(state.ended).toBe(true);
  });

  it("counts bytes, not characters", async () => {
    async function* wide() {
      yield "éé";
    }
    expect(await readBoundedStream(wide(), 3)).toBeUndefined();
    expect(await readBoundedStream(wide(), 4)).toBe("éé");
  });
});

describe("check --input - over the limit", () => {
  it("is refused as too large, not as invalid JSON, when most of it is non-ASCII", async () => {
    // 4.4 MB of "é" in 64 KiB chunks: under the limit in characters, over it in bytes.
    async function* stdin() {
      yield Buffer.from('{"SendingEnabled": true, "x": "', "utf8");
      const chunk = Buffer.from("é".repeat(32 * 1024), "utf8");
      for (let sent = 0; sent < 4_400_000; sent += chunk.length) yield chunk;
      yield Buffer.from('"}', "utf8");
    }
    const run = runCheck(
      {
        policies: [],
        inputs: ["-"],
        regions: [],
        formats: [{ name: "json" }],
        failOn: "error",
        timeoutSeconds: 10,
      },
      {
        cwd: dir,
        env: {},
        now: () => new Date("2025-01-01T00:00:00Z"),
        readStdin: (maxBytes) => readBoundedStream(stdin(), maxBytes),
        color: false,
      },
    );
    await expect(run).rejects.toBeInstanceOf(SesGuardError);
    await expect(run).rejects.toMatchObject({
      exitCode: 2,
      diagnostics: [
        {
          code: "input/too-large",
          message: `input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB; a GetAccount response is a few KiB`,
          file: "<stdin>",
        },
      ],
    });
  });
});
