import { chromium, type Browser, type BrowserContext, type Page, type Response } from "playwright-core";
import type { Logger } from "pino";
import { detectChallenge } from "./challenge.js";
import { Blocked, GiveUp, RetryLater, StopRun } from "./errors.js";
import { retryAfterMs } from "./http.js";

/** Chromium flags for this machine (see STACK.md): no sandbox user namespace, no background traffic. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

/** How the pool launches and bounds its pages. */
export interface BrowserPoolOptions {
  chromiumPath: string;
  size: number;
  log: Logger;
  navTimeoutMs?: number;
  userAgentSuffix?: string;
  viewport?: { width: number; height: number };
}

interface Slot { context: BrowserContext; page: Page; broken: boolean }

/**
 * What the evidence does not need and the page load pays for: web fonts (text still renders, in a
 * fallback font, with its computed size and colour), audio and video, and analytics beacons that are
 * not ads. Ad servers, images and stylesheets are left alone: they are what a screenshot shows.
 */
export const BLOCKED_URLS = [
  "*.woff2", "*.woff", "*.ttf", "*.otf", "*.eot", "*.mp4", "*.webm", "*.m4v", "*.mov", "*.m3u8", "*.mpd", "*.mp3", "*.m4a", "*.ogg", "*.wav",
  "*google-analytics.com/*", "*googletagmanager.com/gtag/*", "*analytics.google.com/*", "*hotjar.com/*", "*scorecardresearch.com/*", "*chartbeat.com/*", "*chartbeat.net/*",
  "*connect.facebook.net/*/fbevents.js*", "*clarity.ms/*", "*newrelic.com/*", "*nr-data.net/*", "*sentry.io/*", "*segment.io/*", "*mxpnl.com/*", "*mixpanel.com/*",
];

/**
 * One Chromium and a fixed pool of reused pages (a page per request is ~4x slower). Each page has its
 * own context so a blocked page can start over with fresh cookies; dialogs are dismissed, pop-ups
 * closed, downloads refused, and a crashed renderer is replaced by a new page.
 */
export class BrowserPool {
  private readonly free: Slot[] = [];
  private readonly waiters: Array<(s: Slot | null) => void> = [];
  private lost = 0;
  private closing = false;
  userAgent = "";

  private constructor(private readonly browser: Browser, private readonly o: BrowserPoolOptions) {}

