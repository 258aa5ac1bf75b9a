/**
 * `merge` as a pure function: shard reports or per-account reports become one report whose
 * results are the unsharded run's, with the exit code recomputed; what cannot be one verdict is
 * refused (exit 2) and what is missing fails closed (an error target, exit 3).
 */
import { describe, expect, it } from "vitest";
import { SesGuardError } from "../../src/errors.js";
import { loadFormatters } from "../../src/report/index.js";
import { formatJson } from "../../src/report/json.js";
import { mergeReports, mergeReportTexts, type NamedReport } from "../../src/report/merge.js";
import { shardOf } from "../../src/targets/shard.js";
import type { Report } from "../../src/types.js";
import { reportSchemaErrors } from "../hardening/report-schema.js";
import { fleetReport } from "./fleet-report.js";

const now = new Date("2026-05-01T12:00:00Z");
const options = { toolVersion: "0.1.0", now };

/** Splits a report into the reports its shards would have written (one pass over the results). */
function shardReports(report: Report, count: number): NamedReport[] {
  const shards = Array.from({ length: count }, (_, k) => ({
    name: `shard-${k + 1}.json`,
    report: { ...report, targets: [], results: [], shard: { index: k + 1, count } } as Report,
  }));
  const memo = new Map<string | null, number>();
  const of = (t: { accountId: string | null }) => {
    let index = memo.get(t.accountId);
    if (index === undefined) {
      index = shardOf(t.accountId, count);
      memo.set(t.accountId, index);
    }
    return (shards[index - 1] as NamedReport).report;
  };
  for (const target of report.targets) of(target).targets.push(target);
  for (const result of report.results) of(result).results.push(result);
  return shards;
}

const key = (r: { region: string; accountId: string | null; ruleId?: string }) =>
  `${r.accountId} ${r.region} ${r.ruleId ?? ""}`;
const sorted = <T extends { region: string; accountId: string | null }>(items: readonly T[]) =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function refusal(run: () => unknown): SesGuardError {
  try {
    run();
  } catch (error) {
    if (error instanceof SesGuardError) return error;
    throw error;
  }
  throw new Error("expected the merge to be refused");
}

