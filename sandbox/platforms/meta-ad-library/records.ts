import type { SeedAd } from "./seed.js";

/** Splits an integer reach over a fixed age/gender mix so the breakdown sums to the total, as Meta's does. */
function breakdown(ad: SeedAd): Array<Record<string, unknown>> {
  const ranges = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"];
  const share = [0.12, 0.2, 0.2, 0.18, 0.16, 0.14];
  return ad.countries.map((country) => ({
    country,
    age_gender_breakdowns: ranges.map((age_range, i) => {
      const n = Math.round(ad.reach * (share[i] ?? 0));
      const female = ad.gender === "Men" ? 0 : ad.gender === "Women" ? n : Math.round(n * 0.52);
      const male = ad.gender === "Women" ? 0 : ad.gender === "Men" ? n : n - female - Math.round(n * 0.01);
      return { age_range, male, female, unknown: Math.max(0, n - male - female) };
    }),
  }));
}

/**
 * One ArchivedAd as the Graph API v21.0 returns it for an ad delivered in the EU: plural creative
 * fields, string ids, bound objects with string bounds, the DSA/EU transparency fields. Spend and
 * impressions only for ads with a disclaimer (the library's political and issue ads).
 */
export function archivedAdRecord(ad: SeedAd, snapshotBase: string, token: string): Record<string, unknown> {
  const rec: Record<string, unknown> = {
    id: ad.id,
    ad_creation_time: ad.start,
    ad_creative_bodies: [ad.body],
    ad_creative_link_captions: [ad.caption],
    ad_creative_link_titles: [ad.title],
    ad_creative_link_descriptions: [ad.title],
    ad_delivery_start_time: ad.start,
    ad_snapshot_url: `${snapshotBase}/ads/archive/render_ad/?id=${ad.id}&access_token=${token}`,
    age_country_gender_reach_breakdown: breakdown(ad),
    beneficiary_payers: ad.byline ? [{ beneficiary: ad.byline, payer: ad.byline, current: true }] : [],
    eu_total_reach: ad.reach,
    languages: ["nl"],
    page_id: ad.pageId,
    page_name: ad.pageName,
    publisher_platforms: ad.platforms,
    target_ages: ad.ages,
    target_gender: ad.gender,
    target_locations: [{ name: ad.location.name, num_obfuscated: 0, type: ad.location.type, excluded: false }],
    currency: "EUR",
  };
  if (ad.stop) rec.ad_delivery_stop_time = ad.stop;
  if (ad.byline) {
    rec.bylines = ad.byline;
    rec.spend = { lower_bound: String(Math.floor(ad.reach / 100)), upper_bound: String(Math.floor(ad.reach / 100) + 99) };
    rec.impressions = { lower_bound: String(ad.reach), upper_bound: String(ad.reach * 2) };
    rec.estimated_audience_size = { lower_bound: String(ad.reach * 3), upper_bound: String(ad.reach * 4) };
    rec.delivery_by_region = [{ percentage: "1", region: ad.location.name.split(",").pop()?.trim() ?? ad.location.name }];
  }
  return rec;
}

/** Keeps only the requested fields (Graph API returns `id` alone when `fields` is absent). */
export function pickFields(rec: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const want = fields.length > 0 ? fields : ["id"];
  const out: Record<string, unknown> = {};
  for (const f of want) if (rec[f] !== undefined) out[f] = rec[f];
  if (out.id === undefined) out.id = rec.id;
  return out;
}
