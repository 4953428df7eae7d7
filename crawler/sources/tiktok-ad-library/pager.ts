/**
 * Paging of library.tiktok.com's search results. The search page's script asks
 * `POST /api/v1/search?region=…&type=1&start_time=…&end_time=…` with a JSON body {query, query_type,
 * adv_biz_ids, order, offset, search_id, limit: 12}; the answer is {data: [ads with id], has_more,
 * search_id}, and "View more" asks again with the offset moved on by what came and the answer's
 * search_id. Built from third-party scrapers of the public library (request and answer keys); whether
 * ad ids come as strings or as bare integers beyond 2^53 is not known, so they are read keeping digits.
 */
import { z } from "zod";
import { GiveUp } from "../../errors.js";
import type { SourceContext } from "../../source.js";
import { checkPageStatus, type FirstAnswer, type ListPager } from "../platform-common/list-pager.js";
import { parseJsonKeepingIds } from "./api.js";

/** The search API's path. */
export const SEARCH_API_PATH = "/api/v1/search";
const OWN = "polad_body";

const answerSchema = z.object({
  data: z.array(z.object({ id: z.union([z.string().regex(/^\d{1,30}$/), z.number().int().nonnegative()]).transform(String) }).passthrough()).max(1000).default([]),
  has_more: z.boolean().default(false),
  search_id: z.union([z.string().max(500), z.number()]).transform(String).optional(),
}).passthrough();

/** Reads one answer: the ads' ids, whether more follow and the search id to send with the next ask. */
export function parseSearchApiAnswer(text: string): { ids: string[]; hasMore: boolean; searchId: string | null } {
  let json: unknown;
  try {
    json = parseJsonKeepingIds(text);
  } catch {
    throw new Error(`TikTok library search answer is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
  const r = answerSchema.safeParse(json);
  if (!r.success) throw new Error(`TikTok library search answer: ${r.error.issues[0]?.path.join(".")} ${r.error.issues[0]?.message}`);
  return { ids: r.data.data.map((a) => a.id), hasMore: r.data.has_more, searchId: r.data.search_id ?? null };
}

/** The work-item URL of the next ask after `body` answered `got` ads: the API URL with the JSON body in polad_body (removed before the request). */
function nextUrl(apiUrl: string, body: Record<string, unknown>, got: number, searchId: string | null): string {
  const u = new URL(apiUrl);
  u.searchParams.delete(OWN);
  const offset = (typeof body.offset === "number" ? body.offset : 0) + got;
  u.searchParams.set(OWN, JSON.stringify({ ...body, offset, search_id: searchId ?? body.search_id ?? "" }));
  return u.href;
}

function next(apiUrl: string, body: Record<string, unknown>, a: ReturnType<typeof parseSearchApiAnswer>): string | null {
  return a.hasMore && a.ids.length > 0 ? nextUrl(apiUrl, body, a.ids.length, a.searchId) : null;
}

const detailUrls = (apiUrl: string, ids: string[]) => ids.map((id) => `${new URL(apiUrl).origin}/ads/detail/?ad_id=${encodeURIComponent(id)}`);

function firstBody(api: FirstAnswer): Record<string, unknown> | null {
  try {
    return z.record(z.string(), z.unknown()).parse(JSON.parse(api.postData ?? ""));
  } catch {
    return null;
  }
}

/** TikTok's list paging (library-source pager). */
export const tiktokPager: ListPager = {
  firstPageApi: (u, method) => method === "POST" && u.pathname === SEARCH_API_PATH,
  secondPage({ api }) {
    if (!api) return null;
    const body = firstBody(api);
    let a: ReturnType<typeof parseSearchApiAnswer>;
    try {
      a = parseSearchApiAnswer(api.body);
    } catch (err) {
      throw new GiveUp("list-api", (err as Error).message.slice(0, 300), { cause: err });
    }
    return body ? next(api.url, body, a) : null;
  },
  async fetchPage(url: string, ctx: SourceContext) {
    const u = new URL(url);
    let body: Record<string, unknown>;
    try {
      body = z.record(z.string(), z.unknown()).parse(JSON.parse(u.searchParams.get(OWN) ?? ""));
    } catch (err) {
      throw new GiveUp("bad-work-item", "the page item carries no search body", { cause: err });
    }
    u.searchParams.delete(OWN);
    const res = await ctx.fetch(u.href, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", accept: "application/json, text/plain, */*" } });
    checkPageStatus(res.status, "TikTok library search");
    let a: ReturnType<typeof parseSearchApiAnswer>;
    try {
      a = parseSearchApiAnswer(res.body);
    } catch (err) {
      throw new GiveUp("list-api", (err as Error).message.slice(0, 300), { cause: err });
    }
    return { details: detailUrls(u.href, a.ids), next: next(u.href, body, a) };
  },
};
