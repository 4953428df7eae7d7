/**
 * The Microsoft Ad Library API (adlibrary.api.bingads.microsoft.com/api/v1, OData JSON, public GET,
 * no sign-in): URL builders, response schemas and the mapping of one ad to polad's ad record.
 *
 * Built from Microsoft's public reference (learn.microsoft.com "Ad Library API", templates
 * Advertisers, Advertisers/{id}, Ads, Ads/{id}; objects Advertiser, Ad, AdDetails,
 * CountryImpressionShare, TargetTypeDetails; the Country and TargetType value sets) and from published
 * measurements of the live API by other projects: the `{"@odata.count", "value": [...]}` envelope,
 * `top` at most 24 and `skip` at most 999 (HTTP 400 with an OData `error.message` beyond),
 * `@odata.count` saturating at 1000, AdDetails only on a single ad with
 * `expand=AdDetails(expand=ImpressionsByCountry,Targets)` (the field is `Targets`, the reference says
 * `TargetTypes`: both are read), "2.5K - 5K" impression ranges, 429 after ~20 quick requests,
 * sometimes without Retry-After. Checked only against the replica: the exact date format of
 * StartDate/EndDate (a date or a date-time are both read), whether Country and TargetType come as
 * names or numbers (both are read), and the shape of RestrictionReason (kept as given).
 */
import { z } from "zod";
import type { AdInput } from "../../../common/ad-input.js";

/** The source id. */
export const MICROSOFT_SOURCE_ID = "microsoft-ad-library";
/** The API host (the apiBase option replaces it, e.g. with the sandbox replica). */
export const DEFAULT_MICROSOFT_API = "https://adlibrary.api.bingads.microsoft.com";
/** The public library front end (a single-page app over the same API). */
export const MICROSOFT_LIBRARY_UI = "https://adlibrary.ads.microsoft.com";
/** The API's limits: at most 24 rows per request, offsets up to 999. */
export const MAX_TOP = 24;
export const MAX_SKIP = 999;
/** `@odata.count` never says more than this: a lower bound at the ceiling, not a count. */
export const COUNT_CEILING = 1000;

/** The Ad Library's country value set (EU and EEA), ISO code to Microsoft's number. */
export const MICROSOFT_COUNTRY: Record<string, number> = {
  AT: 10, BE: 14, BG: 26, HR: 49, CY: 207, CZ: 51, DK: 53, EE: 61, FI: 65, FR: 66, DE: 72, GR: 76, HU: 88, IE: 92, IT: 93,
  LV: 104, LT: 108, LU: 109, MT: 115, NL: 129, PL: 151, PT: 152, RO: 226, SK: 165, SI: 167, ES: 170, SE: 175, IS: 89, LI: 107, NO: 139,
};
const TARGET_TYPE: Record<number, string> = { 1: "Gender", 2: "Age", 3: "Location", 22: "MicrosoftAudiences", 25: "AdvertiserAudiences" };

const id = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String);
const str = z.string().max(20_000).nullish();

/** One row of `Advertisers`. */
export const advertiserSchema = z.object({
  AdvertiserId: id, AdvertiserName: str, AdvertiserCountry: str, IsVerified: z.boolean().nullish(),
}).passthrough();

const targetSchema = z.object({ TargetType: z.union([z.string().max(200), z.number()]).nullish(), UsedForExclusion: z.boolean().nullish() }).passthrough();
const shareSchema = z.object({ Country: z.union([z.string().max(200), z.number()]).nullish(), ImpressionShare: z.union([z.string().max(50), z.number()]).nullish() }).passthrough();

/** AdDetails, present only when a single ad is asked for with `expand=AdDetails`. */
export const adDetailsSchema = z.object({
  PaidForByName: str, StartDate: str, EndDate: str, TotalImpressionsRange: str,
  ImpressionsByCountry: z.array(shareSchema).max(100).nullish(),
  Targets: z.array(targetSchema).max(100).nullish(),
  TargetTypes: z.array(targetSchema).max(100).nullish(),
  RestrictionReason: z.unknown().optional(),
}).passthrough();

/** One `Ad`. */
export const adSchema = z.object({
  AdId: id, AdvertiserId: id.nullish(), AdvertiserName: str, Title: str, Description: str,
  DisplayUrl: str, DestinationUrl: str, AssetJson: str, AdDetails: adDetailsSchema.nullish(),
}).passthrough();

/** The OData collection envelope; rows are checked one by one so one bad row does not lose the page. */
export const collectionSchema = z.object({ "@odata.count": z.number().int().nonnegative().optional(), value: z.array(z.unknown()) }).passthrough();

/** An OData error body (`{ error: { code, message } }`). */
export const odataErrorSchema = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }).passthrough() }).passthrough();

