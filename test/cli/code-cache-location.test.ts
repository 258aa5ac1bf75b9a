import { describe, expect, it } from "vitest";
import {
  cacheFileName,
  cacheFolderName,
  cacheRoot,
  commandKey,
  entryKey,
} from "../../src/cli/code-cache/cache-location.js";

describe("where the code cache lives", () => {
  it("is under the user's cache directory, and off when asked", () => {
    expect(cacheRoot({}, "/home/ana")).toBe("/home/ana/.cache/ses-guard/compile-cache");
    expect(cacheRoot({ XDG_CACHE_HOME: "/var/cache/ana" }, "/home/ana")).toBe(
      "/var/cache/ana/ses-guard/compile-cache",
    );
    // A relative XDG_CACHE_HOME is ignored, as the specification says.
    expect(cacheRoot({ XDG_CACHE_HOME: "cache" }, "/home/ana")).toBe(
      "/home/ana/.cache/ses-guard/compile-cache",
    );
    expect(cacheRoot({}, "")).toBeUndefined();
    expect(cacheRoot({ SES_GUARD_COMPILE_CACHE: "0" }, "/home/ana")).toBeUndefined();
    expect(cacheRoot({ NODE_DISABLE_COMPILE_CACHE: "1" }, "/home/ana")).toBeUndefined();
    expect(cacheRoot({ SES_GUARD_COMPILE_CACHE: "1" }, "/home/ana")).toBeDefined();
  });

  it("keeps builds, Node versions and commands apart, in plain one-segment names", () => {
    expect(cacheFolderName({ buildId: "0123abcd", nodeVersion: "20.20.2", arch: "x64" })).toBe(
      "0123abcd-node20.20.2-x64",
    );
    expect(cacheFolderName({ buildId: "../x", nodeVersion: "24.0.0", arch: "arm64" })).toBe(
      ".._x-node24.0.0-arm64",
    );
    expect(commandKey(["check", "--input", "x"])).toBe("check");
    expect(commandKey(["--version"])).toBe("other");
    expect(commandKey([])).toBe("other");
    expect(commandKey(["../../etc"])).toBe("other");
    const version = { size: 4096, mtimeMs: 1764806400123.75 };
    expect(cacheFileName("chunks/yaml-AB12.js", "check", version)).toBe(
      "chunks~yaml-AB12.js@check.4096-1764806400123.v8cache",
    );
    expect(cacheFileName("a/../b.js", "x y", version)).not.toContain("/");
    // The file and command an entry is for, whatever its version; nothing for a temporary file.
    expect(entryKey("cli-main.js@check.82891-1796355628691.v8cache")).toBe("cli-main.js@check");
    expect(entryKey("cli-main.js@check.82891-1796355628691.v8cache.4242.tmp")).toBeUndefined();
  });
});
