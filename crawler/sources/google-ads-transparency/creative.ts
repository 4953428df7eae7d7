import type { Locator, Page } from "playwright-core";
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

/** Splits the creative into its own disclosure lines (tagged for style reading) and the rest of its text. */
async function splitCreative(root: Locator): Promise<{ text: string; labels: string[]; links: Array<{ href: string; text: string }>; html: string }> {
  return root.evaluate((el, reSrc) => {
    const re = new RegExp(reSrc, "i");
    const inner = (e: Element) => ((e as HTMLElement).innerText ?? e.textContent ?? "").replace(/\s+/g, " ").trim();
    const html = el.outerHTML;
    const all = Array.from(el.querySelectorAll("*"));
    const matches = all.filter((e) => re.test(inner(e)) && inner(e).length < 400);
    const labels = matches.filter((e) => !matches.some((o) => o !== e && e.contains(o)));
    for (const l of labels) l.setAttribute("data-polad-label", "");
    let text = inner(el);
    for (const l of labels) text = text.replace(inner(l), " ");
    const links = Array.from(el.querySelectorAll("a[href]")).slice(0, 50).map((a) => ({ href: (a as HTMLAnchorElement).href, text: inner(a).slice(0, 200) }));
    return { text: text.replace(/\s+/g, " ").trim(), labels: labels.map(inner), links, html };
  }, CREATIVE_LABEL_TEXT.source);
}

async function readMetadata(page: Page): Promise<CreativeView["library"]> {
  return page.locator(METADATA).first().evaluate((el) => {
    const t = (sel: string) => (el.querySelector(sel)?.textContent ?? "").replace(/\s+/g, " ").trim() || null;
    const d = (sel: string) => el.querySelector(sel)?.getAttribute("datetime") ?? null;
    return { paidForBy: t(".advertiser-name"), firstShown: d("time.first-shown"), lastShown: d("time.last-shown"), format: t(".format"), regions: t(".regions") };
  });
}

/** Reads one rendered creative page. Image and HTML5 creatives are read inside their iframe. */
export async function readCreativePage(page: Page, url: string): Promise<CreativeView> {
  await openRendered(page, url, `${CREATIVE}, .no-results`);
  const container = page.locator(CREATIVE).first();
  if ((await container.count()) === 0) throw new GiveUp("creative-gone", "the creative page shows no creative");
  const frameChain = [url];
  let root: Locator = container;
  const iframe = container.locator("iframe").first();
  if ((await iframe.count()) > 0) {
    const src = await iframe.getAttribute("src");
    if (src) frameChain.push(new URL(src, url).href);
    root = container.frameLocator("iframe").first().locator("body");
    await root.waitFor({ state: "attached", timeout: 20_000 });
  }
  const split = await splitCreative(root);
  const library = await readMetadata(page);
  const notice = split.links.find((l) => NOTICE_LINK_TEXT.test(l.text));
  return {
    text: split.text || null,
    label: split.labels.length > 0 ? split.labels.join(" · ") : null,
    labelStyles: await readLabelStyles(root, "[data-polad-label]"),
    noticeUrl: notice?.href ?? null,
    links: split.links.map((l) => l.href),
    html: split.html.slice(0, 2_000_000),
    screenshotPng: await container.screenshot({ timeout: 15_000 }),
    frameChain,
    library: { ...library, paidForBy: library.paidForBy?.replace(PAID_FOR_PREFIX, "") ?? null },
    viewport: page.viewportSize(),
  };
}
