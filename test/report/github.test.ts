import { describe, expect, it } from "vitest";
import {
  buildAnnotations,
  createGithubFormatter,
  formatGithub,
  renderAnnotation,
} from "../../src/report/github.js";
import type { Result, Rule, TargetSummary } from "../../src/types.js";
import { expectGolden } from "../helpers/golden.js";
import { fleetReport } from "./fleet-report.js";
import {
  contextOf,
  fixtureReport,
  passingReport,
  recommendedRules,
  reportOf,
  resultOf,
} from "./sample-reports.js";

describe("github format", () => {
  it("matches the golden file for the fixture run", () => {
    const { report, context } = fixtureReport();
    expectGolden("github/fixtures.txt", formatGithub(report, context));
  });

  it("annotates a failed pack rule at the user's extends line with target, message, fix and docs", () => {
    const { report, context } = fixtureReport();
    const lines = formatGithub(report, context).split("\n");
    expect(lines).toContain(
      "::error file=.ses-guard.yaml,line=2,col=11,title=suppression-bounce-complaint%3A Bounces and complaints are suppressed account-wide (2 targets)" +
        "::Fails on 2 targets: eu-west-1 222222222222, us-west-2 333333333333." +
        "%0Aeu-west-1 222222222222: SuppressionAttributes.SuppressedReasons is [BOUNCE]; must contain all of [BOUNCE, COMPLAINT] (missing COMPLAINT)" +
        "%0AFix: aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT" +
        "%0ADocs: https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html",
    );
  });

  it("orders unreadable targets first, then failures by severity, and ends with the counts", () => {
    const { report, context } = fixtureReport();
    const lines = formatGithub(report, context).trimEnd().split("\n");
    const kinds = lines.map((line) => line.match(/^::(\w+) /)?.[1] ?? "plain");
    // One annotation per failing rule, not per rule and target: 4 error rules, 2 warning rules.
    expect(kinds).toEqual([...Array(5).fill("error"), ...Array(2).fill("warning"), "plain"]);
    expect(lines[0]).toBe(
      "::error title=ses-guard could not read eu-central-1 111111111111::AccessDeniedException: User:" +
        " arn:aws:sts::111111111111:assumed-role/deploy/ci is not authorized to perform: ses:GetAccount" +
        '%0AHint: allow "ses:GetAccount" on "*" for the role ses-guard runs as%0A6 rules were not evaluated for this target.',
    );
    expect(lines.at(-1)).toBe(
      "ses-guard failed: 9 failed, 6 errors, 20 passed, 1 waived, 6 skipped (exit code 3)",
    );
  });

  it("makes no annotation for passing, waived or skipped rules", () => {
    const { report, context } = passingReport();
    expect(formatGithub(report, context)).toBe(
      "ses-guard passed: 0 failed, 0 errors, 6 passed, 0 waived, 0 skipped (exit code 0)\n",
    );
    const { report: fixture, context: fixtureContext } = fixtureReport();
    const titles = buildAnnotations(fixture, fixtureContext).map((a) => `${a.title} ${a.message}`);
    expect(titles.some((t) => t.includes("VDM rollout for EU"))).toBe(false);
    expect(titles.some((t) => t.includes("me-south-1"))).toBe(false);
  });

  it("points an unreadable target at the fallback file when there is one", () => {
    const { report, context } = fixtureReport();
    const [first] = buildAnnotations(report, { ...context, fallbackFile: ".github/workflows/deploy.yml" });
    expect(first?.file).toBe(".github/workflows/deploy.yml");
    expect(first?.line).toBeUndefined();
  });

  it("can leave out the counts line", () => {
    const { report, context } = passingReport();
    expect(createGithubFormatter({ summaryLine: false })(report, context)).toBe("\n");
  });
});

