/**
 * TikTok Ad Library source (library.tiktok.com, the public DSA library): advertiser searches list ads,
 * each ad's detail page is rendered for the creative (video cover and caption) and the library's ad
 * details (advertiser, "Paid for by", first/last shown, targeting by age, gender and location). Built
 * from the public library's page structure and TikTok's Commercial Content API field names (ad.id,
 * first_shown_date, last_shown_date, advertiser.business_name, advertiser.paid_for_by, targeting_info);
 * the API itself needs an approved research client and POST requests, so polad reads the public pages.
 */
import { makeLibrarySource } from "../platform-common/library-source.js";
import { TIKTOK } from "./selectors.js";

/** TikTok's "20260318" or "2026-03-18" dates as ISO instants. */
function day(v: string | undefined): string | null {
  if (!v) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}T00:00:00.000Z` : null;
}

function list(v: string | undefined): string[] | null {
  if (!v || /^(all|alle|not targeted|niet getarget)$/i.test(v.trim())) return null;
  return v.split(/\s*,\s*/).filter(Boolean);
}

/** The TikTok Ad Library source (registry entry). */
export const tiktokAdLibrarySource = makeLibrarySource({
  ...TIKTOK,
  id: "tiktok-ad-library",
  publisher: "TikTok",
  description: "TikTok Ad Library (public DSA library pages): creatives and ad details rendered in the browser",
  defaultBase: "https://library.tiktok.com",
  detailId: (u) => (/\/ads\/detail\/?$/.test(u.pathname) ? (u.searchParams.get("ad_id") ?? null) : null),
  searchUrl: (seed, base, region) => `${base}/ads?region=${encodeURIComponent(region)}&adv_name=${encodeURIComponent(seed)}&query_type=1&sort_type=last_shown_date,desc`,
  mapMetadata(meta) {
    const targeting = { age: list(meta["Age"]), gender: list(meta["Gender"]), location: list(meta["Location"]), audience: meta["Target audience size"] ?? null };
    return {
      sponsor: meta["Paid for by"] || meta["Advertiser"] || null,
      firstSeen: day(meta["First shown"]),
      lastSeen: day(meta["Last shown"]),
      targeting,
      extra: { advertiser: meta["Advertiser"] ?? null, unique_users_seen: meta["Unique users seen"] ?? null },
    };
  },
});
