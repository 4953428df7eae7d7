/**
 * Parser for `google-political-ads-creative-stats.csv` from Google's political-ads transparency bundle.
 * Built from the bundle's public column documentation and checked against real NL rows
 * (../shared/data/real/favstats-DutchElectionObservatory-2021, ads served September 2020): impression
 * buckets such as "≤ 10k" and "10k-100k", spend ranges in 13 currencies, "Not targeted" targeting.
 * The bundle has metadata only: no creative text and no label, so both stay empty.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { AdInput } from "../../../common/ad-input.js";

/** The source id for bundle rows. */
export const GOOGLE_BUNDLE_SOURCE_ID = "google-political-bundle";

/** Currencies whose spend ranges the bundle gives (`spend_range_min_<cur>`/`spend_range_max_<cur>`). */
export const BUNDLE_CURRENCIES = ["usd", "eur", "inr", "bgn", "hrk", "czk", "dkk", "huf", "pln", "ron", "sek", "gbp", "nzd"] as const;

/** A numeric range; `max` null when open-ended ("> 10M"). */
export interface Range { min: number; max: number | null }

const SUFFIX: Record<string, number> = { "": 1, k: 1e3, m: 1e6, b: 1e9 };

function amount(s: string): number | null {
  const m = /^([\d.,]+)\s*([kmb]?)$/i.exec(s.replace(/[$€£\s]/g, "").trim());
  if (!m?.[1]) return null;
  const n = Number(m[1].replace(/,/g, ""));
  return Number.isFinite(n) ? n * (SUFFIX[(m[2] ?? "").toLowerCase()] ?? 1) : null;
}

/** Parses a bucket such as "≤ 10k", "10k-100k", "100k–1M", "> 10M" into a range; null if unreadable. */
export function parseBucket(raw: string | null | undefined): Range | null {
  const s = (raw ?? "").trim();
  if (!s || s === "NA") return null;
  const le = /^(?:≤|<=|<)\s*(.+)$/.exec(s);
  if (le?.[1]) {
    const max = amount(le[1]);
    return max === null ? null : { min: 0, max };
  }
  const gt = /^(?:>|≥|>=)\s*(.+)$/.exec(s);
  if (gt?.[1]) {
    const min = amount(gt[1]);
    return min === null ? null : { min, max: null };
  }
  const parts = s.split(/\s*[-–—]\s*/);
  if (parts.length === 2) {
    const min = amount(parts[0] ?? "");
    const max = amount(parts[1] ?? "");
    return min === null || max === null ? null : { min, max };
  }
  const one = amount(s);
  return one === null ? null : { min: one, max: one };
}

const cell = z.string().optional().transform((v) => (v === undefined || v === "" || v === "NA" ? null : v));
const rowSchema = z
  .object({
    ad_id: z.string().min(1).max(200),
    ad_url: cell,
    ad_type: cell,
    regions: cell,
    advertiser_id: cell,
    advertiser_name: cell,
    date_range_start: cell,
    date_range_end: cell,
    impressions: cell,
    first_served_timestamp: cell,
    last_served_timestamp: cell,
    age_targeting: cell,
    gender_targeting: cell,
    geo_targeting_included: cell,
    geo_targeting_excluded: cell,
  })
  .passthrough();

function list(v: string | null): string[] | null {
  if (v === null || /^not targeted$/i.test(v)) return null;
  return v.split(/\s*[,;]\s*/).filter(Boolean);
}

/** "2020-09-25 16:30:00" (UTC in the bundle) or a plain date into an ISO instant. */
function instant(v: string | null): string | null {
  if (!v) return null;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(v) ? v.replace(" ", "T") + "Z" : v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function spend(row: Record<string, unknown>): Record<string, Range> {
  const out: Record<string, Range> = {};
  for (const c of BUNDLE_CURRENCIES) {
    const min = Number(row[`spend_range_min_${c}`]);
    const maxRaw = row[`spend_range_max_${c}`];
    const max = maxRaw === "" || maxRaw === "NA" || maxRaw === undefined ? null : Number(maxRaw);
    if (row[`spend_range_min_${c}`] !== undefined && row[`spend_range_min_${c}`] !== "NA" && Number.isFinite(min)) out[c] = { min, max: max !== null && Number.isFinite(max) ? max : null };
  }
  return out;
}

/** One bundle row mapped to an AdInput; throws naming the line and field when the row is unusable. */
export function mapBundleRow(raw: Record<string, unknown>, line: number): AdInput {
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`creative_stats line ${line}: field "${i?.path.join(".")}": ${i?.message}`);
  }
  const r = parsed.data;
  const regions = list(r.regions) ?? [];
  // Only a two-letter code can be the ad's country: a stray cell ("<", "Netherlands") must not make an ad the input schema refuses.
  const country = regions.find((x) => x !== "EU" && /^[A-Z]{2}$/.test(x)) ?? "EU";
  const targeting = { age: list(r.age_targeting), gender: list(r.gender_targeting), geo_included: list(r.geo_targeting_included), geo_excluded: list(r.geo_targeting_excluded) };
  return {
    id: r.ad_id,
    source: GOOGLE_BUNDLE_SOURCE_ID,
    publisher: "Google",
    sponsor: r.advertiser_name?.slice(0, 2048) ?? null,
    text: null,
    label: null,
    targeting,
    first_seen: instant(r.first_served_timestamp) ?? instant(r.date_range_start),
    last_seen: instant(r.last_served_timestamp) ?? instant(r.date_range_end),
    country: country.slice(0, 8),
    advertiser_id: r.advertiser_id,
    ad_url: r.ad_url,
    ad_type: r.ad_type,
    regions,
    impressions: { bucket: r.impressions, ...parseBucket(r.impressions) },
    spend: spend(raw),
    metadata_only: true,
    raw,
  };
}

// A file without the ad_id column (an HTML error page, another CSV, a `;`-separated export) is refused
// at its header rather than read as zero ads.
function checkHeader(cols: string[]): string[] {
  if (!cols.includes("ad_id")) throw new Error(`creative_stats line 1: header has no "ad_id" column (starts ${JSON.stringify(cols.join(",").slice(0, 80))})`);
  return cols;
}

function readRows(csv: string, maxRows: number): Array<Record<string, unknown>> {
  if (csv.trim() === "") throw new Error("creative_stats: the file is empty (not even a header)");
  try {
    return parse(csv, { columns: checkHeader, bom: true, skip_empty_lines: true, relax_column_count: true, to: maxRows }) as Array<Record<string, unknown>>;
  } catch (err) {
    if (err instanceof Error && err.message.startsWith("creative_stats")) throw err;
    const line = typeof err === "object" && err !== null && "lines" in err ? Number((err as { lines: unknown }).lines) : 0;
    throw new Error(`creative_stats line ${line}: not valid CSV (${err instanceof Error ? err.message.slice(0, 200) : String(err)})`, { cause: err });
  }
}

/** Parses the CSV text (BOM tolerated) into ads for rows reaching `country` (all rows when null). */
export function parseCreativeStats(csv: string, o: { country: string | null; maxRows?: number }): AdInput[] {
  const rows = readRows(csv, o.maxRows ?? 200_000);
  const out: AdInput[] = [];
  rows.forEach((row, i) => {
    const ad = mapBundleRow(row, i + 2);
    if (o.country === null || (ad.regions as string[]).includes(o.country)) out.push(ad);
  });
  return out;
}
