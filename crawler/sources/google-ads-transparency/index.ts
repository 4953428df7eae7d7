/**
 * Google Ads Transparency Center source (adstransparency.google.com): advertiser pages and domain
 * searches list creatives; each creative page is rendered in the browser (the centre is a scripted
 * app) for the creative as shown and an element screenshot. Public pages only: no login, no API keys.
 * The library's "Paid for by" metadata is kept apart from the ad's own label.
 *
 * Lists: the list page is rendered and its script's own first SearchCreatives call is read (its answer
 * lists the creatives and carries the next page's token); later pages are asked of that RPC with ctx.fetch,
 * one work item per page, until an answer has no token (rpc.ts): counted against the request budget
 * (a spent budget pauses the run, resumable), 429/503 waited out with Retry-After, Google's "unusual
 * traffic" wall (a 429 carrying a captcha form) recorded as blocked. A list page without that call (cards
 * in the page) is read from its cards and a rel=next link, as before.
 *
 * Checked against real material: the ad-card markup (text, image and video cards, c4d sample of the
 * 2020 US report pages, test/sources/google-atc.test.ts); the "unusual traffic" page's markup and its
 * 429 status as quoted in public issue threads (google/recaptcha#489, xtekky/gpt4free#3302). Built from
 * third-party scrapers of the real centre, not checked against a saved real answer: the SearchCreatives
 * path, its form body `f.req` and numeric keys (request "2" page size, "3" filters with "8" geo ids,
 * "12" domain, "13" advertiser ids, "4" token, "7" offset; answer "1" creatives with "1"/"2" ids, "2"
 * token, the `)]}'` prefix, the {"5": 400} error) and that the page's script pages on with the token as
 * the reader scrolls. Checked only against the replica (sandbox/platforms/google-ads-transparency,
 * test/sources/google-atc-paging.test.ts): the advertiser and domain search URLs, the creative page
 * (selectors.ts CREATIVE/METADATA), the creative's own label and notice link, 429 with Retry-After on
 * the RPC and on creative pages, the wall on a list page and on a later RPC page. Not known: whether the
 * real RPC answers requests without the browser's cookies (scrapers send the home page's; polad's
 * ctx.fetch sends none, and a refusal would show as failed or blocked pages, not as missing ads), its
 * real page-size limit, and whether robots.txt allows /anji/.
 */
import type { Response } from "playwright-core";
import { z } from "zod";
import { UsageError } from "../../../common/errors.js";
import type { AdInput } from "../../../common/ad-input.js";
import type { FetchedNotice } from "../../../common/capture.js";
import { navigate } from "../../browser.js";
import { GiveUp } from "../../errors.js";
import type { AdSource, SourceContext, WorkItem } from "../../source.js";
import { parseAdCards } from "./cards.js";
import { readFirstAnswer } from "../platform-common/list-pager.js";
import { openRendered } from "../platform-common/page-read.js";
import { readCreativePage } from "./creative.js";
import { handleRpcPage, KIND_RPC, pageItems, parseSearchAnswer, SEARCH_CREATIVES_PATH, type SearchPage, type SearchRequest } from "./rpc.js";
import { LIST_READY, NEXT_PAGE } from "./selectors.js";

/** The source id. */
export const ATC_SOURCE_ID = "google-ads-transparency";
const KIND_LIST = "atc-list";
const KIND_CREATIVE = "atc-creative";
const DEFAULT_BASE = "https://adstransparency.google.com";

