import type { Frame, Page } from "playwright-core";
import type { Logger } from "pino";
import type { LabelStyle } from "../common/capture.js";
import { pageSession } from "./browser.js";
import { EVIDENCE_SCRIPT } from "./evidence-script.js";

/** The attribute a source sets on each ad element it wants evidence for (value: a slot key). */
export const SLOT_ATTR = "data-polad-slot";

/** A link found in an ad, with its visible text. */
export interface AdLink { href: string; text: string }

/** Evidence of one ad element, merged across the frames it contains. */
export interface ElementEvidence {
  key: string;
  kind: string;
  text: string;
  html: string;
  labels: LabelStyle[];
  links: AdLink[];
  images: string[];
  /** Page URL, then each frame URL down to the innermost creative. */
  frameChain: string[];
  /** Text and HTML of the innermost frames, in order (the creative as the ad server sent it). */
  frameTexts: string[];
  rect: { x: number; y: number; width: number; height: number };
  viewport: { width: number; height: number };
  screenshotPng: Buffer | null;
}

interface Described {
  key: string; kind: string; text: string; html: string; labels: LabelStyle[]; links: AdLink[]; images: string[];
  frames: Array<{ key: string; src: string; width: number; height: number }>;
  rect: ElementEvidence["rect"]; viewport: ElementEvidence["viewport"]; url: string;
}

/** Bounds on what is kept per element. */
export interface EvidenceLimits { maxHtml: number; maxText: number; maxLinks: number; frameDepth: number; maxScreenshotPixels: number }

const DEFAULT_LIMITS: EvidenceLimits = { maxHtml: 200_000, maxText: 20_000, maxLinks: 50, frameDepth: 2, maxScreenshotPixels: 4_000_000 };

async function describeIn(frame: Frame, o: { wholeBody: boolean; key: string; labelRe: string; limits: EvidenceLimits }): Promise<Described[]> {
  const args = { attr: SLOT_ATTR, wholeBody: o.wholeBody, key: o.key, labelRe: o.labelRe, maxHtml: o.limits.maxHtml, maxText: o.limits.maxText, maxLinks: o.limits.maxLinks };
  return (await frame.evaluate(`(${EVIDENCE_SCRIPT})(${JSON.stringify(args)})`)) as Described[];
}

async function childFrame(frame: Frame, key: string, log: Logger): Promise<Frame | null> {
  const handle = await frame.locator(`[data-polad-frame="${key}"]`).elementHandle({ timeout: 2_000 });
  const child = await handle?.contentFrame();
  if (!child) return null;
  await child.waitForLoadState("domcontentloaded", { timeout: 5_000 }).catch((err: Error) => log.debug({ key, err: err.message }, "ad frame did not load"));
  return child;
}

/** Descends into the element's iframes (cross-origin ones included) and merges what the creatives show. */
async function mergeFrames(ev: ElementEvidence, d: Described, frame: Frame, depth: number, o: { labelRe: string; limits: EvidenceLimits; log: Logger }): Promise<void> {
  if (depth >= o.limits.frameDepth) return;
  for (const f of d.frames) {
    const child = await childFrame(frame, f.key, o.log).catch((err: Error) => (o.log.debug({ key: f.key, err: err.message }, "ad frame unreachable"), null));
    if (!child) continue;
    const inner = (await describeIn(child, { wholeBody: true, key: f.key, labelRe: o.labelRe, limits: o.limits }))[0];
    if (!inner) continue;
    if (ev.frameChain.length === depth + 1) ev.frameChain.push(inner.url);
    ev.frameTexts.push(inner.text);
    ev.text = [ev.text, inner.text].filter((t) => t.trim()).join("\n");
    ev.labels.push(...inner.labels.map((l) => ({ ...l, insideAd: true })));
    ev.links.push(...inner.links);
    ev.images.push(...inner.images);
    ev.html = `${ev.html}\n<!-- polad: frame ${f.key} ${inner.url.replace(/--/g, "")} -->\n${inner.html}`.slice(0, o.limits.maxHtml);
    await mergeFrames(ev, inner, child, depth + 1, o);
  }
}

