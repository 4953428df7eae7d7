/**
 * The TikTok Commercial Content API mode of the source: with an approved research client's token,
 * `POST /v2/research/adlib/ad/query/` is paged (search_id) per search term and region, and each ad is
 * stored as a metadata-only record (advertiser, paid for by, dates). Without a token the source reads
 * the public library pages instead.
 */
import { RetryLater, StopRun } from "../../errors.js";
import type { SourceContext, WorkItem } from "../../source.js";
import { parseAdQueryResponse, parseJsonKeepingIds } from "./api.js";

/** Work item kind of one API query page. */
export const KIND_API = "tiktok-ad-library:api";
/** TikTok's API host (the apiBase option replaces it, e.g. with the sandbox replica). */
export const DEFAULT_TIKTOK_API = "https://open.tiktokapis.com";
const FIELDS = "ad.id,ad.first_shown_date,ad.last_shown_date,ad.status,ad.videos,ad.image_urls,ad.reach,advertiser.business_id,advertiser.business_name,advertiser.paid_for_by";
const PAGE = 50;
// The frontier keys items by URL: the term, region and page ride in polad_* parameters, removed before the request.
const OWN = ["polad_term", "polad_region", "polad_page"] as const;

/** The frontier URL of one query page. */
export function apiQueryUrl(base: string, q: { term: string; region: string; page?: string | undefined }): string {
  const u = new URL(`${base.replace(/\/+$/, "")}/v2/research/adlib/ad/query/`);
  u.searchParams.set("fields", FIELDS);
  u.searchParams.set("polad_term", q.term);
  u.searchParams.set("polad_region", q.region);
  if (q.page) u.searchParams.set("polad_page", q.page);
  return u.href;
}

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10).replace(/-/g, "");
}

/** Queries one API page, emits its ads, enqueues the next page. */
export async function handleApiQuery(item: WorkItem, ctx: SourceContext, token: string): Promise<void> {
  const u = new URL(item.url);
  const term = u.searchParams.get("polad_term") ?? "";
  const region = u.searchParams.get("polad_region") ?? "NL";
  const page = u.searchParams.get("polad_page");
  for (const k of OWN) u.searchParams.delete(k);
  const body = {
    filters: { country_code: region, ad_published_date_range: { min: "20231001", max: ymd(ctx.now()) } },
    search_term: term, max_count: PAGE, ...(page ? { search_id: page } : {}),
  };
  const res = await ctx.fetch(u.href, { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" } });
  let parsed: ReturnType<typeof parseAdQueryResponse>;
  try {
    parsed = parseAdQueryResponse(parseJsonKeepingIds(res.body));
  } catch (err) {
    const msg = (err as Error).message.replaceAll(token, "[token]").slice(0, 300);
    if (res.status === 401 || res.status === 403 || /access_token|scope/.test(msg)) throw new StopRun("tiktok-api", msg);
    throw new RetryLater("tiktok-api", `HTTP ${res.status}: ${msg}`);
  }
  const seenAt = ctx.now().toISOString();
  for (const ad of parsed.ads) {
    ad.country = region;
    const sighting = { pageUrl: u.href, frameChain: [], seenAt, viewport: null, userAgent: null, screenshotPng: null, html: null, labelStyles: [], links: [] };
    await ctx.emit({ ad, sighting, notice: null });
  }
  const base = item.url.slice(0, item.url.indexOf("/v2/research/"));
  if (parsed.hasMore && parsed.searchId) await ctx.enqueue([{ url: apiQueryUrl(base, { term, region, page: parsed.searchId }), kind: KIND_API }]);
}
