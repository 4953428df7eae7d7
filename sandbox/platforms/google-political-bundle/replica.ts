import { stringify } from "csv-stringify/sync";
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";

/** Replica id (also the key of its address in SandboxAddresses). */
export const GOOGLE_BUNDLE_REPLICA_ID = "google-political-bundle";
/** Where the replica serves the extracted creative_stats CSV, as a download would unpack it. */
export const BUNDLE_CSV_PATH = "/transparencyreport/google-political-ads-transparency-bundle/google-political-ads-creative-stats.csv";

interface BundleSeed {
  id: string; advertiserId: string; advertiser: string; type: string; regions: string; start: string; end: string;
  impressions: string; eur: [number, number | null]; age: string; gender: string; geo: string;
  political: boolean; party: string | null; rules: string[]; reachable: boolean;
}

/**
 * Invented rows in the real column layout, from the 2021 and 2023 Dutch general elections. All were
 * served before TTPA applied (10.10.2025) and before Google stopped EU political ads, so none carries a
 * finding. (The bundle holds no creative and no label: label rules could not be judged from it anyway.)
 */
const ROWS: BundleSeed[] = [
  { id: "CR1100000000000000001", advertiserId: "AR1100000000000000001", advertiser: "D66", type: "Video", regions: "EU, NL", start: "2021-03-01", end: "2021-03-16", impressions: "100k-1M", eur: [500, 30000], age: "18-24, 25-34, 35-44", gender: "Not targeted", geo: "Netherlands", political: true, party: "D66", rules: [], reachable: true },
  { id: "CR1100000000000000002", advertiserId: "AR1100000000000000002", advertiser: "Christen Democratisch Appèl", type: "Text", regions: "EU, NL", start: "2021-03-10", end: "2021-03-17", impressions: "≤ 10k", eur: [0, 50], age: "Not targeted", gender: "Not targeted", geo: "Netherlands", political: true, party: "CDA", rules: [], reachable: true },
  { id: "CR1100000000000000003", advertiserId: "AR1100000000000000003", advertiser: "GroenLinks", type: "Image", regions: "EU, NL", start: "2021-02-20", end: "2021-03-17", impressions: "10k-100k", eur: [50, 500], age: "Not targeted", gender: "Male, Female, Unknown gender", geo: "Utrecht, North Holland", political: true, party: "GroenLinks", rules: [], reachable: true },
  { id: "CR1100000000000000004", advertiserId: "AR1100000000000000004", advertiser: "Volkspartij voor Vrijheid en Democratie", type: "Video", regions: "EU, NL", start: "2023-11-01", end: "2023-11-21", impressions: "1M-10M", eur: [30000, null], age: "25-34, 35-44, 45-54", gender: "Not targeted", geo: "Netherlands", political: true, party: "VVD", rules: [], reachable: true },
  { id: "CR1100000000000000005", advertiserId: "AR1100000000000000005", advertiser: "Partij voor de Dieren", type: "Text", regions: "EU, NL", start: "2023-11-06", end: "2023-11-22", impressions: "10k-100k", eur: [500, 30000], age: "Not targeted", gender: "Not targeted", geo: "Amsterdam, Utrecht", political: true, party: "PvdD", rules: [], reachable: true },
  { id: "CR1100000000000000006", advertiserId: "AR1100000000000000006", advertiser: "Alliance of Liberals and Democrats for Europe Party", type: "Image", regions: "BE, EU", start: "2024-05-20", end: "2024-06-09", impressions: "100k-1M", eur: [500, 30000], age: "Not targeted", gender: "Not targeted", geo: "Belgium", political: true, party: "ALDE", rules: [], reachable: false },
];

/** The 13 currencies' ranges are derived from the EUR range with fixed rates, as the bundle lists them all. */
const RATES: Record<string, number> = { usd: 1.1, eur: 1, inr: 90, bgn: 1.96, hrk: 7.5, czk: 25, dkk: 7.45, huf: 390, pln: 4.3, ron: 5, sek: 11, gbp: 0.86, nzd: 1.8 };

function csvBody(): string {
  const records = ROWS.map((r) => {
    const rec: Record<string, string | number> = {
      ad_id: r.id, ad_url: `https://adstransparency.google.com/advertiser/${r.advertiserId}/creative/${r.id}?region=NL`, ad_type: r.type, regions: r.regions,
      advertiser_id: r.advertiserId, advertiser_name: r.advertiser, ad_campaigns_list: "", date_range_start: r.start, date_range_end: r.end,
      num_of_days: Math.round((Date.parse(r.end) - Date.parse(r.start)) / 86_400_000) + 1, impressions: r.impressions, spend_usd: "",
      first_served_timestamp: `${r.start} 08:00:00`, last_served_timestamp: `${r.end} 21:45:00`, age_targeting: r.age, gender_targeting: r.gender,
      geo_targeting_included: r.geo, geo_targeting_excluded: "Not targeted",
    };
    for (const [cur, rate] of Object.entries(RATES)) {
      rec[`spend_range_min_${cur}`] = Math.round(r.eur[0] * rate);
      rec[`spend_range_max_${cur}`] = r.eur[1] === null ? "" : Math.round(r.eur[1] * rate);
    }
    return rec;
  });
  return stringify(records, { header: true, quoted_string: true });
}

/** Truth: one row per advertiser, matched by the advertiser name (the bundle has no creative text). */
function truth(): TruthAd[] {
  return ROWS.map((r) => ({ replica: GOOGLE_BUNDLE_REPLICA_ID, source: "google-political-bundle", match: r.advertiser, political: r.political, party: r.party, rules: r.rules, reachable: r.reachable }));
}

/** A file server holding the extracted bundle's creative_stats CSV, like a local copy of Google's download. */
export const googleBundleReplica: Replica = {
  id: GOOGLE_BUNDLE_REPLICA_ID,
  replicates: "Google political-ads transparency bundle (creative_stats CSV) as a file download",
  truth: truth(),
  handle(req, res) {
    const path = new URL(req.url ?? "/", "http://replica.invalid").pathname;
    if (path === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" });
      return void res.end("User-agent: *\nAllow: /\n");
    }
    if (path !== BUNDLE_CSV_PATH) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("not found");
    }
    res.writeHead(200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="google-political-ads-creative-stats.csv"' });
    res.end(csvBody());
  },
  plan(addrs: SandboxAddresses) {
    return { source: "google-political-bundle", options: { seeds: [`${addrs[GOOGLE_BUNDLE_REPLICA_ID] ?? ""}${BUNDLE_CSV_PATH}`], country: "NL" } };
  },
};
