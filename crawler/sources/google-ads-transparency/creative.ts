import type { Frame, Page } from "playwright-core";
import type { LabelStyle } from "../../../common/capture.js";
import { detectChallenge } from "../../challenge.js";
import { Blocked, GiveUp, RetryLater } from "../../errors.js";
import { readLabelStyles } from "../platform-common/label-style.js";
import { CREATIVE, CREATIVE_LABEL_TEXT, METADATA, NOTICE_LINK_TEXT, PAID_FOR_PREFIX } from "./selectors.js";

/** A creative page as read: the creative's own text and label, kept apart from the library's metadata. */
export interface CreativeView {
  text: string | null;
  label: string | null;
  labelStyles: LabelStyle[];
  noticeUrl: string | null;
  links: string[];
  html: string;
  screenshotPng: Buffer;
  frameChain: string[];
  library: { paidForBy: string | null; firstShown: string | null; lastShown: string | null; format: string | null; regions: string | null };
  viewport: { width: number; height: number } | null;
}

/** Navigates and waits for `selector`; a challenge is Blocked, a 4xx is GiveUp, a slow render is RetryLater. */
export async function openRendered(page: Page, url: string, selector: string): Promise<void> {
  const resp = await page.goto(url, { waitUntil: "domcontentloaded", timeout: 30_000 });
  const status = resp?.status() ?? 200;
  try {
    await page.locator(selector).first().waitFor({ state: "attached", timeout: 20_000 });
  } catch (err) {
    const challenge = detectChallenge(await page.content().catch(() => ""), status);
    if (challenge) throw new Blocked("bot-challenge", `bot challenge (${challenge}) instead of the transparency page`, { cause: err });
    if (status >= 400 && status < 500 && status !== 429) throw new GiveUp(`http-${status}`, `transparency page answered HTTP ${status}`, { cause: err });
    throw new RetryLater("not-rendered", "the transparency page did not render in time", { cause: err });
  }
}

/**
 * In-page script (plain JavaScript text, so no bundler helper leaks into the page): splits the creative
 * under `root` into its own disclosure lines (the deepest elements whose text starts like a label; they
 * are tagged for style reading) and the rest of its text. Input: { root, re }.
 */
const SPLIT_SCRIPT = String.raw`(args) => {
  var el = document.querySelector(args.root);
  if (!el) return { text: "", labels: [], links: [], html: "" };
  var re = new RegExp(args.re, "i");
  function inner(e) { return (e.innerText || e.textContent || "").replace(/\s+/g, " ").trim(); }
  var html = el.outerHTML;
  var all = Array.prototype.slice.call(el.querySelectorAll("*"));
  var matches = all.filter(function (e) { var t = inner(e); return re.test(t) && t.length < 400; });
  var labels = matches.filter(function (e) { return !matches.some(function (o) { return o !== e && e.contains(o); }); });
  labels.forEach(function (l) { l.setAttribute("data-polad-label", ""); });
  var text = inner(el);
  labels.forEach(function (l) { text = text.replace(inner(l), " "); });
  var links = Array.prototype.slice.call(el.querySelectorAll("a[href]"), 0, 50).map(function (a) { return { href: a.href, text: inner(a).slice(0, 200) }; });
  return { text: text.replace(/\s+/g, " ").trim(), labels: labels.map(inner), links: links, html: html };
}`;

/** In-page script reading the library's metadata panel. Input: { root }. */
const METADATA_SCRIPT = String.raw`(args) => {
  var el = document.querySelector(args.root);
  function t(sel) { var n = el && el.querySelector(sel); return n ? (n.textContent || "").replace(/\s+/g, " ").trim() || null : null; }
  function d(sel) { var n = el && el.querySelector(sel); return n ? n.getAttribute("datetime") : null; }
  return { paidForBy: t(".advertiser-name"), firstShown: d("time.first-shown"), lastShown: d("time.last-shown"), format: t(".format"), regions: t(".regions") };
}`;

interface Split { text: string; labels: string[]; links: Array<{ href: string; text: string }>; html: string }

async function run<T>(frame: Frame, script: string, args: Record<string, unknown>): Promise<T> {
  return (await frame.evaluate(`(${script})(${JSON.stringify(args)})`)) as T;
}

/** Reads one rendered creative page. Image and HTML5 creatives are read inside their iframe. */
export async function readCreativePage(page: Page, url: string): Promise<CreativeView> {
  await openRendered(page, url, `${CREATIVE}, .no-results`);
  const container = page.locator(CREATIVE).first();
  if ((await container.count()) === 0) throw new GiveUp("creative-gone", "the creative page shows no creative");
  const frameChain = [url];
  let frame: Frame = page.mainFrame();
  let root = CREATIVE;
  const iframe = container.locator("iframe").first();
  if ((await iframe.count()) > 0) {
    const src = await iframe.getAttribute("src");
    if (src) frameChain.push(new URL(src, url).href);
    const inner = await (await iframe.elementHandle())?.contentFrame();
    if (!inner) throw new RetryLater("frame-missing", "the creative's iframe has no document yet");
    await inner.waitForLoadState("domcontentloaded", { timeout: 20_000 });
    frame = inner;
    root = "body";
  }
  const split = await run<Split>(frame, SPLIT_SCRIPT, { root, re: CREATIVE_LABEL_TEXT.source });
  const library = await run<CreativeView["library"]>(page.mainFrame(), METADATA_SCRIPT, { root: METADATA });
  const notice = split.links.find((l) => NOTICE_LINK_TEXT.test(l.text));
  return {
    text: split.text || null,
    label: split.labels.length > 0 ? split.labels.join(" · ") : null,
    labelStyles: await readLabelStyles(frame, root, "[data-polad-label]"),
    noticeUrl: notice?.href ?? null,
    links: split.links.map((l) => l.href),
    html: split.html.slice(0, 2_000_000),
    screenshotPng: await container.screenshot({ timeout: 15_000 }),
    frameChain,
    library: { ...library, paidForBy: library.paidForBy?.replace(PAID_FOR_PREFIX, "") ?? null },
    viewport: page.viewportSize(),
  };
}
