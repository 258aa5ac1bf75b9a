/**
 * The loader behind dist/cli.js: ses-guard's own files as CommonJS modules through a V8 code cache
 * made at the end of a run. Exercised in-process on small files of its own: the modules behave as
 * under Node's loader, the cache is made and found, and never read from a folder someone else could
 * write. (Whether V8 takes a cache is seen only across processes: within one, V8 answers a second
 * compile of the same source from memory. test/cli/code-cache.test.ts runs dist/cli.js for that.)
 */
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createOwnModuleLoader } from "../../src/cli/code-cache/own-module-loader.js";
import { tempDir } from "../helpers/cli.js";

const temps: Array<{ cleanup: () => void }> = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.cleanup();
});

/** A dist/ of two files (an entry and a chunk it requires twice), and a cache root beside it. */
function fixture() {
  const temp = tempDir("ses-guard-code-cache-");
  temps.push(temp);
  const dist = join(temp.dir, "dist");
  mkdirSync(join(dist, "chunks"), { recursive: true });
  writeFileSync(
    join(dist, "main.js"),
    [
      "#!/usr/bin/env node",
      '"use strict";',
      'const path = require("node:path");',
      'const a = require("./chunks/a.js");',
      'const again = require("./chunks/a.js");',
      "exports.sum = a.add(2, 3);",
      "exports.same = a === again;",
      "exports.base = path.basename(__filename);",
      "exports.dir = __dirname;",
      "exports.fail = () => { throw new Error('from main'); };",
      'exports.later = () => require("./chunks/later.js").value;',
      'exports.flaky = () => require("./chunks/flaky.js").ok;',
      "",
    ].join("\n"),
  );
  writeFileSync(join(dist, "chunks", "a.js"), "let calls = 0;\nexports.add = (x, y) => (calls++, x + y);\n");
  writeFileSync(join(dist, "chunks", "later.js"), "exports.value = 42;\n");
  // Throws the first time its body runs in a process, and not after.
  writeFileSync(
    join(dist, "chunks", "flaky.js"),
    'const key = Symbol.for(__filename);\nif (!globalThis[key]) { globalThis[key] = 1; throw new Error("first time"); }\nexports.ok = true;\n',
  );
  const root = join(temp.dir, "cache");
  return { dist, root, folder: join(root, "build-1") };
}

function loaderFor(paths: { dist: string; root: string; folder: string }, command = "check") {
  return createOwnModuleLoader({
    distRoot: paths.dist,
    cacheRoot: paths.root,
    cacheFolder: paths.folder,
    command,
    nodeRequire: createRequire(import.meta.url),
  });
}

/** The name of a file's cache entry: its id, the command, its size and modification time. */
function entry(paths: { dist: string }, id: string, command = "check"): string {
  const { size, mtimeMs } = statSync(join(paths.dist, id));
  return `${id.replaceAll("/", "~")}@${command}.${size}-${Math.trunc(mtimeMs)}.v8cache`;
}

type Main = {
  sum: number;
  same: boolean;
  base: string;
  dir: string;
  fail: () => never;
  later: () => number;
  flaky: () => boolean;
};

