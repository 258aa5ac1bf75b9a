import { describe, expect, it } from "vitest";
import { isValidRegionName, parseRegionList } from "../../src/targets/region-names.js";
import {
  allSesRegionNames,
  isOptInRegion,
  isSesRegion,
  OPT_IN_REGIONS,
  SES_REGIONS,
} from "../../src/targets/regions.js";

describe("the SES Region list", () => {
  it("has each Region once, every code well formed and in the aws partition", () => {
    const names = allSesRegionNames();
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(isValidRegionName(name)).toBe(true);
      expect(name).toMatch(/^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d$/);
    }
  });

  it("marks exactly the opt-in Regions as opt-in", () => {
    for (const region of SES_REGIONS) expect(region.optIn).toBe(OPT_IN_REGIONS.has(region.name));
    expect(SES_REGIONS.filter((r) => r.optIn).map((r) => r.name)).toEqual([
      "af-south-1",
      "ap-south-2",
      "ap-southeast-3",
      "eu-south-1",
      "eu-central-2",
      "il-central-1",
      "me-south-1",
      "me-central-1",
    ]);
  });

  it("knows the long-standing Regions and opt-in Regions without SES", () => {
    expect(isSesRegion("us-east-1")).toBe(true);
    expect(isSesRegion("ap-east-1")).toBe(false);
    expect(isOptInRegion("ap-east-1")).toBe(true);
    expect(isOptInRegion("eu-west-1")).toBe(false);
    // GovCloud and China are other partitions: not in the list, not opt-in.
    expect(isSesRegion("us-gov-west-1")).toBe(false);
    expect(isOptInRegion("cn-north-1")).toBe(false);
  });

  it.each([
    ["us-east-1", true],
    ["us-gov-west-1", true],
    ["local", true],
    ["US-EAST-1", false],
    ["us_east_1", false],
    ["", false],
    ["-us-east-1", false],
    ["evil.example.com/x", false],
  ])("accepts %j as a Region code: %s", (region, ok) => {
    expect(isValidRegionName(region)).toBe(ok);
  });
});

describe("parseRegionList", () => {
  it("trims, drops blanks and repeats, and keeps the order", () => {
    expect(parseRegionList([" us-east-1", "", "eu-west-1 ", "us-east-1", "us-gov-west-1"])).toEqual({
      regions: ["us-east-1", "eu-west-1", "us-gov-west-1"],
    });
    expect(parseRegionList([" ", ""])).toEqual({ regions: [] });
  });

  it.each(["US-EAST-1", "us_east_1", "eu-west", "local", "evil.example.com/x", "us-east-1x"])(
    "names %j as the entry that is not a Region code",
    (region) => {
      expect(parseRegionList(["us-east-1", region, "also bad"])).toEqual({ invalid: region });
    },
  );
});
