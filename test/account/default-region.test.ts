import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDefaultRegion } from "../../src/aws/default-region.js";

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ses-guard-region-"));
  await writeFile(
    join(dir, "config"),
    "[default]\nregion = eu-west-1\n\n[profile audit]\nregion = ap-south-1\n\n[profile bare]\noutput = json\n",
  );
  await writeFile(join(dir, "credentials"), "[keys-only]\nregion = sa-east-1\naws_access_key_id = AKIAX\n");
  env = {
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
  };
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe("resolveDefaultRegion", () => {
  it("prefers AWS_REGION, then AWS_DEFAULT_REGION, like the AWS CLI", async () => {
    expect(
      await resolveDefaultRegion(
        { ...env, AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "us-east-2" },
        "audit",
      ),
    ).toEqual({
      region: "us-west-2",
      source: "AWS_REGION",
    });
    expect(await resolveDefaultRegion({ ...env, AWS_DEFAULT_REGION: "us-east-2" }, "audit")).toEqual({
      region: "us-east-2",
      source: "AWS_DEFAULT_REGION",
    });
  });

  it("then reads the profile: --profile, AWS_PROFILE, else default", async () => {
    expect(await resolveDefaultRegion(env, "audit")).toEqual({ region: "ap-south-1", source: "profile" });
    expect(await resolveDefaultRegion({ ...env, AWS_PROFILE: "audit" }, undefined)).toEqual({
      region: "ap-south-1",
      source: "profile",
    });
    expect(await resolveDefaultRegion(env, undefined)).toEqual({ region: "eu-west-1", source: "profile" });
    expect(await resolveDefaultRegion(env, "keys-only")).toEqual({ region: "sa-east-1", source: "profile" });
  });

  it("finds nothing when neither the environment nor the profile has a region", async () => {
    expect(await resolveDefaultRegion(env, "bare")).toBeUndefined();
    expect(await resolveDefaultRegion(env, "missing")).toBeUndefined();
    expect(await resolveDefaultRegion({ HOME: join(dir, "nowhere") }, undefined)).toBeUndefined();
  });
});
