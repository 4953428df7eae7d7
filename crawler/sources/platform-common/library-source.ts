/**
 * A source over a public ad-library website: list pages (advertiser or keyword search) link to detail
 * pages; each detail page is rendered in the browser and read in two parts kept apart: the creative as
 * the ad showed it (text, its own label lines, its notice link, an element screenshot) and the
 * library's metadata panel (advertiser, "Paid for by", dates, targeting), which is not the ad's label.
 * Public pages only: no login, nothing behind an access control.
 */
import { UsageError } from "../../../common/errors.js";
import type { AdInput } from "../../../common/ad-input.js";
import type { FetchedNotice } from "../../../common/capture.js";
import { GiveUp } from "../../errors.js";
import type { AdSource, SourceContext, WorkItem } from "../../source.js";
import { readLabelStyles } from "./label-style.js";
import { navigate } from "../../browser.js";
import { readFirstAnswer, type ListPager } from "./list-pager.js";
import { openRendered, runInFrame, splitCreative, waitRendered } from "./page-read.js";

/** What one library site looks like; the selectors live in each source's selectors file. */
export interface LibrarySite {
  id: string;
  publisher: string;
  description: string;
  defaultBase: string;
  /** Selector present once a list page has rendered (cards or the empty message). */
  listReady: string;
  /** Links from a list page to detail pages. */
  detailLink: string;
  nextPage: string;
  /** How the result list goes on past its first page (an API the list's script calls, or fragments); without it only `nextPage` links are followed. */
  pager?: ListPager;
  /** The ad's id from a detail URL; null when the URL is not a detail page. */
  detailId(url: URL): string | null;
  /** A list URL for a seed that is not a URL (an advertiser name, a search word). */
  searchUrl(seed: string, base: string, region: string): string;
  creativeRoot: string;
  metadataRoot: string;
  labelText: RegExp;
  noticeLinkText: RegExp;
  /** Library metadata (label → value) to sponsor, dates, targeting and extra fields. */
  mapMetadata(meta: Record<string, string>): { sponsor: string | null; firstSeen: string | null; lastSeen: string | null; targeting: Record<string, unknown> | null; extra: Record<string, unknown> };
}

/** In-page script: the metadata panel as label → value, from dt/dd pairs or [data-field] rows. Input: { root }. */
const METADATA_SCRIPT = String.raw`(args) => {
  var el = document.querySelector(args.root);
  var out = {};
  if (!el) return out;
  function clean(n) { return (n && (n.innerText || n.textContent) || "").replace(/\s+/g, " ").trim().slice(0, 2000); }
  var dts = el.querySelectorAll("dt");
  for (var i = 0; i < dts.length && i < 100; i++) {
    var dd = dts[i].nextElementSibling;
    if (dd && dd.tagName === "DD") out[clean(dts[i])] = clean(dd);
  }
  return out;
}`;

/** In-page script: the absolute hrefs of the elements matching `sel`, at most 500. */
const HREFS_SCRIPT = String.raw`(args) => Array.prototype.slice.call(document.querySelectorAll(args.sel), 0, 500).map(function (a) { return a.href; })`;

async function handleList(site: LibrarySite, item: WorkItem, ctx: SourceContext): Promise<void> {
  const pager = site.pager;
  const found = await ctx.withPage(async (page) => {
    // Registered before navigating: the list's script may ask for its results as soon as it runs.
    const apiWait = pager?.firstPageApi ? page.waitForResponse((r) => pager.firstPageApi!(new URL(r.url()), r.request().method()), { timeout: 40_000 }).catch(() => null) : null;
    const nav = await navigate(page, item.url, { timeoutMs: 30_000 });
    const answer = apiWait ? await apiWait : null;
    const api = answer ? await readFirstAnswer(answer, `${site.id} search`) : null;
    await waitRendered(page, nav.status, site.listReady);
    const hrefs = await runInFrame<string[]>(page.mainFrame(), HREFS_SCRIPT, { sel: site.detailLink });
    const next = page.locator(site.nextPage).first();
    const second = pager ? pager.secondPage({ listUrl: item.url, html: await page.content(), api }) : null;
    return { hrefs, second, next: (await next.count()) > 0 ? await next.getAttribute("href") : null };
  });
  await enqueueFound(site, item, ctx, { details: found.hrefs, nextPage: found.second, nextList: found.next });
}