/**
 * A PNG of the element: the area of its current box in the page (beyond the viewport too), captured by
 * the DevTools protocol. About 4x cheaper than Playwright's element screenshot, which first waits for
 * the element to be stable (30 vs 118 ms a shot on the bench site). The element is scrolled into view
 * and two frames are let paint first, so that its ad frames (rendered by other processes) and lazy
 * images are in the picture; its box is read then. Bounded to maxScreenshotPixels (a 2000x2000 corner beyond that).
 */
async function screenshot(page: Page, key: string, o: { limits: EvidenceLimits; log: Logger }): Promise<Buffer | null> {
  try {
    const rect = (await page.evaluate(`((a) => { const el = document.querySelector("[" + a.attr + "=" + JSON.stringify(a.key) + "]"); if (!el) return null; el.scrollIntoView({ block: "nearest", inline: "nearest" }); const r = el.getBoundingClientRect(); return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height }; })(${JSON.stringify({ attr: SLOT_ATTR, key })})`)) as ElementEvidence["rect"] | null;
    if (!rect || rect.width < 1 || rect.height < 1) return null;
    // Two frames painted, bounded: a page whose scripts are off (or that never paints) does not hold the capture up.
    let timer: NodeJS.Timeout | undefined;
    const painted = page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))").catch(() => undefined);
    await Promise.race([painted, new Promise((r) => (timer = setTimeout(r, 150)))]).finally(() => clearTimeout(timer));
    const big = rect.width * rect.height > o.limits.maxScreenshotPixels;
    const clip = { x: Math.max(0, rect.x), y: Math.max(0, rect.y), width: big ? Math.min(rect.width, 2000) : rect.width, height: big ? Math.min(rect.height, 2000) : rect.height, scale: 1 };
    const cdp = await pageSession(page);
    const shot = (await cdp.send("Page.captureScreenshot", { format: "png", clip, captureBeyondViewport: true })) as { data: string };
    return Buffer.from(shot.data, "base64");
  } catch (err) {
    o.log.debug({ key, err: (err as Error).message }, "element screenshot failed");
    return null;
  }
}

/** Options of collectEvidence. */
export interface CollectOptions {
  labelRe: string;
  log: Logger;
  limits?: Partial<EvidenceLimits>;
  /**
   * Which elements get a PNG, decided on their merged evidence (frames included); all when absent.
   * A screenshot is the costliest step of a rendered page, so a source may keep it for the ads that
   * can become findings.
   */
  wantScreenshot?: (ev: ElementEvidence) => boolean;
}

/**
 * Captures evidence for every element the source marked with SLOT_ATTR: text, bounded outer HTML,
 * label candidates with their computed style facts, links, images, the frame chain through
 * cross-origin ad frames, and a PNG of the element (of those `wantScreenshot` accepts). Runs
 * extraction inside the page only.
 */
export async function collectEvidence(page: Page, o: CollectOptions): Promise<ElementEvidence[]> {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const top = await describeIn(page.mainFrame(), { wholeBody: false, key: "", labelRe: o.labelRe, limits });
  const out: ElementEvidence[] = [];
  for (const d of top) {
    const ev: ElementEvidence = {
      key: d.key, kind: d.kind, text: d.text, html: d.html, labels: d.labels, links: d.links, images: d.images,
      frameChain: [d.url], frameTexts: [], rect: d.rect, viewport: d.viewport, screenshotPng: null,
    };
    await mergeFrames(ev, d, page.mainFrame(), 0, { labelRe: o.labelRe, limits, log: o.log });
    if (!o.wantScreenshot || o.wantScreenshot(ev)) ev.screenshotPng = await screenshot(page, d.key, { limits, log: o.log });
    out.push(ev);
  }
  return out;
}

/** Counts the elements in the page, for the per-page DOM bound. */
export async function countNodes(page: Page): Promise<number> {
  return (await page.evaluate("document.getElementsByTagName('*').length")) as number;
}
