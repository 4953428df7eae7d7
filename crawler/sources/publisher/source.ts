/**
 * Publisher source: any news site given as a seed. Finds ad slots the way ad blockers and ad
 * researchers do (selectors.ts), looks into same- and cross-origin frames, follows a bounded number
 * of same-site links, keeps editorial articles apart from ads, and applies the site profiles of the
 * main Dutch publishers (crawler/sites/nl.ts).
 *
 * Checked against real material: slot finding and the article/ad split on the saved real news pages
 * (trafilatura-news-pages-with-ad-slots, JS off, test/crawler/publisher-real-pages.test.ts: their
 * slots found, no political ad in the Colombian and Texan election news, German "Anzeige" labels),
 * and the real Meta challenge page as a challenge. Checked only against the replica: script-filled
 * slots, nested cross-origin ad-server frames, native blocks, the Dutch publishers' consent walls and
 * slot hints (no saved Dutch publisher page exists), notice links and the hostile pages.
 *
 * Each page is fetched first (address guard, robots.txt, host pacing). A page on which nothing runs
 * (no scripts, frames or script-filled slots) and whose ads all look non-political is recorded from
 * its HTML with cheerio, without a browser (static-scan.ts); every other page is rendered, so each ad
 * that can become a finding has a screenshot and its label's rendered style. On a rendered page only
 * those ads are screenshotted (option `screenshots: "all"` takes every ad); every ad keeps its HTML,
 * text, links and label style facts. Option `fullPage: true` renders every page and adds a screenshot
 * of the whole page to each sighting on it.
 */
import { isIP } from "node:net";
import type { Page } from "playwright-core";
import type { Logger } from "pino";
import { navigate } from "../../browser.js";
import { GiveUp } from "../../errors.js";
import { isPrivateAddress } from "../../net-guard.js";
import { collectEvidence, SLOT_ATTR, type ElementEvidence } from "../../evidence.js";
import type { Capture } from "../../../common/capture.js";
import type { AdSource, FetchResult, SourceContext, SourceOptions, WorkItem } from "../../source.js";
import { prepareSitePage } from "../../sites/prepare-page.js";
import { sha256 } from "../../../common/hash.js";
import { findSiteProfile } from "../../sites/profile.js";
import { siteNameOf } from "../../sites/site-name.js";
import { buildAd, isEmptySlot, needsRendering } from "./build-ad.js";
import { fetchPage, obviouslyScripted } from "./fetch-page.js";
import { scanStaticHtml } from "./static-scan.js";
import { FIND_SLOTS_SCRIPT, SCAN_PAGE_SCRIPT } from "./find-slots-script.js";
import { AD_FRAME_SRC, AD_TOKEN, EDITORIAL, IAB_SIZES, LABEL_TEXT, LIMITS, MARKER_TEXT, NOT_AD_TOKEN, SLOT_SELECTORS } from "./selectors.js";

/** What one page visit yields. */
interface PageScan { finalUrl: string; evidence: ElementEvidence[]; links: string[]; userAgent: string; slots: { count: number; kinds: Record<string, number> }; rendered: boolean; pageScreenshotPng: Buffer | null }

/** Tallest page part a full-page screenshot keeps (Chromium cannot capture much taller surfaces anyway). */
const MAX_PAGE_SHOT_HEIGHT = 16_000;

/** The whole page as rendered, scrolled back to the top; bounded in height. Null (logged) when it cannot be taken. */
async function fullPageShot(page: Page, log: Logger): Promise<Buffer | null> {
  try {
    const { width, height } = (await page.evaluate("({ width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight })")) as { width: number; height: number };
    const clip = height > MAX_PAGE_SHOT_HEIGHT ? { x: 0, y: 0, width: Math.max(1, width), height: MAX_PAGE_SHOT_HEIGHT } : undefined;
    return await page.screenshot({ fullPage: true, timeout: 30_000, animations: "disabled", ...(clip ? { clip } : {}) });
  } catch (err) {
    log.debug({ err: (err as Error).message }, "full-page screenshot failed");
    return null;
  }
}

const slotArgs = (extraSelectors: string[]) => ({ attr: SLOT_ATTR, selectors: [...SLOT_SELECTORS, ...extraSelectors], adToken: AD_TOKEN, notAdToken: NOT_AD_TOKEN, frameSrc: AD_FRAME_SRC, iabSizes: IAB_SIZES, marker: MARKER_TEXT, editorial: EDITORIAL, ...LIMITS });

/** Marks the ad slots of the loaded page (see selectors.ts) and returns how many, by how they were found. */
export async function markSlots(page: Page, extraSelectors: string[] = []): Promise<PageScan["slots"]> {
  return (await page.evaluate(`(${FIND_SLOTS_SCRIPT})(${JSON.stringify(slotArgs(extraSelectors))})`)) as PageScan["slots"];
}