/** One later page of a list (ctx.fetch): its detail pages and the page after it. */
async function handlePage(site: LibrarySite, item: WorkItem, ctx: SourceContext): Promise<void> {
  if (!site.pager) throw new GiveUp("not-a-list-page", `${site.id} has no paged lists`);
  const page = await site.pager.fetchPage(item.url, ctx);
  await enqueueFound(site, item, ctx, { details: page.details, nextPage: page.next, nextList: null });
}

async function enqueueFound(site: LibrarySite, item: WorkItem, ctx: SourceContext, f: { details: string[]; nextPage: string | null; nextList: string | null }): Promise<void> {
  const origin = new URL(item.url).origin;
  const items: Array<{ url: string; kind: string }> = [];
  for (const h of f.details) {
    const u = new URL(h, item.url);
    if (u.origin === origin && site.detailId(u)) items.push({ url: u.href, kind: `${site.id}:detail` });
  }
  for (const [href, kind] of [[f.nextPage, `${site.id}:page`], [f.nextList, `${site.id}:list`]] as const) {
    if (!href) continue;
    const n = new URL(href, item.url);
    if (n.origin === origin && n.href !== item.url) items.push({ url: n.href, kind });
  }
  await ctx.enqueue(items);
}

async function readDetail(site: LibrarySite, item: WorkItem, ctx: SourceContext) {
  return ctx.withPage(async (page) => {
    await openRendered(page, item.url, `${site.creativeRoot}, .not-found`);
    const creative = page.locator(site.creativeRoot).first();
    if ((await creative.count()) === 0) throw new GiveUp("ad-gone", "the detail page shows no ad");
    const frame = page.mainFrame();
    const split = await splitCreative(frame, site.creativeRoot, site.labelText);
    return {
      split,
      meta: await runInFrame<Record<string, string>>(frame, METADATA_SCRIPT, { root: site.metadataRoot }),
      labelStyles: await readLabelStyles(frame, site.creativeRoot, "[data-polad-label]"),
      screenshotPng: await creative.screenshot({ timeout: 15_000 }),
      viewport: page.viewportSize(),
    };
  });
}

async function handleDetail(site: LibrarySite, item: WorkItem, ctx: SourceContext): Promise<void> {
  const id = site.detailId(new URL(item.url));
  if (!id) throw new GiveUp("not-a-detail-page", "no ad id in the detail URL");
  const view = await readDetail(site, item, ctx);
  const noticeUrl = view.split.links.find((l) => site.noticeLinkText.test(l.text))?.href ?? null;
  const notice: FetchedNotice | null = noticeUrl ? await ctx.fetchNotice(noticeUrl) : null;
  const m = site.mapMetadata(view.meta);
  const ad: AdInput = {
    id, source: site.id, publisher: site.publisher, sponsor: m.sponsor, text: view.split.text || null,
    label: view.split.labels.length > 0 ? view.split.labels.join(" · ") : null, html: view.split.html.slice(0, 2_000_000),
    notice_url: noticeUrl, notice_status: notice ? notice.status : null, targeting: m.targeting, first_seen: m.firstSeen, last_seen: m.lastSeen,
    country: (new URL(item.url).searchParams.get("region") ?? "NL").toUpperCase().slice(0, 8), library: view.meta, detail_url: item.url, ...m.extra,
  };
  const sighting = {
    pageUrl: item.url, frameChain: [item.url], seenAt: ctx.now().toISOString(), viewport: view.viewport, userAgent: null,
    screenshotPng: view.screenshotPng, html: ad.html ?? null, labelStyles: view.labelStyles, links: view.split.links.map((l) => l.href),
  };
  await ctx.emit({ ad, notice, sighting });
}

/** Builds the AdSource for one library site. */
export function makeLibrarySource(site: LibrarySite): AdSource {
  return {
    id: site.id,
    description: site.description,
    seed(opts) {
      const base = typeof opts.apiBase === "string" ? opts.apiBase.replace(/\/+$/, "") : site.defaultBase;
      const region = typeof opts.country === "string" ? opts.country.toUpperCase() : "NL";
      const urls = [...opts.seeds, ...(opts.terms ?? [])].map((s) => (/^https?:\/\//.test(s) ? s : site.searchUrl(s, base, region)));
      if (urls.length === 0) throw new UsageError(`${site.id} needs advertiser names or search words (--term) or library URLs (--seed)`);
      return urls.map((url) => ({ url, kind: site.detailId(new URL(url)) ? `${site.id}:detail` : `${site.id}:list` }));
    },
    async handle(item, ctx) {
      if (item.kind.endsWith(":detail")) return handleDetail(site, item, ctx);
      if (item.kind.endsWith(":page")) return handlePage(site, item, ctx);
      return handleList(site, item, ctx);
    },
  };
}
