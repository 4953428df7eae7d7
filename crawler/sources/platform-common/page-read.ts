/**
 * Page helpers shared by the ad-library sources: open a scripted page and wait for it, split a rendered
 * creative into the ad's own disclosure lines and its other text. In-page code is plain JavaScript text,
 * so no bundler helper (tsx's `__name`) leaks into the page.
 */
import type { Frame, Page } from "playwright-core";
import { detectChallenge } from "../../challenge.js";
import { navigate } from "../../browser.js";
import { Blocked, RetryLater } from "../../errors.js";

/** Navigates (the engine's checks: a challenge is Blocked, a 4xx GiveUp) and waits for `selector`; a slow render is RetryLater. */
export async function openRendered(page: Page, url: string, selector: string): Promise<void> {
  const nav = await navigate(page, url, { timeoutMs: 30_000 });
  await waitRendered(page, nav.status, selector);
}

/** Waits for `selector` on a page already navigated to (status of its document); a challenge is Blocked, a slow render RetryLater. */
export async function waitRendered(page: Page, status: number, selector: string): Promise<void> {
  try {
    await page.locator(selector).first().waitFor({ state: "attached", timeout: 20_000 });
  } catch (err) {
    const challenge = detectChallenge(await page.content().catch(() => ""), status);
    if (challenge) throw new Blocked("bot-challenge", `bot challenge (${challenge}) instead of the transparency page`, { cause: err });
    throw new RetryLater("not-rendered", "the transparency page did not render in time", { cause: err });
  }
}

/**
 * In-page script: splits the creative
 * under `root` into its own disclosure lines (the deepest elements whose text starts like a label; they
 * are tagged for style reading) and the rest of its text. Input: { root, re }.
 */
export const SPLIT_SCRIPT = String.raw`(args) => {
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

/** What SPLIT_SCRIPT returns. */
export interface Split { text: string; labels: string[]; links: Array<{ href: string; text: string }>; html: string }

/** Runs an in-page script text with JSON arguments in a frame. */
export async function runInFrame<T>(frame: Frame, script: string, args: Record<string, unknown>): Promise<T> {
  return (await frame.evaluate(`(${script})(${JSON.stringify(args)})`)) as T;
}

/** Splits the creative under `root` in `frame` (labels matching `re` are tagged `data-polad-label`). */
export function splitCreative(frame: Frame, root: string, re: RegExp): Promise<Split> {
  return runInFrame<Split>(frame, SPLIT_SCRIPT, { root, re: re.source });
}