  /** Launches Chromium and opens `size` pages. */
  static async launch(o: BrowserPoolOptions): Promise<BrowserPool> {
    const browser = await chromium.launch({ executablePath: o.chromiumPath, args: CHROMIUM_ARGS, headless: true });
    const pool = new BrowserPool(browser, o);
    pool.userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36${o.userAgentSuffix ? ` ${o.userAgentSuffix}` : ""}`;
    for (let i = 0; i < o.size; i++) pool.free.push(await pool.newSlot());
    return pool;
  }

  private async newSlot(): Promise<Slot> {
    const context = await this.browser.newContext({ acceptDownloads: false, viewport: this.o.viewport ?? { width: 1280, height: 900 }, userAgent: this.userAgent, javaScriptEnabled: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setBlockedURLs", { urls: BLOCKED_URLS });
    const slot: Slot = { context, page, broken: false };
    page.setDefaultNavigationTimeout(this.o.navTimeoutMs ?? 15_000);
    page.setDefaultTimeout(this.o.navTimeoutMs ?? 15_000);
    page.on("dialog", (d) => void d.dismiss().catch((err: Error) => this.o.log.debug({ err: err.message }, "dialog already gone")));
    page.on("crash", () => (slot.broken = true));
    context.on("page", (p) => {
      if (p !== page) void p.close().catch((err: Error) => this.o.log.debug({ err: err.message }, "pop-up already closed"));
    });
    return slot;
  }

  /** Runs `fn` with a pooled page; the page is replaced afterwards if it crashed, closed, or hit a block. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const slot = this.free.pop() ?? (this.lost >= this.o.size ? null : await new Promise<Slot | null>((resolve) => this.waiters.push(resolve)));
    if (!slot) throw new StopRun("browser", "the browser has no usable page left");
    let renew = false;
    try {
      return await fn(slot.page);
    } catch (err) {
      renew = err instanceof Blocked || !(err instanceof GiveUp || err instanceof RetryLater) || (err as RetryLater).reason === "renderer-crash";
      throw err;
    } finally {
      void this.giveBack(slot, renew || slot.broken || slot.page.isClosed());
    }
  }

  private async giveBack(slot: Slot, renew: boolean): Promise<void> {
    if (this.closing) return;
    let next: Slot | null = slot;
    try {
      // Leave the old document (its timers, reload loops and pending frames) before the next item uses the page.
      if (!renew && !slot.broken && !slot.page.isClosed()) await slot.page.goto("about:blank", { timeout: 5_000 });
      else next = null;
    } catch (err) {
      this.o.log.debug({ err: (err as Error).message }, "page reset failed; replacing it");
      next = null;
    }
    if (!next) {
      const closed = await withTimeout(slot.context.close().then(() => true), 5_000).catch((err: Error) => (this.o.log.debug({ err: err.message }, "context already closed"), true));
      if (!closed) this.o.log.warn({}, "browser context did not close in time; abandoning it");
      next = await withTimeout(this.newSlot(), 15_000).catch((err: Error) => {
        if (!this.closing) this.o.log.error({ err: err.message.split("\n")[0] }, "cannot open a new browser page");
        return null;
      });
      if (!next) return this.failWaiters();
      this.o.log.debug({}, "browser page replaced");
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter(next);
    else this.free.push(next);
  }

  /** With no page left to give, waiting items fail instead of hanging. */
  private failWaiters(): void {
    this.lost++;
    if (this.lost >= this.o.size) for (const w of this.waiters.splice(0)) w(null);
  }

  /** Closes the browser and every page. */
  async close(): Promise<void> {
    this.closing = true;
    await this.browser.close();
  }
}

/** Resolves to the value, or to null after `ms` (the pending work is abandoned, not cancelled). */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<null>((resolve) => (t = setTimeout(() => resolve(null), ms)))]).finally(() => clearTimeout(t));
}

/**
 * The document's bytes fetched again outside the browser (first 64 KB), for when the browser could not
 * keep them: a self-reloading challenge page replaces its own response before it can be read.
 */
async function rawBody(url: string, userAgent: string): Promise<string> {
  const res = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(5_000), headers: { "user-agent": userAgent } });
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader && size < 65_536) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader?.cancel();
  return Buffer.concat(chunks).toString("utf8");
}

/** What a checked navigation found. */
export interface Navigation { response: Response | null; status: number; contentType: string; finalUrl: string }

/**
 * Navigates and turns what came back into the runner's terms: 429/503 retry later (Retry-After
 * honoured), a challenge page is Blocked, other 4xx/5xx, non-HTML documents and documents that
 * start but never finish are given up; no answer at all (connect/first-byte timeout) is retried.
 */
export async function navigate(page: Page, url: string, o: { timeoutMs?: number | undefined } = {}): Promise<Navigation> {
  // Read the document body as it arrives: a challenge page reloads itself at once, after which the
  // body of the first response is gone. A body that cannot be read counts as empty (status still decides).
  const bodies = new Map<string, Promise<string>>();
  const onResponse = (r: Response) => {
    if (r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400)) bodies.set(r.url(), r.text().catch(() => ""));
  };
  page.on("response", onResponse);
  let response: Response | null;
  try {
    response = await page.goto(url, { waitUntil: "commit", timeout: o.timeoutMs });
    const status = response?.status() ?? 0;
    if (status === 429 || status === 503) {
      const headers = response ? await response.allHeaders() : {};
      throw new RetryLater(`http-${status}`, `${status} from ${url}`, { retryAfterMs: retryAfterMs(headers["retry-after"]) });
    }
    // The server answered but the document never completes: retrying a stalled stream rarely helps, so give up.
    await page.waitForLoadState("domcontentloaded", { timeout: o.timeoutMs }).catch((err: Error) => {
      throw new GiveUp("timeout", `the document at ${url} never finished loading`, { cause: err });
    });
  } finally {
    page.off("response", onResponse);
  }
  const status = response?.status() ?? 0;
  const headers = response ? await response.allHeaders() : {};
  const contentType = (headers["content-type"] ?? "").toLowerCase();
  let body = response && (status >= 400 || contentType.includes("html")) ? await (bodies.get(response.url()) ?? Promise.resolve("")) : "";
  if (!body && response && (status >= 400 || contentType.includes("html"))) {
    const ua = (await page.evaluate("navigator.userAgent").catch(() => "")) as string;
    body = await rawBody(response.url(), ua).catch((err: Error) => {
      throw new RetryLater("navigation-interrupted", `cannot read the document at ${url}`, { cause: err });
    });
  }
  const challenge = detectChallenge(body, status);
  if (challenge) throw new Blocked("bot-challenge", `bot challenge (${challenge}) at ${url}`);
  if (status >= 500) throw new RetryLater("http-5xx", `${status} from ${url}`);
  if (status >= 400) throw new GiveUp(status === 403 ? "http-403" : status === 404 || status === 410 ? "http-404" : "http-4xx", `${status} from ${url}`);
  if (contentType && !contentType.includes("html") && !contentType.includes("xml")) throw new GiveUp("wrong-content-type", `${contentType} at ${url}`);
  return { response, status, contentType, finalUrl: page.url() };
}
