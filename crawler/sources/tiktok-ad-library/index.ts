/**
 * TikTok Ad Library source (library.tiktok.com, the public DSA library): advertiser searches list ads,
 * each ad's detail page is rendered for the creative (video cover and caption) and the library's ad
 * details (advertiser, "Paid for by", first/last shown, targeting by age, gender and location). Built
 * from the public library's page structure and TikTok's Commercial Content API field names (ad.id,
 * first_shown_date, last_shown_date, advertiser.business_name, advertiser.paid_for_by, targeting_info);
 * with an approved research client's token (option `token`) polad queries that API instead (query.ts).
 *
 * Result lists: the search page's script asks `POST /api/v1/search` for the first results; polad reads
 * that answer (has_more, search_id) and asks for every later page itself with ctx.fetch, offset moved on
 * by what came, until has_more is false (pager.ts): counted against the request budget, 429s waited
 * out, a challenge Blocked.
 *
 * Checked against real material: nothing (no real TikTok sample in ../shared/data/real). The API
 * request and field names follow TikTok's public developer documentation; the library's search API
 * (path, query parameters, body keys query/offset/search_id/limit, answer keys data/has_more/search_id)
 * follows third-party scrapers of the public library, not a saved real answer. Checked only against the
 * replica: the library pages' structure (selectors.ts class names and the "Ad details" labels), the
 * search URL, the search API's paging (test/sources/library-paging.test.ts: every page collected, no
 * ask past the last), the Commercial Content API's answers, its search_id paging, its error envelope and
 * its bare 19-digit ids, a captcha wall and 429s with Retry-After on detail pages
 * (sandbox/platforms/library-faults.ts, test/sources/library-faults.test.ts). Not known: whether the
 * real search API answers without the browser's cookies (ctx.fetch sends none; a refusal would show as
 * failed or blocked page items, not as missing ads) and whether its ids come as strings or integers.
 */
import type { AdSource } from "../../source.js";
import { makeLibrarySource } from "../platform-common/library-source.js";
import { apiQueryUrl, DEFAULT_TIKTOK_API, handleApiQuery, KIND_API } from "./query.js";
import { tiktokPager } from "./pager.js";
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

const pages = makeLibrarySource({
  ...TIKTOK,
  pager: tiktokPager,
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

/** The TikTok Ad Library source (registry entry): the Commercial Content API when a token is given, the public pages otherwise. */
export const tiktokAdLibrarySource: AdSource = {
  ...pages,
  description: "TikTok Ad Library: Commercial Content API with a research token, else the public DSA library pages rendered in the browser",
  seed(opts) {
    if (!opts.token) return pages.seed(opts);
    const base = typeof opts.apiBase === "string" ? opts.apiBase : DEFAULT_TIKTOK_API;
    const region = typeof opts.country === "string" ? opts.country.toUpperCase() : "NL";
    const urlSeeds = opts.seeds.filter((s) => /^https?:\/\//.test(s));
    const terms = [...opts.seeds.filter((s) => !/^https?:\/\//.test(s)), ...(opts.terms ?? [])];
    const api = (terms.length > 0 ? terms : [""]).map((term) => ({ url: apiQueryUrl(base, { term, region }), kind: KIND_API }));
    return [...api, ...(urlSeeds.length > 0 ? pages.seed({ ...opts, seeds: urlSeeds, terms: [] }) : [])];
  },
  async handle(item, ctx, opts) {
    if (item.kind === KIND_API && opts.token) return handleApiQuery(item, ctx, opts.token);
    return pages.handle(item, ctx, opts);
  },
};