describe("the code cache loader", () => {
  it("runs the files as CommonJS modules, one instance each, with Node's five arguments", () => {
    const paths = fixture();
    const exports = loaderFor(paths).load(join(paths.dist, "main.js")) as Main;
    expect(exports.sum).toBe(5);
    expect(exports.same).toBe(true);
    expect(exports.base).toBe("main.js");
    expect(exports.dir).toBe(paths.dist);
  });

  it("does not keep a module whose body threw: the next require runs it again", () => {
    const paths = fixture();
    const exports = loaderFor(paths).load(join(paths.dist, "main.js")) as Main;
    expect(() => exports.flaky()).toThrow("first time");
    expect(exports.flaky()).toBe(true);
  });

  it("keeps each file's own line numbers in stack traces", () => {
    const paths = fixture();
    const exports = loaderFor(paths).load(join(paths.dist, "main.js")) as Main;
    expect(() => exports.fail()).toThrow("from main");
    try {
      exports.fail();
    } catch (error) {
      expect(String((error as Error).stack)).toContain(`${join(paths.dist, "main.js")}:10:`);
    }
  });

  it("makes the cache at the end of a run, privately, and uses it in the next", () => {
    const paths = fixture();
    const first = loaderFor(paths);
    first.load(join(paths.dist, "main.js"));
    expect([...first.outcomes()]).toEqual([
      ["main.js", "made"],
      ["chunks/a.js", "made"],
    ]);
    first.save();
    expect(readdirSync(paths.folder).sort()).toEqual([entry(paths, "chunks/a.js"), entry(paths, "main.js")]);
    expect(statSync(paths.folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(paths.folder, entry(paths, "main.js"))).mode & 0o777).toBe(0o600);

    const second = loaderFor(paths);
    expect((second.load(join(paths.dist, "main.js")) as Main).sum).toBe(5);
    expect([...second.outcomes().values()]).toEqual(["hit", "hit"]);
    second.save();
  });

  it("makes every cache of a run again when it loads a file for the first time, and only then", () => {
    const paths = fixture();
    const inodes = () =>
      Object.fromEntries(
        readdirSync(paths.folder).map((name) => [name, statSync(join(paths.folder, name)).ino]),
      );
    const first = loaderFor(paths);
    first.load(join(paths.dist, "main.js"));
    first.save();
    const afterFirst = inodes();

    // The same command down a longer path: the new file's cache is made, and the entry's again.
    const second = loaderFor(paths);
    expect((second.load(join(paths.dist, "main.js")) as Main).later()).toBe(42);
    expect(second.outcomes().get("chunks/later.js")).toBe("made");
    second.save();
    const afterSecond = inodes();
    expect(Object.keys(afterSecond)).toContain(entry(paths, "chunks/later.js"));
    expect(afterSecond[entry(paths, "main.js")]).not.toBe(afterFirst[entry(paths, "main.js")]);

    // Every file found: nothing is written.
    const third = loaderFor(paths);
    (third.load(join(paths.dist, "main.js")) as Main).later();
    expect([...third.outcomes().values()]).toEqual(["hit", "hit", "hit"]);
    third.save();
    expect(inodes()).toEqual(afterSecond);
  });

  it("keeps one cache per command", () => {
    const paths = fixture();
    const check = loaderFor(paths, "check");
    check.load(join(paths.dist, "main.js"));
    check.save();
    const validate = loaderFor(paths, "validate");
    validate.load(join(paths.dist, "main.js"));
    expect(validate.outcomes().get("main.js")).toBe("made");
    validate.save();
    expect(readdirSync(paths.folder)).toContain(entry(paths, "main.js", "validate"));
  });

  it("never meets a file changed in place with the code of what it was, even at the same length", () => {
    const paths = fixture();
    const first = loaderFor(paths);
    expect((first.load(join(paths.dist, "main.js")) as Main).sum).toBe(5);
    first.save();
    const chunk = join(paths.dist, "chunks", "a.js");
    const before = readFileSync(chunk, "utf8");
    const patched = before.replace("x + y", "x * y");
    expect(patched.length).toBe(before.length);
    const stale = entry(paths, "chunks/a.js");
    writeFileSync(chunk, patched);
    utimesSync(chunk, new Date(), new Date(Date.now() + 5000));
    const second = loaderFor(paths);
    expect((second.load(join(paths.dist, "main.js")) as Main).sum).toBe(6);
    expect(second.outcomes().get("chunks/a.js")).toBe("made");
    second.save();
    // The entry of what the file was is removed with the new one written; the others stay.
    const names = readdirSync(paths.folder);
    expect(names).toContain(entry(paths, "chunks/a.js"));
    expect(names).toContain(entry(paths, "main.js"));
    expect(names).not.toContain(stale);
  });

  it.each([
    ["another user can write the cache folder", (p: { folder: string }) => chmodSync(p.folder, 0o777)],
    [
      "the cache folder is a file",
      (p: { folder: string }) => {
        rmSync(p.folder, { recursive: true });
        writeFileSync(p.folder, "x");
      },
    ],
    ["another user can write the folder above it", (p: { root: string }) => chmodSync(p.root, 0o757)],
  ])("neither reads nor writes the cache when %s", (_case, spoil) => {
    const paths = fixture();
    const first = loaderFor(paths);
    first.load(join(paths.dist, "main.js"));
    first.save();
    spoil(paths);
    const second = loaderFor(paths);
    expect((second.load(join(paths.dist, "main.js")) as Main).sum).toBe(5);
    expect([...second.outcomes().values()]).toEqual(["off", "off"]);
    second.save();
  });

  it("works without a cache at all, and writes nothing", () => {
    const paths = fixture();
    const loader = createOwnModuleLoader({
      distRoot: paths.dist,
      cacheRoot: undefined,
      cacheFolder: undefined,
      command: "check",
      nodeRequire: createRequire(import.meta.url),
    });
    expect((loader.load(join(paths.dist, "main.js")) as Main).sum).toBe(5);
    loader.save();
    expect(readdirSync(join(paths.dist, ".."))).toEqual(["dist"]);
  });

  it("prunes other builds' folders that no run wrote for 30 days, and keeps recent ones", () => {
    const paths = fixture();
    const old = join(paths.root, "build-0");
    const recent = join(paths.root, "build-2");
    mkdirSync(old, { recursive: true, mode: 0o700 });
    mkdirSync(recent, { mode: 0o700 });
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(old, longAgo, longAgo);
    const loader = loaderFor(paths);
    loader.load(join(paths.dist, "main.js"));
    loader.save();
    expect(readdirSync(paths.root).sort()).toEqual(["build-1", "build-2"]);
  });
});
