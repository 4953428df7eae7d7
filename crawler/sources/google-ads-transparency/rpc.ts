/**
 * Paging of the centre's lists through its own RPC, `POST /anji/_/rpc/SearchService/SearchCreatives`
 * (form field `f.req`, JSON with numeric keys): the list page's script asks for the first page; the
 * answer's "2" is the token of the next one, sent back as "4" with the offset in "7"."2"; the last page
 * has no token. Built from third-party scrapers of the real centre (request and answer keys, the
 * `)]}'` prefix some answers carry, the {"5": 400} error shape); no real answer is saved here.
 * Each later page is one work item fetched with ctx.fetch: counted against the request budget, a 429
 * waited out (Retry-After) by the runner, Google's "unusual traffic" wall (a 429 with a captcha) Blocked.
 */
import { z } from "zod";
import { GiveUp, RetryLater } from "../../errors.js";
import type { SourceContext, WorkItem } from "../../source.js";

/** The RPC's path on the centre's origin. */
export const SEARCH_CREATIVES_PATH = "/anji/_/rpc/SearchService/SearchCreatives";
/** Work item kind of one later page of a list. */
export const KIND_RPC = "atc-rpc";
/** At most this many pages per list (40 creatives each on the real centre). */
const MAX_PAGES = 500;

const numericString = z.union([z.string(), z.number()]).transform(String);
const answerSchema = z
  .object({
    "1": z.array(z.object({ "1": z.string().regex(/^AR\d+$/), "2": z.string().regex(/^CR\d+$/), "4": z.number().optional(), "12": z.string().max(2000).optional() }).passthrough()).max(1000).optional(),
    "2": z.string().min(1).max(4000).optional(),
    "5": numericString.optional(),
  })
  .passthrough();

/** A request body as the centre's script sends it (only the keys polad changes are typed). */
export type SearchRequest = Record<string, unknown> & { "4"?: string; "7"?: Record<string, unknown> };

/** One answer page: the creatives' ids and the next page's token (null on the last page). */
export interface SearchPage { creatives: Array<{ advertiserId: string; creativeId: string; advertiser: string | null; format: number | null }>; next: string | null }

/** Parses a SearchCreatives answer (with or without Google's `)]}'` prefix); throws on anything else. */
export function parseSearchAnswer(text: string): SearchPage {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\)\]\}'?\s*/, ""));
  } catch {
    throw new Error(`SearchCreatives answer is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) throw new Error(`SearchCreatives answer: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  if (parsed.data["5"] !== undefined && !parsed.data["1"]) throw new Error(`SearchCreatives error ${parsed.data["5"]}`);
  const creatives = (parsed.data["1"] ?? []).map((c) => ({ advertiserId: c["1"], creativeId: c["2"], advertiser: c["12"] ?? null, format: c["4"] ?? null }));
  return { creatives, next: parsed.data["2"] ?? null };
}

/** The request of the page after `prev`, which answered `count` creatives with token `next`. */
export function nextRequest(prev: SearchRequest, next: string, count: number): SearchRequest {
  const seven = prev["7"] ?? { "1": 1 };
  const offset = (typeof seven["2"] === "number" ? seven["2"] : 0) + count;
  return { ...prev, "4": next, "7": { ...seven, "2": offset } };
}

/** The frontier URL of one later page: the RPC URL with the request and the list's region in polad_* parameters (removed before the request). */
export function rpcItemUrl(origin: string, req: SearchRequest, region: string | null): string {
  const u = new URL(`${origin}${SEARCH_CREATIVES_PATH}?authuser=`);
  u.searchParams.set("polad_req", JSON.stringify(req));
  if (region) u.searchParams.set("polad_region", region);
  return u.href;
}

/** Work for one answer page: the creative pages to render and, unless it was the last, the next page. */
export function pageItems(o: { origin: string; region: string | null; req: SearchRequest; page: SearchPage; pageNo: number }) {
  const items: Array<{ url: string; kind: string; payload: Record<string, unknown> }> = [];
  for (const c of o.page.creatives) {
    const u = new URL(`${o.origin}/advertiser/${c.advertiserId}/creative/${c.creativeId}`);
    if (o.region) u.searchParams.set("region", o.region);
    items.push({ url: u.href, kind: "atc-creative", payload: { listAdvertiser: c.advertiser, format: c.format } });
  }
  if (o.page.next && o.page.creatives.length > 0 && o.pageNo < MAX_PAGES) {
    items.push({ url: rpcItemUrl(o.origin, nextRequest(o.req, o.page.next, o.page.creatives.length), o.region), kind: KIND_RPC, payload: { page: o.pageNo + 1 } });
  }
  return items;
}

/** Fetches one later page of a list, enqueues its creatives and the page after it. */
export async function handleRpcPage(item: WorkItem, ctx: SourceContext): Promise<void> {
  const u = new URL(item.url);
  let req: SearchRequest;
  try {
    req = z.record(z.string(), z.unknown()).parse(JSON.parse(u.searchParams.get("polad_req") ?? "")) as SearchRequest;
  } catch (err) {
    throw new GiveUp("bad-work-item", "the page item carries no SearchCreatives request", { cause: err });
  }
  const region = u.searchParams.get("polad_region");
  u.searchParams.delete("polad_req");
  u.searchParams.delete("polad_region");
  const res = await ctx.fetch(u.href, {
    method: "POST",
    body: `f.req=${encodeURIComponent(JSON.stringify(req))}`,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", "x-same-domain": "1", origin: u.origin, accept: "*/*" },
  });
  if (res.status >= 500) throw new RetryLater("atc-rpc", `SearchCreatives answered ${res.status}`);
  if (res.status >= 400) throw new GiveUp("atc-rpc", `SearchCreatives answered ${res.status}`);
  let page: SearchPage;
  try {
    page = parseSearchAnswer(res.body);
  } catch (err) {
    throw new GiveUp("atc-rpc", `unreadable SearchCreatives answer: ${(err as Error).message.slice(0, 200)}`, { cause: err });
  }
  const pageNo = typeof item.payload.page === "number" ? item.payload.page : 2;
  await ctx.enqueue(pageItems({ origin: u.origin, region, req, page, pageNo }));
}
