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
 */
import type { Page } from "playwright-core";
import type { Logger } from "pino";
import { navigate } from "../../browser.js";
import { GiveUp } from "../../errors.js";
import { collectEvidence, countNodes, SLOT_ATTR, type ElementEvidence } from "../../evidence.js";
import type { AdSource, SourceContext, SourceOptions, WorkItem } from "../../source.js";
import { prepareSitePage } from "../../sites/prepare-page.js";
import { buildAd, isEmptySlot } from "./build-ad.js";
import { FIND_SLOTS_SCRIPT, SAME_SITE_LINKS_SCRIPT } from "./find-slots-script.js";
import { AD_FRAME_SRC, AD_TOKEN, EDITORIAL, IAB_SIZES, LABEL_TEXT, LIMITS, MARKER_TEXT, NOT_AD_TOKEN, SLOT_SELECTORS } from "./selectors.js";

/** What one page visit yields. */
interface PageScan { finalUrl: string; evidence: ElementEvidence[]; links: string[]; userAgent: string; slots: { count: number; kinds: Record<string, number> } }

/** Marks the ad slots of the loaded page (see selectors.ts) and returns how many, by how they were found. */
export async function markSlots(page: Page, extraSelectors: string[] = []): Promise<PageScan["slots"]> {
  const args = { attr: SLOT_ATTR, selectors: [...SLOT_SELECTORS, ...extraSelectors], adToken: AD_TOKEN, notAdToken: NOT_AD_TOKEN, frameSrc: AD_FRAME_SRC, iabSizes: IAB_SIZES, marker: MARKER_TEXT, editorial: EDITORIAL, ...LIMITS };
  return (await page.evaluate(`(${FIND_SLOTS_SCRIPT})(${JSON.stringify(args)})`)) as PageScan["slots"];
}

/** Finds the slots and captures their evidence on an already loaded page (used by the crawl and the parser tests). */
export async function scanLoadedPage(page: Page, log: Logger, extraSelectors: string[] = []): Promise<{ slots: PageScan["slots"]; evidence: ElementEvidence[] }> {
  const slots = await markSlots(page, extraSelectors);
  const evidence = await collectEvidence(page, { labelRe: LABEL_TEXT, log });
  return { slots, evidence };
}

async function scrollForLazyAds(page: Page, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    await page.evaluate("window.scrollBy(0, window.innerHeight)");
    await page.waitForTimeout(80);
  }
  await page.evaluate("window.scrollTo(0, 0)");
}

async function scan(page: Page, item: WorkItem, ctx: SourceContext, opts: SourceOptions): Promise<PageScan> {
  const nav = await navigate(page, item.url, { timeoutMs: typeof opts.navTimeoutMs === "number" ? opts.navTimeoutMs : undefined });
  await page.waitForLoadState("load", { timeout: 5_000 }).catch((err: Error) => ctx.log.debug({ err: err.message }, "page did not finish loading; scanning what is there"));
  const site = await prepareSitePage(page, { url: item.url, siteProfile: opts.siteProfile, log: ctx.log });
  const nodes = await countNodes(page);
  const maxNodes = typeof opts.maxNodes === "number" ? opts.maxNodes : 60_000;
  if (nodes > maxNodes) throw new GiveUp("dom-too-large", `${nodes} elements (bound ${maxNodes}) at ${item.url}`);
  await scrollForLazyAds(page, 2);
  const { slots, evidence } = await scanLoadedPage(page, ctx.log, site.slotSelectors);
  const links = (await page.evaluate(`(${SAME_SITE_LINKS_SCRIPT})(${JSON.stringify({ attr: SLOT_ATTR, max: LIMITS.maxLinksPerPage })})`)) as string[];
  const userAgent = (await page.evaluate("navigator.userAgent")) as string;
  return { finalUrl: site.profile ? site.finalUrl : nav.finalUrl, evidence, links, userAgent, slots };
}

async function handle(item: WorkItem, ctx: SourceContext, opts: SourceOptions): Promise<void> {
  const res = await ctx.withPage((page) => scan(page, item, ctx, opts));
  ctx.log.debug({ slots: res.slots }, "ad slots found");
  for (const ev of res.evidence) {
    if (isEmptySlot(ev)) continue;
    const ad = buildAd(ev, { pageUrl: res.finalUrl });
    const notice = ad.notice_url ? await ctx.fetchNotice(ad.notice_url) : null;
    if (notice) ad.notice_status = notice.status;
    await ctx.emit({
      ad,
      notice,
      sighting: {
        pageUrl: res.finalUrl, frameChain: ev.frameChain, seenAt: ctx.now().toISOString(), viewport: ev.viewport, userAgent: res.userAgent,
        screenshotPng: ev.screenshotPng, html: ev.html, labelStyles: ev.labels, links: ev.links.map((l) => l.href),
      },
    });
  }
  const maxDepth = typeof opts.maxDepth === "number" ? opts.maxDepth : 3;
  if (item.depth < maxDepth) await ctx.enqueue(res.links.map((url) => ({ url, kind: "page", depth: item.depth + 1 })));
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