/** Turns seeds into list URLs: full URLs as given, `AR…` advertiser ids, and bare domains as domain searches. */
function seedUrls(seeds: string[], terms: string[], base: string, region: string): string[] {
  return [...seeds, ...terms].map((s) => {
    if (/^https?:\/\//.test(s)) return s;
    if (/^AR\d+$/.test(s)) return `${base}/advertiser/${s}?region=${region}`;
    if (/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(s)) return `${base}/?region=${region}&domain=${encodeURIComponent(s)}`;
    throw new UsageError(`google-ads-transparency: "${s}" is not a URL, an advertiser id (AR…) or a domain`);
  });
}

/** What the list page's own first SearchCreatives call brought back. */
interface FirstPage { req: SearchRequest | null; page: SearchPage }

/** Reads the list page's own first RPC answer: a wall is Blocked, a 429/503 RetryLater (Retry-After kept), other errors GiveUp. */
async function readFirstPage(r: Response): Promise<FirstPage> {
  const answer = await readFirstAnswer(r, "SearchCreatives");
  let page: SearchPage;
  try {
    page = parseSearchAnswer(answer.body);
  } catch (err) {
    throw new GiveUp("atc-rpc", `unreadable SearchCreatives answer: ${(err as Error).message.slice(0, 200)}`, { cause: err });
  }
  let req: SearchRequest | null = null;
  try {
    req = z.record(z.string(), z.unknown()).parse(JSON.parse(new URLSearchParams(answer.postData ?? "").get("f.req") ?? "")) as SearchRequest;
  } catch {
    req = null;
  }
  return { req, page };
}

async function handleList(item: WorkItem, ctx: SourceContext): Promise<void> {
  const origin = new URL(item.url).origin;
  const region = new URL(item.url).searchParams.get("region");
  const seen = await ctx.withPage(async (page) => {
    // The list's script asks SearchCreatives for the first page; its answer carries the token of the next.
    const rpc = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(`${origin}${SEARCH_CREATIVES_PATH}`), { timeout: 40_000 }).catch(() => null);
    await navigate(page, item.url, { timeoutMs: 30_000 });
    const answer = await rpc;
    if (answer) return { first: await readFirstPage(answer), html: null, next: null };
    // No RPC seen: a list that carries its cards in the page (the saved 2020 report pages), paged by a next link.
    await openRendered(page, item.url, LIST_READY);
    const nextLink = page.locator(NEXT_PAGE).first();
    return { first: null, html: await page.content(), next: (await nextLink.count()) > 0 ? await nextLink.getAttribute("href") : null };
  });
  if (seen.first) {
    if (!seen.first.req && seen.first.page.next) ctx.count("atc-unpageable-list");
    const req = seen.first.req ?? {};
    const page = seen.first.req ? seen.first.page : { ...seen.first.page, next: null };
    return ctx.enqueue(pageItems({ origin, region, req, page, pageNo: 1 }));
  }
  const items: Array<{ url: string; kind: string; payload: Record<string, unknown> }> = [];
  for (const card of parseAdCards(seen.html ?? "")) {
    const u = new URL(card.href, item.url);
    if (u.origin !== origin || !card.creativeId) continue;
    if (region && !u.searchParams.has("region")) u.searchParams.set("region", region);
    items.push({ url: u.href, kind: KIND_CREATIVE, payload: { listPaidForBy: card.library.paidForBy, format: card.format } });
  }
  if (seen.next) {
    const n = new URL(seen.next, item.url);
    if (n.origin === origin) items.push({ url: n.href, kind: KIND_LIST, payload: {} });
  }
  await ctx.enqueue(items);
}

async function handleCreative(item: WorkItem, ctx: SourceContext): Promise<void> {
  const view = await ctx.withPage((page) => readCreativePage(page, item.url));
  const ids = /\/advertiser\/(AR\d+)\/creative\/(CR\d+)/.exec(new URL(item.url).pathname);
  const creativeId = ids?.[2] ?? item.url;
  let notice: FetchedNotice | null = null;
  if (view.noticeUrl) notice = await ctx.fetchNotice(view.noticeUrl);
  const date = (d: string | null) => (d && !Number.isNaN(Date.parse(d)) ? new Date(d).toISOString() : null);
  const ad: AdInput = {
    id: creativeId,
    source: ATC_SOURCE_ID,
    publisher: "Google",
    sponsor: view.library.paidForBy,
    text: view.text,
    label: view.label,
    html: view.html,
    notice_url: view.noticeUrl,
    notice_status: notice ? notice.status : null,
    first_seen: date(view.library.firstShown),
    last_seen: date(view.library.lastShown),
    country: (new URL(item.url).searchParams.get("region") ?? "NL").toUpperCase().slice(0, 8),
    advertiser_id: ids?.[1] ?? null,
    library: view.library,
    creative_url: item.url,
  };
  await ctx.emit({
    ad,
    notice,
    sighting: {
      pageUrl: item.url, frameChain: view.frameChain, seenAt: ctx.now().toISOString(), viewport: view.viewport, userAgent: null,
      screenshotPng: view.screenshotPng, html: view.html, labelStyles: view.labelStyles, links: view.links,
    },
  });
}

/** The Ads Transparency Center source (registry entry). */
export const googleAdsTransparencySource: AdSource = {
  id: ATC_SOURCE_ID,
  description: "Google Ads Transparency Center: advertiser and domain pages, creatives rendered in the browser",
  seed(opts) {
    const base = typeof opts.apiBase === "string" ? opts.apiBase.replace(/\/+$/, "") : DEFAULT_BASE;
    const region = typeof opts.country === "string" ? opts.country.toUpperCase() : "NL";
    const urls = seedUrls(opts.seeds, opts.terms ?? [], base, region);
    if (urls.length === 0) throw new UsageError("google-ads-transparency needs advertiser ids (AR…), domains or centre URLs (--seed)");
    return urls.map((url) => ({ url, kind: /\/creative\/CR\d+/.test(url) ? KIND_CREATIVE : KIND_LIST }));
  },
  async handle(item, ctx) {
    if (item.kind === KIND_CREATIVE) return handleCreative(item, ctx);
    if (item.kind === KIND_RPC) return handleRpcPage(item, ctx);
    return handleList(item, ctx);
  },
};
