/**
 * readAccountRegions reads every Region of one account with the credentials provider it is given
 * (not the default chain), over real HTTP: what a fleet read calls once per account.
 */
import { describe, expect, it } from "vitest";
import { readAccountRegions } from "../../src/aws/live.js";
import { retrySettings } from "../../src/aws/read-settings.js";
import { useFaultServerEnv } from "../helpers/use-fault-server.js";

const live = useFaultServerEnv();

const settings = { profile: undefined, retry: retrySettings({}), timeoutMs: 5_000, endpointUrl: undefined };

describe("readAccountRegions", () => {
  it("signs every request with the given credentials and reports each Region in order", async () => {
    live.server.onSts({ kind: "ok", account: "444455556666" });
    live.server.on("eu-west-1", { kind: "error", status: 400, type: "BadRequestException", message: "no" });
    const runDeadline = new AbortController();
    const done: number[] = [];
    const targets = await readAccountRegions({
      credentials: async () => ({
        accessKeyId: "AKIAASSUMEDROLE00001",
        secretAccessKey: "assumedRoleSecret0123456789",
      }),
      regions: [
        { region: "us-east-1", fromAllRegions: false },
        { region: "eu-west-1", fromAllRegions: false },
      ],
      settings,
      timeoutSeconds: 5,
      concurrency: 4,
      runDeadline: runDeadline.signal,
      onRegionsDone: (count) => done.push(count),
    });
    expect(targets.map((t) => [t.region, t.accountId, t.status])).toEqual([
      ["us-east-1", "444455556666", "ok"],
      ["eu-west-1", "444455556666", "error"],
    ]);
    expect(done).toEqual([1, 1]);
    const keys = live.server.requests.map(
      (r) => /Credential=([^/]+)\//.exec(r.headers.authorization ?? "")?.[1],
    );
    expect(keys).toHaveLength(3);
    expect(new Set(keys)).toEqual(new Set(["AKIAASSUMEDROLE00001"]));
  });

  it("turns credentials that cannot be resolved into one error per Region", async () => {
    const runDeadline = new AbortController();
    const targets = await readAccountRegions({
      credentials: async () => {
        throw Object.assign(
          new Error("AccessDenied: not allowed to assume arn:aws:iam::444455556666:role/audit"),
          {
            name: "CredentialsProviderError",
          },
        );
      },
      regions: [
        { region: "us-east-1", fromAllRegions: false },
        { region: "eu-west-1", fromAllRegions: false },
      ],
      settings,
      timeoutSeconds: 5,
      concurrency: 4,
      runDeadline: runDeadline.signal,
    });
    expect(targets.map((t) => [t.region, t.status, t.error?.code])).toEqual([
      ["us-east-1", "error", "aws/no-credentials"],
      ["eu-west-1", "error", "aws/no-credentials"],
    ]);
    expect(live.server.requests).toHaveLength(0);
  });
});
