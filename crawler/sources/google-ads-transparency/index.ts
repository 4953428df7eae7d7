/**
 * Google Ads Transparency Center source (adstransparency.google.com): advertiser pages and domain
 * searches list creatives; each creative page is rendered in the browser (the centre is a scripted
 * app) for the creative as shown and an element screenshot. Built from the public centre's page
 * structure and the real saved card markup (c4d sample). Public pages only: no login, no API keys.
 * The library's "Paid for by" metadata is kept apart from the ad's own label.
 *
 * Checked against real material: the ad-card markup (text, image and video cards, c4d sample of the
 * 2020 US report pages, test/sources/google-atc.test.ts). Checked only against the replica: the
 * advertiser and domain search URLs, the creative page (selectors.ts CREATIVE/METADATA) and the
 * creative's own label and notice link. Not exercised yet: list paging, 429 and challenge answers
 * (the replica has no such routes).
 */
import { UsageError } from "../../../common/errors.js";
import type { AdInput } from "../../../common/ad-input.js";
import type { FetchedNotice } from "../../../common/capture.js";
import type { AdSource, SourceContext, WorkItem } from "../../source.js";
import { parseAdCards } from "./cards.js";
import { openRendered } from "../platform-common/page-read.js";
import { readCreativePage } from "./creative.js";
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

async function handleList(item: WorkItem, ctx: SourceContext): Promise<void> {
  const { html, next } = await ctx.withPage(async (page) => {
    await openRendered(page, item.url, LIST_READY);
    const nextLink = page.locator(NEXT_PAGE).first();
    const nextHref = (await nextLink.count()) > 0 ? await nextLink.getAttribute("href") : null;
    return { html: await page.content(), next: nextHref };
  });
  const origin = new URL(item.url).origin;
  const region = new URL(item.url).searchParams.get("region");
  const items: Array<{ url: string; kind: string; payload: Record<string, unknown> }> = [];
  for (const card of parseAdCards(html)) {
    const u = new URL(card.href, item.url);
    if (u.origin !== origin || !card.creativeId) continue;
    if (region && !u.searchParams.has("region")) u.searchParams.set("region", region);
    items.push({ url: u.href, kind: KIND_CREATIVE, payload: { listPaidForBy: card.library.paidForBy, format: card.format } });
  }
  if (next) {
    const n = new URL(next, item.url);
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
    return handleList(item, ctx);
  },
};
