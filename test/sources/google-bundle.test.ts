import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { adInputSchema } from "../../common/ad-input.js";
import { BUNDLE_CURRENCIES, parseBucket, parseCreativeStats } from "../../crawler/sources/google-political-bundle/parse.js";

const repoRoot = join(import.meta.dirname, "..", "..");
const sample = resolve(repoRoot, "../shared/data/real/favstats-DutchElectionObservatory-2021/google_political_ads_creative_stats_NL_ads_starting_2020-09.csv");

describe("impression and spend buckets", () => {
  it("reads the bundle's bucket notations into min/max ranges", () => {
    expect(parseBucket("≤ 10k")).toEqual({ min: 0, max: 10_000 });
    expect(parseBucket("10k-100k")).toEqual({ min: 10_000, max: 100_000 });
    expect(parseBucket("100k–1M")).toEqual({ min: 100_000, max: 1_000_000 });
    expect(parseBucket("> 10M")).toEqual({ min: 10_000_000, max: null });
    expect(parseBucket("$50k–$100k")).toEqual({ min: 50_000, max: 100_000 });
    expect(parseBucket("NA")).toBeNull();
    expect(parseBucket("lots")).toBeNull();
  });
});

describe.skipIf(!existsSync(sample))("creative_stats rows for NL (real sample, September 2020)", () => {
  const ads = parseCreativeStats(readFileSync(sample, "utf8"), { country: "NL" });

  it("maps all 503 rows to valid ads with the advertiser as sponsor and no invented text or label", () => {
    expect(ads).toHaveLength(503);
    for (const ad of ads) expect(adInputSchema.safeParse(ad).success).toBe(true);
    expect(ads.filter((a) => a.sponsor === "D66")).toHaveLength(473);
    expect(ads.every((a) => a.text === null && a.label === null && a.publisher === "Google")).toBe(true);
  });

  it("parses impressions buckets and the spend ranges of all 13 currencies", () => {
    const vvd = ads.find((a) => a.id === "CR155280385058537472")!;
    expect(vvd.impressions).toEqual({ bucket: "10k-100k", min: 10_000, max: 100_000 });
    const spend = vvd.spend as Record<string, { min: number; max: number | null }>;
    expect(Object.keys(spend).sort()).toEqual([...BUNDLE_CURRENCIES].sort());
    expect(spend.eur).toEqual({ min: 50, max: 500 });
    expect(vvd.first_seen).toBe("2020-09-24T11:30:00.000Z");
    expect(vvd.targeting).toEqual({ age: null, gender: null, geo_included: ["Netherlands"], geo_excluded: null });
    const small = ads.filter((a) => (a.impressions as { bucket: string }).bucket === "≤ 10k");
    expect(small).toHaveLength(449);
    expect(small.every((a) => (a.impressions as { max: number }).max === 10_000)).toBe(true);
  });

  it("keeps only rows whose regions include the country asked for", () => {
    expect(parseCreativeStats(readFileSync(sample, "utf8"), { country: "PL" }).length).toBe(1);
  });
});

describe("creative_stats rows with a bad id name the line and field", () => {
  it("refuses a row without ad_id", () => {
    expect(() => parseCreativeStats('"ad_id","advertiser_name"\n"","X"\n', { country: null })).toThrow(/line 2: field "ad_id"/);
  });
});
