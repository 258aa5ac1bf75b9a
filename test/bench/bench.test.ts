/**
 * `npm run bench -- --quick`: the benchmark still runs end to end (build, emulator, slow endpoint,
 * engine, sizes) and writes a well-formed table, without touching BENCHMARKS.md. No timing is
 * asserted: the numbers of a quick run on a shared machine mean nothing, only their shape does.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BEGIN_MARKER, END_MARKER } from "../../bench/report.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const benchmarksFile = join(root, "BENCHMARKS.md");
const fingerprint = () =>
  existsSync(benchmarksFile)
    ? createHash("sha256").update(readFileSync(benchmarksFile)).digest("hex")
    : "absent";

/** A median or spread bound as the table prints it: `61.2 ms`, `43.4 MiB`, `1.46 M/s`, `448 k/s`. */
const QUANTITY = String.raw`\d+(?:\.\d+)? (?:ms|MiB|M/s|k/s)`;
const RATIO = String.raw`\d+\.\d\dx`;

let dir: string;
let run: ReturnType<typeof spawnSync>;
let markdown: string;
let before: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ses-guard-bench-test-"));
  before = fingerprint();
  run = spawnSync(process.execPath, ["bench/run.mjs", "--quick", "--out", join(dir, "bench.md")], {
    cwd: root,
    encoding: "utf8",
    // The benchmark sets up its own loopback AWS environment for every process it starts.
    env: { ...process.env, NODE_OPTIONS: "" },
    timeout: 240_000,
  });
  markdown = existsSync(join(dir, "bench.md")) ? readFileSync(join(dir, "bench.md"), "utf8") : "";
}, 260_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows of the first Markdown table after `heading` (or of the first table when absent), as cells. */
function tableRows(text: string, heading?: string): string[][] {
  const start = heading ? text.indexOf(heading) : 0;
  expect(start, `no "${heading}" in the output`).toBeGreaterThanOrEqual(0);
  const lines = text.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith("|")) break;
    // No cell of the benchmark's tables contains a `|`.
    rows.push(
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe("npm run bench -- --quick", () => {
  it("exits 0 and writes the generated section between the markers to --out", () => {
    expect(run.stderr, String(run.stderr)).not.toMatch(/bench: .*Error/);
    expect(run.status).toBe(0);
    expect(markdown.indexOf(BEGIN_MARKER)).toBeGreaterThanOrEqual(0);
    expect(markdown.indexOf(END_MARKER)).toBeGreaterThan(markdown.indexOf(BEGIN_MARKER));
    expect(markdown).toContain("**Quick mode**");
    // The same table goes to standard output.
    expect(String(run.stdout)).toContain("| Measurement | Ratio | Median | Spread: min–max (IQR) |");
  });

  it("leaves BENCHMARKS.md as it was", () => {
    expect(fingerprint()).toBe(before);
  });

  it("measures every comparison the issue asks for, each with a ratio, a median and a spread", () => {
    const rows = tableRows(markdown);
    expect(rows[0]).toEqual(["Measurement", "Ratio", "Median", "Spread: min–max (IQR)"]);
    const body = rows.slice(2);
    const find = (start: string) => {
      const row = body.find((cells) => cells[0]?.startsWith(start));
      expect(row, `no row starting with ${start}`).toBeDefined();
      return row as string[];
    };
    const expected = [
      "`node -e 0` (the floor)",
      "offline check: `check --input production-healthy.json`",
      "offline check with a user policy file",
      "offline check, no code cache",
      "offline check with a user policy file, no code cache",
      "live check, 1 Region, aws-ses-v2-local",
      "live check, 1 Region, endpoint answering after 300 ms",
      "live check, 10 Regions, 300 ms",
      "live check, all ",
      "engine: `evaluateRule`",
      "engine: `evaluatePolicy`",
      "peak RSS, `node -e 0`",
      "peak RSS, offline check",
      "peak RSS, live check (emulator, 1 Region)",
    ];
    for (const start of expected) {
      const [, ratio, median, spread] = find(start);
      expect(ratio).toMatch(new RegExp(`^${RATIO}`));
      expect(median).toMatch(new RegExp(`^${QUANTITY}$`));
      expect(spread).toMatch(new RegExp(`^${QUANTITY}–${QUANTITY} \\(${QUANTITY}–${QUANTITY}\\)$`));
    }
    // The comparisons are against the right baselines.
    expect(find("offline check: ")[1]).toMatch(/x `node -e 0`$/);
    expect(find("offline check, no code cache")[1]).toMatch(/x `node -e 0`; [\d.]+x warm$/);
    expect(find("live check, 1 Region, aws-ses-v2-local")[1]).toMatch(/x offline check \(timed beside it: /);
    expect(find("live check, 10 Regions")[1]).toMatch(/x 1 Region$/);
  });

  it("judges each budget of the issue as met, missed or not measured", () => {
    const rows = tableRows(markdown, "### Budgets");
    expect(rows[0]).toEqual(["Budget", "Limit", "Measured", "Result"]);
    const body = rows.slice(2);
    expect(body.map((cells) => cells[1])).toEqual([
      "≤ 1.25x",
      "≤ 2.00x",
      "≤ 1.60x",
      "≤ 60 MiB",
      "≤ 1.30x",
      "≤ 1.50x",
      "≥ 1,000,000 rule evaluations/s",
      expect.stringContaining("SDK bytes ≤ 1.02x the floor"),
    ]);
    for (const cells of body) expect(["met", "**missed**", "not measured"]).toContain(cells[3]);
  });

  it("lists the size of every file of the build and which of them the offline and live paths load", () => {
    const rows = tableRows(markdown, "Every file of the build:").slice(2);
    const byFile = new Map(rows.map((cells) => [cells[0], cells]));
    expect(byFile.get("cli.js")?.[1]).toMatch(/^\d+\.\d KiB$/);
    // The bin and the entry are loaded by every path; the AWS SDK chunk only by the live one.
    expect(byFile.get("cli.js")?.slice(2)).toEqual(["loaded", "loaded", "loaded"]);
    expect(byFile.get("cli-main.js")?.slice(2)).toEqual(["loaded", "loaded", "loaded"]);
    const aws = rows.find((cells) => /^chunks\/live-[A-Z0-9]+\.js$/.test(cells[0] ?? ""));
    expect(aws?.slice(2)).toEqual(["", "", "loaded"]);
    const offline = tableRows(markdown, "### Bundle").find(
      (cells) => cells[0] === "loaded by the offline check",
    );
    expect(offline?.[2]).toMatch(/^\d+\.\d KiB$/);
  });
});