export type MicrosoftAd = z.infer<typeof adSchema>;
export type MicrosoftAdvertiser = z.infer<typeof advertiserSchema>;

/**
 * JSON.parse for API bodies whose ids are bare integers: ids longer than a double holds exactly are
 * quoted first, so they survive as written.
 */
export function parseJsonKeepingIds(text: string): unknown {
  return JSON.parse(text.replace(/("(?:AdId|AdvertiserId)"\s*:\s*)(\d{16,})(?=\s*[,}\]])/g, '$1"$2"')) as unknown;
}

/** A query of the `Ads` collection (by search words or by advertiser), with the real parameter names. */
export function adsUrl(base: string, q: { searchText?: string; advertiserId?: string; country: string | null; top: number; skip: number }): string {
  const u = new URL(`${base.replace(/\/+$/, "")}/api/v1/Ads`);
  if (q.searchText !== undefined) u.searchParams.set("searchText", q.searchText);
  if (q.advertiserId !== undefined) u.searchParams.set("advertiserId", q.advertiserId);
  const code = q.country ? MICROSOFT_COUNTRY[q.country] : undefined;
  if (code !== undefined) u.searchParams.set("countryCodes", String(code));
  u.searchParams.set("top", String(q.top));
  u.searchParams.set("skip", String(q.skip));
  return u.href;
}

/** An advertiser-name search. */
export function advertisersUrl(base: string, q: { searchText: string; top: number; skip: number }): string {
  const u = new URL(`${base.replace(/\/+$/, "")}/api/v1/Advertisers`);
  u.searchParams.set("searchText", q.searchText);
  u.searchParams.set("top", String(q.top));
  u.searchParams.set("skip", String(q.skip));
  return u.href;
}

/** One ad with its details (the only way the API gives AdDetails). */
export function adDetailUrl(base: string, adId: string): string {
  return `${base.replace(/\/+$/, "")}/api/v1/Ads/${encodeURIComponent(adId)}?expand=${encodeURIComponent("AdDetails(expand=ImpressionsByCountry,Targets)")}`;
}

/** The same query one page on, or null when the API would refuse the offset or the page was not full. */
export function nextPageUrl(url: string, rows: number): string | null {
  const u = new URL(url);
  const top = Number(u.searchParams.get("top") ?? MAX_TOP);
  const skip = Number(u.searchParams.get("skip") ?? 0);
  // `@odata.count` stops at 1000, so a full page is the only sign that more may follow.
  if (rows < top || skip + top > MAX_SKIP) return null;
  u.searchParams.set("skip", String(skip + top));
  return u.href;
}

function day(v: string | null | undefined): string | null {
  const m = v ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim()) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}T00:00:00.000Z` : null;
}

const targetName = (t: string | number | null | undefined): string | null => (typeof t === "number" ? (TARGET_TYPE[t] ?? `TargetType ${t}`) : t?.trim() || null);

/** The library's targeting disclosure: the target types used (an aggregate over the ad's run), and which also excluded. */
function targeting(d: z.infer<typeof adDetailsSchema> | null | undefined): Record<string, unknown> | null {
  const rows = d?.Targets ?? d?.TargetTypes ?? null;
  if (!rows) return null;
  const types = rows.map((r) => targetName(r.TargetType)).filter((t): t is string => t !== null);
  const excluded = rows.filter((r) => r.UsedForExclusion === true).map((r) => targetName(r.TargetType)).filter((t): t is string => t !== null);
  return { target_types: types, excluded_types: excluded, source: "Microsoft Ad Library AdDetails.Targets (aggregate over the ad's run)" };
}

/** One ad (with its details) as polad's ad record; the API record is kept whole under `library`. */
export function microsoftAdToRecord(ad: MicrosoftAd, o: { country: string; apiUrl: string }): AdInput {
  const d = ad.AdDetails ?? null;
  const text = [ad.Title, ad.Description].map((s) => s?.trim()).filter((s): s is string => !!s).join("\n");
  return {
    id: ad.AdId, source: MICROSOFT_SOURCE_ID, publisher: "Microsoft Bing", sponsor: d?.PaidForByName?.trim() || ad.AdvertiserName?.trim() || null,
    text: text || null, html: null, label: null, targeting: targeting(d), first_seen: day(d?.StartDate), last_seen: day(d?.EndDate), country: o.country,
    advertiser: ad.AdvertiserName ?? null, advertiser_id: ad.AdvertiserId ?? null, paid_for_by: d?.PaidForByName ?? null,
    display_url: ad.DisplayUrl ?? null, destination_url: ad.DestinationUrl ?? null, impressions_range: d?.TotalImpressionsRange ?? null,
    impressions_by_country: d?.ImpressionsByCountry ?? null, restriction_reason: d?.RestrictionReason ?? null,
    api_url: o.apiUrl, library: ad,
  };
}
