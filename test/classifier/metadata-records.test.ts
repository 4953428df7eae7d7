import { describe, expect, it } from "vitest";
import { classify } from "../../classifier/classify.js";
import { adInputSchema } from "../../common/ad-input.js";

const now = new Date("2026-03-15T00:00:00Z");

describe("metadata records (repository entries, bundle rows)", () => {
  it("judges a publisher repository entry political without label findings it cannot show", () => {
    const ad = adInputSchema.parse({ id: "d1", source: "dpg-political-ads", publisher: "DPG Media", sponsor: "Partij van de Arbeid afdeling Rotterdam", record_kind: "publisher-repository-ad", last_seen: "2026-03-10T00:00:00Z" });
    const v = classify(ad, { now });
    expect(v.political).toBe(true);
    expect(v.findings.filter((f) => f.rule.startsWith("ttpa.11"))).toEqual([]);
    expect(v.reasons.join(" ")).toMatch(/metadata record/);
  });

  it("still flags the platform-ban signal on a bundle row served after the ban", () => {
    const ad = adInputSchema.parse({ id: "g1", source: "google-political-bundle", publisher: "Google", sponsor: "D66", text: "Stem D66 op 18 maart", metadata_only: true, first_seen: "2026-03-01T00:00:00Z", last_seen: "2026-03-10T00:00:00Z" });
    const rules = classify(ad, { now }).findings.map((f) => f.rule);
    expect(rules).toEqual(["platform.political-ad-ban"]);
  });

  it("gives the same ad without the marker its label findings", () => {
    const ad = adInputSchema.parse({ id: "g2", source: "google-political-bundle", publisher: "Google", sponsor: "D66", text: "Stem D66 op 18 maart", first_seen: "2026-03-01T00:00:00Z", last_seen: "2026-03-10T00:00:00Z" });
    expect(classify(ad, { now }).findings.map((f) => f.rule)).toContain("ttpa.11-1-a.label-missing");
  });
});
