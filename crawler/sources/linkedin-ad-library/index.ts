/**
 * LinkedIn Ad Library source (linkedin.com/ad-library, public, no sign-in needed): advertiser searches
 * list ads; each detail page is rendered for the ad preview as members saw it and the library's ad
 * details (advertiser, "Paid for by", run dates, the targeting parameters LinkedIn discloses for EU ads,
 * impressions). Built from the public library's page structure. No login, no API.
 *
 * Result lists: the search page carries its first results and a pagination token
 * (`<code id="paginationMetadata">`); every later page is `searchPaginationFragment?…&paginationToken=`,
 * fetched with ctx.fetch until a page says isLastPage (pager.ts): counted against the request budget,
 * 429s waited out, a challenge (and LinkedIn's status 999) Blocked.
 *
 * Checked against real material: nothing (no saved LinkedIn library page in ../shared/data/real). The
 * fragment endpoint, its paginationToken parameter and the metadata element follow third-party
 * scrapers of the public library. Checked only against the replica: the search URL and its
 * accountOwner/countries parameters, the selectors (selectors.ts), the "Ad details" labels and date
 * formats, paging through the fragments (test/sources/library-paging.test.ts: every page collected, no
 * ask past the last), a captcha wall and 429s with Retry-After (sandbox/platforms/library-faults.ts);
 * status 999 is recorded as blocked (crawler/challenge.ts, test/crawler/challenge-status.test.ts).
 */
import { makeLibrarySource } from "../platform-common/library-source.js";
import { linkedinPager } from "./pager.js";
import { LINKEDIN } from "./selectors.js";

const MONTHS: Record<string, string> = { jan: "01", feb: "02", mar: "03", mrt: "03", apr: "04", may: "05", mei: "05", jun: "06", jul: "07", aug: "08", sep: "09", oct: "10", okt: "10", nov: "11", dec: "12" };

/** "Mar 1, 2026", "1 mrt 2026" or "2026-03-01" as an ISO instant. */
export function linkedinDate(v: string | undefined): string | null {
  if (!v) return null;
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}T00:00:00.000Z`;
  const en = /([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})/.exec(v);
  const nl = /(\d{1,2}) ([a-z]{3})[a-z]*\.? (\d{4})/i.exec(v);
  const [mon, d, y] = en ? [en[1], en[2], en[3]] : nl ? [nl[2], nl[1], nl[3]] : [];
  const mm = mon ? MONTHS[mon.toLowerCase()] : undefined;
  return mm && d && y ? `${y}-${mm}-${d.padStart(2, "0")}T00:00:00.000Z` : null;
}

/** The LinkedIn Ad Library source (registry entry). */
export const linkedinAdLibrarySource = makeLibrarySource({
  ...LINKEDIN,
  pager: linkedinPager,
  id: "linkedin-ad-library",
  publisher: "LinkedIn",
  description: "LinkedIn Ad Library (public pages): ad previews and ad details rendered in the browser",
  defaultBase: "https://www.linkedin.com",
  detailId: (u) => /^\/ad-library\/detail\/(\d+)\/?$/.exec(u.pathname)?.[1] ?? null,
  searchUrl: (seed, base, region) => `${base}/ad-library/search?accountOwner=${encodeURIComponent(seed)}&countries=${encodeURIComponent(region)}`,
  mapMetadata(meta) {
    const ran = meta["Ran"] ?? meta["Ran from"] ?? "";
    const [from, to] = ran.split(/\s+(?:to|tot|-|–)\s+/);
    const targeting: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(meta)) if (/^Targeting: /.test(k)) targeting[k.replace(/^Targeting: /, "").toLowerCase()] = v;
    return {
      sponsor: meta["Paid for by"] || meta["Advertiser"] || null,
      firstSeen: linkedinDate(from),
      lastSeen: linkedinDate(to),
      targeting: Object.keys(targeting).length > 0 ? targeting : null,
      extra: { advertiser: meta["Advertiser"] ?? null, impressions: meta["Impressions"] ?? null },
    };
  },
});