/** Finds the slots and captures their evidence on an already loaded page (used by the crawl and the parser tests). */
export async function scanLoadedPage(page: Page, log: Logger, extraSelectors: string[] = []): Promise<{ slots: PageScan["slots"]; evidence: ElementEvidence[] }> {
  const slots = await markSlots(page, extraSelectors);
  const evidence = await collectEvidence(page, { labelRe: LABEL_TEXT, log });
  return { slots, evidence };
}

const PRIVATE_HEADERS = new Set(["set-cookie", "cookie", "authorization", "proxy-authorization"]);

/** Browser requests of the page's own document are answered from the fetch already made (one request per page, and the screenshot shows the hashed document). */
async function serveFetched(page: Page, doc: FetchResult): Promise<() => Promise<void>> {
  const headers = Object.fromEntries(Object.entries(doc.headers).filter(([k]) => !/^(content-length|content-encoding|transfer-encoding|connection|x-polad-truncated)$/i.test(k)));
  const match = (u: URL) => u.href === doc.finalUrl;
  await page.route(match, (route) => (route.request().isNavigationRequest() ? route.fulfill({ status: doc.status, headers, body: doc.bytes }) : route.fallback()), { times: 1 });
  return () => page.unroute(match).catch((err: Error) => void err);
}

/**
 * Chromium puts a document it did not load itself in the public address space, so its frames from a
 * loopback or private host would be refused (local network access checks): pages on such hosts (the
 * sandbox, an operator's own test site) are loaded by the browser again instead.
 */
function onPrivateHost(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || (isIP(host) !== 0 && isPrivateAddress(host));
}

async function scan(page: Page, rendering: { loaded(): void }, doc: FetchResult, ctx: SourceContext, opts: SourceOptions): Promise<PageScan> {
  const unroute = doc.redirects.length === 0 && !doc.headers["x-polad-truncated"] && !onPrivateHost(doc.finalUrl) ? await serveFetched(page, doc) : null;
  const nav = await navigate(page, doc.finalUrl, { timeoutMs: typeof opts.navTimeoutMs === "number" ? opts.navTimeoutMs : undefined }).finally(() => unroute?.());
  await page.waitForLoadState("load", { timeout: 5_000 }).catch((err: Error) => ctx.log.debug({ err: err.message }, "page did not finish loading; scanning what is there"));
  const site = await prepareSitePage(page, { url: doc.finalUrl, siteProfile: opts.siteProfile, log: ctx.log });
  const args = { maxNodes: maxNodesOf(opts), scrollSteps: 2, scrollWaitMs: 80, find: slotArgs(site.slotSelectors), links: { attr: SLOT_ATTR, max: LIMITS.maxLinksPerPage } };
  const { nodes, slots, links, userAgent } = (await page.evaluate(`(${SCAN_PAGE_SCRIPT})(${JSON.stringify(args)})`)) as { nodes: number; slots: PageScan["slots"]; links: string[]; userAgent: string };
  if (nodes > args.maxNodes) throw new GiveUp("dom-too-large", `${nodes} elements (bound ${args.maxNodes}) at ${doc.finalUrl}`);
  // Loaded and scrolled through: the evidence and the screenshots ask nothing more of the host, whose slot goes to the next page.
  rendering.loaded();
  // Screenshots are the costliest step of a rendered page: by default only the ads that can become
  // findings get one (the same test that sends a static page to the browser); `screenshots: "all"` takes every ad.
  const wantScreenshot = opts.screenshots === "all" ? undefined : (ev: ElementEvidence) => !isEmptySlot(ev) && needsRendering(ev);
  const evidence = await collectEvidence(page, { labelRe: LABEL_TEXT, log: ctx.log, wantScreenshot });
  const pageScreenshotPng = opts.fullPage === true ? await fullPageShot(page, ctx.log) : null;
  return { finalUrl: site.profile ? site.finalUrl : nav.finalUrl, evidence, links, userAgent, slots, rendered: true, pageScreenshotPng };
}

const maxNodesOf = (opts: SourceOptions) => (typeof opts.maxNodes === "number" ? opts.maxNodes : 60_000);

/** Where and when the ad's HTML came from, kept with it (and so hashed with it) when no browser saw the page. */
function provenance(doc: FetchResult, seenAt: string): string {
  const headers = Object.fromEntries(Object.entries(doc.headers).filter(([k]) => !PRIVATE_HEADERS.has(k)));
  const facts = JSON.stringify({ url: doc.finalUrl, status: doc.status, fetchedAt: seenAt, documentSha256: sha256(doc.bytes), headers });
  return `\n<!-- polad: fetched without a browser ${facts.replace(/--/g, "- -")} -->`;
}