describe("the per-step annotation cap", () => {
  const rules = recommendedRules();
  const [sending, , , , quota] = rules as [Rule, Rule, Rule, Rule, Rule, Rule];

  function manyFailures(errors: number, warnings: number) {
    const targets: TargetSummary[] = [];
    const results: Result[] = [];
    for (let i = 0; i < Math.max(errors, warnings); i++) {
      const target = { region: `region-${String(i).padStart(2, "0")}`, accountId: "111111111111" };
      targets.push({ ...target, status: "ok" });
      // A rule of its own each time: failures of one rule would make a single annotation.
      if (i < errors)
        results.push(
          resultOf({ ...sending, id: `sending-enabled-${i}` }, target, "fail", "SendingEnabled is false"),
        );
      if (i < warnings) results.push(resultOf({ ...quota, id: `quota-${i}` }, target, "fail", "90% used"));
    }
    return { report: reportOf(targets, results), context: contextOf(rules) };
  }

  it("keeps all annotations when a level has exactly 10", () => {
    const { report, context } = manyFailures(10, 2);
    const annotations = buildAnnotations(report, context);
    expect(annotations.filter((a) => a.level === "error")).toHaveLength(10);
    expect(annotations.some((a) => a.title.includes("more"))).toBe(false);
  });

  it("shows 9 and then one annotation saying how many more and where to read them", () => {
    const { report, context } = manyFailures(25, 3);
    const lines = formatGithub(report, context).trimEnd().split("\n");
    const errors = lines.filter((l) => l.startsWith("::error "));
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).every((l) => l.includes("sending-enabled"))).toBe(true);
    // The nine shown are the first nine in report order.
    expect(errors[8]).toContain("region-08 111111111111");
    expect(errors[9]).toBe(
      "::error title=ses-guard%3A 16 more error annotations::16 more error annotations are not shown: " +
        "GitHub shows at most 10 error annotations per step. Read every result in the job summary or the full " +
        "ses-guard report (--format json, text or sarif).",
    );
    expect(lines.filter((l) => l.startsWith("::warning "))).toHaveLength(3);
  });

  it("names the place given by the caller and honours a custom cap", () => {
    const { report, context } = manyFailures(4, 0);
    const format = createGithubFormatter({ maxPerLevel: 3, moreAt: "report.json", summaryLine: false });
    const lines = format(report, context).trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      "::error title=ses-guard%3A 2 more error annotations::2 more error annotations are not shown: " +
        "GitHub shows at most 3 error annotations per step. Read every result in report.json.",
    );
  });
});

describe("reserved annotation slots", () => {
  it("leaves room for the caller's own annotation of a level", () => {
    const rules = recommendedRules();
    const sending = rules[0] as Rule;
    const targets: TargetSummary[] = [];
    const results: Result[] = [];
    for (let i = 0; i < 12; i++) {
      const target = { region: `r-${i}`, accountId: "1" };
      targets.push({ ...target, status: "ok" });
      results.push(resultOf({ ...sending, id: `sending-enabled-${i}` }, target, "fail", "off"));
    }
    const annotations = buildAnnotations(reportOf(targets, results), contextOf(rules), {
      reserve: { error: 1 },
    });
    expect(annotations).toHaveLength(9);
    expect(annotations[8]?.title).toBe("ses-guard: 4 more error annotations");
    expect(annotations[8]?.message).toContain("GitHub shows at most 10 error annotations per step");
  });
});

describe("annotations at fleet scale", () => {
  it("makes one annotation per failing rule over 1,000 accounts × 17 Regions, with the count and the first five", () => {
    const { report, context } = fleetReport();
    const annotations = buildAnnotations(report, context);
    const suppression = annotations.filter((a) => a.title.startsWith("suppression-bounce-complaint"));
    expect(suppression).toHaveLength(1);
    // Every 10th account fails in 17 Regions, less the last Region of every 100th (unreadable).
    const failing = report.results.filter(
      (r) => r.ruleId === "suppression-bounce-complaint" && r.status === "fail",
    ).length;
    expect(failing).toBe(100 * 17 - 10);
    expect(suppression[0]?.title).toContain(`(${failing} targets)`);
    expect(suppression[0]?.message.split("\n")[0]).toBe(
      `Fails on ${failing} targets: us-east-1 100000000000, us-east-2 100000000000, us-west-1 100000000000, ` +
        `us-west-2 100000000000, ca-central-1 100000000000 and ${failing - 5} more.`,
    );
    expect(suppression[0]?.file).toBe(".ses-guard.yaml");
    const vdm = annotations.filter((a) => a.title.startsWith("vdm-enabled"));
    expect(vdm).toHaveLength(1);
    expect(vdm[0]?.level).toBe("warning");
    // The ten unreadable targets share one cause, so they are one annotation too.
    const unreadable = annotations.filter((a) => a.title.startsWith("ses-guard could not read"));
    expect(unreadable.map((a) => a.title)).toEqual([
      "ses-guard could not read 10 targets (aws/access-denied)",
    ]);
    expect(unreadable[0]?.message).toContain("10 targets could not be read: sa-east-1 100000000000,");
    expect(annotations).toHaveLength(3);
  });
});

describe("renderAnnotation", () => {
  it("writes file, line, col and title in that order and escapes each part for its position", () => {
    expect(
      renderAnnotation({
        level: "notice",
        title: "a: b, c",
        message: "50% done\nnext",
        file: "dir,x/p:1.yaml",
        line: 3,
        column: 7,
      }),
    ).toBe("::notice file=dir%2Cx/p%3A1.yaml,line=3,col=7,title=a%3A b%2C c::50%25 done%0Anext");
  });
});
