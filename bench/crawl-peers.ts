/**
 * The two reference crawlers of bench/crawl.ts: Crawlee's PlaywrightCrawler (the peer: a page per
 * request) and a bare playwright-core loop over reused pages (the floor). Both take an element
 * screenshot of every ad, as polad does with evidence on.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../crawler/browser.js";

/** Pages and ads one crawler saw. */
export interface PeerResult { pages: number; ads: number }

/** Crawlee 3 PlaywrightCrawler over the URLs, Debian's Chromium through launchContext. */
export async function crawleeCrawl(urls: string[], o: { chromiumPath: string; concurrency: number }): Promise<PeerResult> {
  process.env.CRAWLEE_STORAGE_DIR = mkdtempSync(join(tmpdir(), "polad-bench-crawlee-"));
  const { PlaywrightCrawler, Configuration } = await import("@crawlee/playwright");
  const pw = await import("playwright");
  let pages = 0;
  let ads = 0;
  const crawler = new PlaywrightCrawler({
    launchContext: { launcher: pw.chromium, launchOptions: { executablePath: o.chromiumPath, args: CHROMIUM_ARGS, headless: true } },
    maxConcurrency: o.concurrency, minConcurrency: o.concurrency, maxRequestRetries: 1, requestHandlerTimeoutSecs: 60,
    async requestHandler({ page }) {
      await page.waitForSelector(".ad-slot", { timeout: 10_000 });
      const slots = page.locator(".ad-slot");
      const n = await slots.count();
      for (let i = 0; i < n; i++) {
        await slots.nth(i).innerText();
        await slots.nth(i).screenshot();
      }
      pages++;
      ads += n;
    },
  }, new Configuration({ persistStorage: false, purgeOnStart: true }));
  await crawler.run(urls);
  return { pages, ads };
}

/** The floor: playwright-core, `concurrency` pages reused, goto + wait for the ads + text + element screenshots. */
export async function bareLoop(urls: string[], o: { chromiumPath: string; concurrency: number }): Promise<PeerResult> {
  const browser = await chromium.launch({ executablePath: o.chromiumPath, args: CHROMIUM_ARGS, headless: true });
  let next = 0;
  let pages = 0;
  let ads = 0;
  const worker = async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    for (let i = next++; i < urls.length; i = next++) {
      await page.goto(urls[i]!, { waitUntil: "domcontentloaded" });
      await page.waitForSelector(".ad-slot", { timeout: 10_000 });
      const slots = page.locator(".ad-slot");
      const n = await slots.count();
      for (let k = 0; k < n; k++) {
        await slots.nth(k).innerText();
        await slots.nth(k).screenshot();
      }
      pages++;
      ads += n;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  await browser.close();
  return { pages, ads };
}