/**
 * Reads the page from its fetched HTML when nothing on it runs and no ad on it needs a screenshot
 * (see static-scan.ts and needsRendering); otherwise renders it. Returns the scan and why it rendered.
 */
async function scanPage(item: WorkItem, ctx: SourceContext, opts: SourceOptions, follow: (links: string[]) => Promise<void>): Promise<{ res: PageScan; doc: FetchResult; why: string }> {
  const doc = await fetchPage(item.url, ctx);
  let why = opts.render === "always" ? "forced" : opts.fullPage === true ? "full-page" : findSiteProfile(doc.finalUrl, opts.siteProfile) ? "site-profile" : doc.headers["x-polad-truncated"] ? "truncated" : obviouslyScripted(doc.body) ? "scripts" : "";
  if (!why) {
    const s = scanStaticHtml(doc.body, { pageUrl: doc.finalUrl, maxNodes: maxNodesOf(opts) });
    if (s.nodes > maxNodesOf(opts)) throw new GiveUp("dom-too-large", `${s.nodes} elements (bound ${maxNodesOf(opts)}) at ${doc.finalUrl}`);
    why = s.browserReason ?? (s.evidence.some((ev) => !isEmptySlot(ev) && needsRendering(ev)) ? "ad-needs-screenshot" : "");
    const slots = { count: s.evidence.length, kinds: {} };
    if (!why) return { res: { finalUrl: doc.finalUrl, evidence: s.evidence, links: s.links, userAgent: ctx.userAgent ?? "", slots, rendered: false, pageScreenshotPng: null }, doc, why: "static" };
    // The page was read in full and goes to the browser only for screenshots: its links are queued
    // now, so the crawl goes on while it waits for Chromium and renders (a seed page that needs a
    // screenshot would otherwise hold the whole crawl until Chromium has started). The rendered
    // page's links are queued again after it; the frontier keeps each URL once.
    await follow(s.links);
  }
  return { res: await ctx.withPage((page, rendering) => scan(page, rendering, doc, ctx, opts)), doc, why };
}

async function handle(item: WorkItem, ctx: SourceContext, opts: SourceOptions): Promise<void> {
  const maxDepth = typeof opts.maxDepth === "number" ? opts.maxDepth : 3;
  const followed = new Set<string>();
  const follow = async (links: string[]) => {
    const fresh = links.filter((url) => !followed.has(url));
    fresh.forEach((url) => followed.add(url));
    if (item.depth < maxDepth && fresh.length > 0) await ctx.enqueue(fresh.map((url) => ({ url, kind: "page", depth: item.depth + 1 })));
  };
  const { res, doc, why } = await scanPage(item, ctx, opts, follow);
  ctx.log.debug({ slots: res.slots, path: why }, "ad slots found");
  const seenAt = ctx.now().toISOString();
  const siteName = siteNameOf(doc.body, findSiteProfile(doc.finalUrl, opts.siteProfile));
  const captures: Capture[] = [];
  for (const ev of res.evidence) {
    if (isEmptySlot(ev)) continue;
    if (!res.rendered) ev.html = `${ev.html}${provenance(doc, seenAt)}`;
    const ad = buildAd(ev, { pageUrl: res.finalUrl, siteName });
    const notice = ad.notice_url ? await ctx.fetchNotice(ad.notice_url) : null;
    if (notice) ad.notice_status = notice.status;
    captures.push({
      ad,
      notice,
      sighting: {
        pageUrl: res.finalUrl, frameChain: ev.frameChain, seenAt: ctx.now().toISOString(), viewport: res.rendered ? ev.viewport : null, userAgent: res.userAgent || null,
        screenshotPng: ev.screenshotPng, pageScreenshotPng: res.pageScreenshotPng, html: ev.html, labelStyles: ev.labels, links: ev.links.map((l) => l.href),
      },
    });
  }
  // Links first: the page's ads are then stored together with the page marked done, in one
  // transaction (and one commit); a kill before it leaves the page to do again, its links queued once.
  await follow(res.links);
  await ctx.emitAll(captures, { last: true });
}

/** Any news site given as seeds: ad slots (frames, GPT, data-ad, markers, native, advertorials), not editorial content. */
export const publisherSource: AdSource = {
  id: "publisher",
  description: "ad slots on publisher pages (any news site given with --seed), following same-site links",
  seed(opts) {
    if (opts.seeds.length === 0) throw new Error("the publisher source needs at least one --seed URL");
    return opts.seeds.map((url) => ({ url, kind: "page" }));
  },
  handle,
};
