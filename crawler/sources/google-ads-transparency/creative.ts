import type { Frame, Page } from "playwright-core";
import type { LabelStyle } from "../../../common/capture.js";
import { GiveUp, RetryLater } from "../../errors.js";
import { openRendered, runInFrame, splitCreative } from "../platform-common/page-read.js";
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

/** In-page script reading the library's metadata panel. Input: { root }. */
const METADATA_SCRIPT = String.raw`(args) => {
  var el = document.querySelector(args.root);
  function t(sel) { var n = el && el.querySelector(sel); return n ? (n.textContent || "").replace(/\s+/g, " ").trim() || null : null; }
  function d(sel) { var n = el && el.querySelector(sel); return n ? n.getAttribute("datetime") : null; }
  return { paidForBy: t(".advertiser-name"), firstShown: d("time.first-shown"), lastShown: d("time.last-shown"), format: t(".format"), regions: t(".regions") };
}`;

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
  const split = await splitCreative(frame, root, CREATIVE_LABEL_TEXT);
  const library = await runInFrame<CreativeView["library"]>(page.mainFrame(), METADATA_SCRIPT, { root: METADATA });
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
