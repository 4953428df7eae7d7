import type { Page } from "playwright-core";
import { navigate } from "../../browser.js";
import { detectChallenge } from "../../challenge.js";
import { Blocked, GiveUp, RetryLater } from "../../errors.js";
import { readLabelStyles } from "../platform-common/label-style.js";
import type { LabelStyle } from "../../../common/capture.js";
import { redactError, redactSecret, stripToken } from "./redact.js";
import { AD_CARD, CARD_TIMEOUT_MS, LABEL_PARTS, LABEL_TEXT, NOTICE_LINK_TEXT } from "./selectors.js";

/** What the rendered snapshot shows: the label as displayed, its style, links, the element's HTML and screenshot. */
export interface SnapshotView {
  label: string | null;
  labelStyles: LabelStyle[];
  noticeUrl: string | null;
  links: string[];
  html: string;
  screenshotPng: Buffer;
  viewport: { width: number; height: number } | null;
  userAgent: string | null;
}

function withToken(url: string, token: string): string {
  const u = new URL(url);
  u.searchParams.set("access_token", token);
  return u.toString();
}

async function waitForCard(page: Page, status: number | null): Promise<void> {
  try {
    await page.locator(AD_CARD).first().waitFor({ state: "visible", timeout: CARD_TIMEOUT_MS });
  } catch (err) {
    const html = await page.content().catch(() => "");
    const challenge = detectChallenge(html, status ?? 200);
    if (challenge) throw new Blocked("bot-challenge", `the snapshot answered with a bot challenge (${challenge}), not an ad`, { cause: err });
    if (status === 429 || (status !== null && status >= 500)) throw new RetryLater(`http-${status}`, `snapshot answered HTTP ${status}`, { cause: err });
    if (status !== null && status >= 400) throw new GiveUp(`http-${status}`, `snapshot answered HTTP ${status}`, { cause: err });
    throw new RetryLater("no-ad-card", "the snapshot did not render an ad card in time", { cause: err });
  }
}

/** The visible disclosure lines above the creative, by test id, else by their text. */
async function labelParts(page: Page): Promise<string[]> {
  const card = page.locator(AD_CARD).first();
  const byId = await card.locator(LABEL_PARTS).allInnerTexts();
  if (byId.length > 0) return byId.map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean);
  const all = await card.locator("div, span").allInnerTexts();
  return all.map((t) => t.replace(/\s+/g, " ").trim()).filter((t) => LABEL_TEXT.test(t) && t.length < 400);
}

/** In-page script (plain text, no bundler helpers in the page): the card's links, at most 50. */
const LINKS_SCRIPT = String.raw`(root) => {
  var el = document.querySelector(root);
  if (!el) return [];
  return Array.prototype.slice.call(el.querySelectorAll("a[href]"), 0, 50).map(function (a) { return { href: a.href, text: (a.textContent || "").trim().slice(0, 200) }; });
}`;

async function cardLinks(page: Page): Promise<Array<{ href: string; text: string }>> {
  return (await page.mainFrame().evaluate(`(${LINKS_SCRIPT})(${JSON.stringify(AD_CARD)})`)) as Array<{ href: string; text: string }>;
}

/**
 * Renders one `ad_snapshot_url` (the token goes only into the browser's request, never into what is
 * returned or thrown) and reads the ad card as shown. Throws Blocked on a bot challenge, GiveUp on a 4xx.
 */
export async function renderSnapshot(page: Page, snapshotUrl: string, token: string): Promise<SnapshotView> {
  try {
    return await readSnapshot(page, snapshotUrl, token);
  } catch (err) {
    throw redactError(err, token);
  }
}

async function readSnapshot(page: Page, snapshotUrl: string, token: string): Promise<SnapshotView> {
  const nav = await navigate(page, withToken(snapshotUrl, token), { timeoutMs: 30_000 });
  await waitForCard(page, nav.status);
  const card = page.locator(AD_CARD).first();
  const parts = await labelParts(page);
  const links = (await cardLinks(page)).map((l) => ({ href: stripToken(l.href), text: l.text }));
  const notice = links.find((l) => NOTICE_LINK_TEXT.test(l.text));
  const html = redactSecret(await card.evaluate((el) => el.outerHTML), token).slice(0, 2_000_000);
  return {
    label: parts.length > 0 ? parts.join(" · ") : null,
    labelStyles: await readLabelStyles(page.mainFrame(), AD_CARD, LABEL_PARTS),
    noticeUrl: notice?.href ?? null,
    links: links.map((l) => l.href),
    html,
    screenshotPng: await card.screenshot({ timeout: 15_000 }),
    viewport: page.viewportSize(),
    userAgent: await page.evaluate(() => navigator.userAgent).catch(() => null),
  };
}
