import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Response } from "playwright-core";
import type { Logger } from "pino";
import { detectChallenge } from "./challenge.js";
import { Blocked, GiveUp, RetryLater, StopRun } from "./errors.js";
import { retryAfterMs } from "./http.js";

/**
 * The features Playwright itself switches off when it launches Chromium (playwright-core's
 * chromiumSwitches, as installed). Chromium reads only the last `--disable-features`, so a crawler
 * flag of that name replaces Playwright's list: ours repeats it (a test compares it with what
 * Playwright passes, so an upgrade that changes the list fails that test). Losing PaintHolding and
 * the others silently is what happened before.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades", "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
  "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
  "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Chromium flags for this machine (see STACK.md): no sandbox user namespace, no background traffic.
 * A crawler never goes back, so the back/forward cache and the frame-host swaps made for it are
 * switched off: they kept the previous document alive and set up a new frame host on every
 * navigation. With RenderDocument on, the scripted bench site (300 pages, concurrency 8) peaked at
 * 1,588 MB PSS against 1,466 off, and ran at 18 pages/s against 22. Off, an element screenshot on
 * concurrent pages waits 1-2 s for a frame about one time in four (11 of 48 shots; none with it on):
 * a render takes longer, the CPU is not spent, and the other items go on meanwhile.
 */
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, "BackForwardCache", "ProactivelySwapBrowsingInstance", "RenderDocument"].join(",")}`,
];

/** How the pool launches and bounds its pages. */
export interface BrowserPoolOptions {
  chromiumPath: string;
  size: number;
  log: Logger;
  navTimeoutMs?: number;
  userAgentSuffix?: string;
  viewport?: { width: number; height: number };
  /** A page is closed and replaced after rendering this many documents (default 20: on the scripted bench site at concurrency 8, 600 pages peaked at 1,739 MB PSS with pages never replaced, 1,565 MB after 50 documents, 1,328 MB after 20, and 1,200 pages at 1,379 MB). */
  recycleAfter?: number;
}

interface Slot { page: Page; cdp: CDPSession; broken: boolean; frozen: boolean; uses: number }

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

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** The page's one DevTools session (the pool's URL blocking, screenshots), opened on first use. */
export function pageSession(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
    s.catch(() => sessions.delete(page));
  }
  return s;
}

const versions = new Map<string, Promise<string>>();

/**
 * The Chromium version of the binary at `path` (`chromium --version`), without launching the browser:
 * a crawl whose pages are all read without a browser never starts one, yet its requests carry the
 * same user agent as the browser's would.
 */
export function chromiumVersion(path: string): Promise<string> {
  let v = versions.get(path);
  if (!v) {
    v = promisify(execFile)(path, ["--version"], { timeout: 15_000, env: { ...process.env, LANG: "C" } }).then(({ stdout }) => {
      const m = /(\d+\.\d+\.\d+\.\d+)/.exec(stdout);
      if (!m) throw new Error(`${path} --version printed no version: ${stdout.trim().slice(0, 200)}`);
      return m[1]!;
    });
    versions.set(path, v);
    v.catch(() => versions.delete(path));
  }
  return v;
}

/** The user agent polad sends, from the browser's version: Chrome's own on Linux, plus polad's token. */
export function userAgentFor(version: string, suffix?: string): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version} Safari/537.36${suffix ? ` ${suffix}` : ""}`;
}

/**
 * One Chromium and a bounded pool of reused pages (a page per request is ~4x slower). Pages are opened
 * on first need, up to `size`, so a crawl that renders few pages holds few renderers. The pages share
 * one browser context: a context costs its own renderer and browser-side state (8 contexts with a page
 * each held ~740 MB PSS, one context with 8 pages ~360 MB, measured on the bench site). A blocked page
 * is replaced and the context's cookies are cleared, so the next attempt starts fresh; dialogs are
 * dismissed, pop-ups closed, downloads refused, and a crashed renderer is replaced by a new page. Between items a page
 * keeps its document but frozen (scripts off, loading stopped): the next item's navigation replaces it,
 * which costs half of a reset to about:blank (that swaps the renderer process twice per page).
 */