describe("merge", () => {
  const { report: whole } = fleetReport();

  it.each([8, 256])(
    "gives back the unsharded run of 1,000 accounts × 17 Regions from %i shards, result for result",
    (count) => {
      const shards = shardReports(whole, count);
      // Shards arrive in any order (artifacts are listed by name).
      const merged = mergeReports([...shards].reverse(), options);
      expect(sorted(merged.results)).toEqual(sorted(whole.results));
      expect(sorted(merged.targets)).toEqual(sorted(whole.targets));
      expect(merged.summary).toEqual(whole.summary);
      expect(merged.policyDigest).toBe(whole.policyDigest);
      expect(merged.policies).toEqual(whole.policies);
      expect(merged.createdAt).toBe("2026-05-01T12:00:00.000Z");
      expect(merged.shard).toBeUndefined();
      expect(
        reportSchemaErrors(JSON.parse(formatJson(merged, { color: false, today: "2026-05-01", rules: [] }))),
      ).toEqual([]);
    },
  );

  it("fails closed when a shard is missing: an error target naming it, exit 3 (even under fail-on none)", () => {
    const shards = shardReports(fleetReport({ accounts: 50, failEvery: 0, unreadableEvery: 0 }).report, 4);
    const merged = mergeReports(
      shards.filter((s) => s.report.shard?.index !== 3),
      { ...options, failOn: "none" },
    );
    expect(merged.summary.exitCode).toBe(3);
    expect(merged.targets.at(-1)).toEqual({
      region: "unknown",
      accountId: null,
      status: "error",
      error: {
        code: "merge/missing-shard",
        message: "shard 3/4 is missing: no report of it arrived, so its accounts were not checked",
        hint: "Check that every shard job ran and uploaded its JSON report before the merge job.",
      },
    });
  });

  it("says the missing shard in every format", async () => {
    const shards = shardReports(
      fleetReport({ accounts: 20, regions: ["us-east-1"], failEvery: 0 }).report,
      2,
    );
    const merged = mergeReports(shards.slice(0, 1), options);
    const context = { color: false, today: "2026-05-01", rules: [] };
    for (const [name, format] of Object.entries(await loadFormatters())) {
      expect(format(merged, context), name).toContain("shard 2/2 is missing");
    }
  });

  it("fails closed when --expect names more reports than arrived, and refuses more than expected", () => {
    const one = fleetReport({ accounts: 1, regions: ["us-east-1"] }).report;
    const two = fleetReport({ accounts: 2, regions: ["eu-west-1"] }).report;
    const reports = [
      { name: "a.json", report: one },
      { name: "b.json", report: two },
    ];
    const merged = mergeReports(reports, { ...options, expect: 3 });
    expect(merged.summary.exitCode).toBe(3);
    expect(merged.targets.at(-1)?.error?.message).toBe(
      "1 of 3 expected reports did not arrive (--expect 3), so their accounts were not checked",
    );
    expect(
      mergeReports(reports, { ...options, expect: 2 }).targets.some((t) =>
        t.error?.code?.startsWith("merge/"),
      ),
    ).toBe(false);
    expect(refusal(() => mergeReports(reports, { ...options, expect: 1 })).code).toBe(
      "merge/more-than-expected",
    );
  });

  it("refuses a shard twice, the same target twice, and a mix of shard and other reports (exit 2)", () => {
    const shards = shardReports(fleetReport({ accounts: 30, regions: ["us-east-1"] }).report, 3);
    const twice = refusal(() =>
      mergeReports([...shards, { ...(shards[1] as NamedReport), name: "copy.json" }], options),
    );
    expect(twice.exitCode).toBe(2);
    expect(twice.code).toBe("merge/duplicate-shard");
    expect(twice.message).toBe(
      "copy.json and shard-2.json are both shard 2/3; each shard may be merged once",
    );

    const report = fleetReport({ accounts: 2, regions: ["us-east-1"] }).report;
    const dup = refusal(() =>
      mergeReports(
        [
          { name: "job-a.json", report },
          { name: "job-b.json", report },
        ],
        options,
      ),
    );
    expect(dup.code).toBe("merge/duplicate-target");
    expect(dup.message).toContain(
      "job-b.json and job-a.json both hold region us-east-1 of account 100000000000",
    );

    const mixed = refusal(() => mergeReports([...shards, { name: "job.json", report }], options));
    expect(mixed.code).toBe("merge/mixed-shards");

    const otherSplit = shardReports(report, 2)[0] as NamedReport;
    expect(refusal(() => mergeReports([...shards, otherSplit], options)).code).toBe(
      "merge/different-shard-counts",
    );
  });

  it("refuses reports of different policies or fail-on, and reports that do not say their policy", () => {
    const a = fleetReport({ accounts: 1, regions: ["us-east-1"] }).report;
    const b = fleetReport({ accounts: 1, regions: ["eu-west-1"] }).report;
    const other = { ...b, policyDigest: `sha256:${"cd".repeat(32)}` };
    const policies = refusal(() =>
      mergeReports(
        [
          { name: "a.json", report: a },
          { name: "b.json", report: other },
        ],
        options,
      ),
    );
    expect(policies.exitCode).toBe(2);
    expect(policies.code).toBe("merge/different-policies");
    const failOn = refusal(() =>
      mergeReports(
        [
          { name: "a.json", report: a },
          { name: "b.json", report: { ...b, failOn: "warning" } },
        ],
        options,
      ),
    );
    expect(failOn.code).toBe("merge/different-fail-on");
    const { policyDigest: _digest, ...unsigned } = b;
    expect(
      refusal(() =>
        mergeReports(
          [
            { name: "a.json", report: a },
            { name: "old.json", report: unsigned },
          ],
          options,
        ),
      ).code,
    ).toBe("merge/no-policy-digest");
  });

  it("recomputes the exit code, with --fail-on when given", () => {
    const warningsOnly = fleetReport({
      accounts: 8,
      regions: ["us-east-1"],
      failEvery: 0,
      unreadableEvery: 0,
    }).report;
    const shards = shardReports(warningsOnly, 2);
    expect(mergeReports(shards, options).summary.exitCode).toBe(0);
    const strict = mergeReports(shards, { ...options, failOn: "warning" });
    expect(strict.failOn).toBe("warning");
    expect(strict.summary.exitCode).toBe(1);
  });

  it("names a file that is not JSON at its line and column, and one that is not a report", () => {
    const bad = refusal(() =>
      mergeReportTexts(
        [
          { name: "shard-1.json", text: '{\n  "version": 1,\n  "tool": tru\n}' },
          { name: "notes.json", text: '{"hello": "world"}' },
        ],
        options,
      ),
    );
    expect(bad.exitCode).toBe(2);
    expect(bad.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ["merge/invalid-json", "shard-1.json", 3, 11],
      ["merge/not-a-report", "notes.json", undefined, undefined],
    ]);
    expect(bad.diagnostics[1]?.message).toBe(
      "not a ses-guard JSON report (--format json): version is undefined, not 1",
    );
  });
});