export class BrowserPool {
  private readonly free: Slot[] = [];
  private readonly waiters: Array<(s: Slot | null) => void> = [];
  private opened = 0;
  private lost = 0;
  private context: Promise<BrowserContext> | null = null;
  private readonly pages = new Set<Page>();
  private closing = false;
  userAgent = "";

  private constructor(private readonly browser: Browser, private readonly o: BrowserPoolOptions) {}

  /** Launches Chromium; pages are opened as items need them, up to `size`. */
  static async launch(o: BrowserPoolOptions): Promise<BrowserPool> {
    // Signals are the crawl's to handle (it stops, leaves its run resumable and closes the browser):
    // Playwright's own SIGTERM handler would close the browser under a crawl that goes on.
    const browser = await chromium.launch({ executablePath: o.chromiumPath, args: CHROMIUM_ARGS, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    const pool = new BrowserPool(browser, o);
    pool.userAgent = userAgentFor(browser.version(), o.userAgentSuffix);
    return pool;
  }

  /** Pages open now (for tests and memory accounting). */
  get openPages(): number {
    return this.opened - this.lost;
  }

  /** The one context every page lives in; pop-ups (pages the pool did not open) are closed at once. */
  private sharedContext(): Promise<BrowserContext> {
    this.context ??= this.browser.newContext({ acceptDownloads: false, viewport: this.o.viewport ?? { width: 1280, height: 900 }, userAgent: this.userAgent, javaScriptEnabled: true }).then((context) => {
      context.on("page", (p) => {
        // The pool's own pages are registered right after newPage() resolves; wait a tick before judging.
        setImmediate(() => {
          if (!this.pages.has(p)) void p.close().catch((err: Error) => this.o.log.debug({ err: err.message }, "pop-up already closed"));
        });
      });
      return context;
    });
    return this.context;
  }

  private async newSlot(): Promise<Slot> {
    const context = await this.sharedContext();
    const page = await context.newPage();
    this.pages.add(page);
    const cdp = await pageSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setBlockedURLs", { urls: BLOCKED_URLS });
    const slot: Slot = { page, cdp, broken: false, frozen: false, uses: 0 };
    page.setDefaultNavigationTimeout(this.o.navTimeoutMs ?? 15_000);
    page.setDefaultTimeout(this.o.navTimeoutMs ?? 15_000);
    page.on("dialog", (d) => void d.dismiss().catch((err: Error) => this.o.log.debug({ err: err.message }, "dialog already gone")));
    page.on("crash", () => (slot.broken = true));
    return slot;
  }

  /** A free page, a newly opened one while fewer than `size` are open, or the next one given back. */
  private async take(): Promise<Slot | null> {
    const free = this.free.pop();
    if (free) return free;
    if (this.opened < this.o.size) {
      this.opened++;
      try {
        return await this.newSlot();
      } catch (err) {
        this.opened--;
        throw new StopRun("browser", `cannot open a browser page: ${(err as Error).message.split("\n")[0]}`, { cause: err });
      }
    }
    if (this.lost >= this.o.size) return null;
    return new Promise<Slot | null>((resolve) => this.waiters.push(resolve));
  }

  /** Runs `fn` with a pooled page; the page is replaced afterwards if it crashed, closed, or hit a block. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    let slot = await this.take();
    if (!slot) throw new StopRun("browser", "the browser has no usable page left");
    if (slot.frozen) {
      const thawed = await slot.cdp.send("Emulation.setScriptExecutionDisabled", { value: false }).then(() => true, () => false);
      if (thawed) slot.frozen = false;
      else {
        // The page died while it waited: replace it before use.
        await this.discard(slot);
        slot = await withTimeout(this.newSlot(), 15_000).catch(() => null);
        if (!slot) throw new StopRun("browser", "cannot open a new browser page");
      }
    }
    const used = slot;
    let renew = false;
    try {
      return await fn(used.page);
    } catch (err) {
      renew = err instanceof Blocked || !(err instanceof GiveUp || err instanceof RetryLater) || (err as RetryLater).reason === "renderer-crash";
      // A block is often tied to a cookie the site set: the next attempt starts without the shared context's cookies.
      if (err instanceof Blocked) await (await this.context)?.clearCookies().catch((e: Error) => this.o.log.debug({ err: e.message }, "cannot clear cookies"));
      throw err;
    } finally {
      used.uses++;
      // A page that has rendered many documents is replaced: the renderer's memory grows with them.
      void this.giveBack(used, renew || used.broken || used.page.isClosed() || used.uses >= (this.o.recycleAfter ?? 20));
    }
  }

  private async discard(slot: Slot): Promise<void> {
    this.pages.delete(slot.page);
    const closed = await withTimeout(slot.page.close().then(() => true), 5_000).catch((err: Error) => (this.o.log.debug({ err: err.message }, "page already closed"), true));
    if (!closed) this.o.log.warn({}, "browser page did not close in time; abandoning it");
  }

  private async giveBack(slot: Slot, renew: boolean): Promise<void> {
    if (this.closing) return;
    let next: Slot | null = slot;
    // A page waited for at once goes straight to the next item, whose navigation replaces the old
    // document; a page that goes back to the free list is frozen first, so the old document's timers,
    // reload loops and pending loads stop while it waits.
    if (!renew && !slot.broken && !slot.page.isClosed() && this.waiters.length === 0) {
      try {
        await withTimeout(Promise.all([slot.cdp.send("Emulation.setScriptExecutionDisabled", { value: true }), slot.cdp.send("Page.stopLoading")]), 5_000).then((r) => {
          if (!r) throw new Error("the page did not answer");
        });
        slot.frozen = true;
      } catch (err) {
        this.o.log.debug({ err: (err as Error).message }, "page freeze failed; replacing it");
        next = null;
      }
    } else if (renew || slot.broken || slot.page.isClosed()) next = null;
    if (!next) {
      await this.discard(slot);
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

/** A browser pool launched on first use, and the user agent known before it is. */
export interface LazyBrowser {
  /** The pool, launched by the first call; a launch failure stops the run. */
  browser(): Promise<BrowserPool>;
  /** The user agent the pool's pages send (from `chromium --version`; launches nothing). */
  userAgent(): Promise<string>;
  /** Closes the browser if it was launched. */
  close(): Promise<void>;
}

/** Chromium only when a page needs rendering: a crawl of APIs or of static pages never starts it. */
export function lazyBrowser(o: BrowserPoolOptions): LazyBrowser {
  let pool: Promise<BrowserPool> | null = null;
  const stop = (err: unknown) => {
    throw new StopRun("browser", `cannot launch Chromium at ${o.chromiumPath}: ${(err as Error).message.split("\n")[0]}`, { cause: err });
  };
  return {
    browser: () => (pool ??= BrowserPool.launch(o).catch(stop)),
    userAgent: () => chromiumVersion(o.chromiumPath).then((v) => userAgentFor(v, o.userAgentSuffix), stop),
    close: async () => {
      if (pool) await (await pool.catch(() => null))?.close();
    },
  };
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
 * honoured) unless the body is a challenge, a challenge page is Blocked, other 4xx/5xx, non-HTML
 * documents and documents that start but never finish are given up; no answer at all
 * (connect/first-byte timeout) is retried.
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
      // Google's "unusual traffic" wall comes as a 429: a challenge body makes it a block, not a rate limit to wait out.
      const challenge = detectChallenge(response ? await (bodies.get(response.url()) ?? Promise.resolve("")) : "", status);
      if (challenge) throw new Blocked("bot-challenge", `bot challenge (${challenge}) at ${url}`);
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
