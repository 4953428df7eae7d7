/**
 * The two reference crawlers of bench/crawl.ts: Crawlee's PlaywrightCrawler (the peer: a page per
 * request) and a bare playwright-core loop over reused pages (the floor). Both take an element
 * screenshot of every ad, as polad does with evidence on.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../crawler/browser.js";

/**
 * Memory of this process and all its descendants (Linux /proc): PSS, which shares each shared page out
 * among the processes mapping it (Chromium's renderers share most of their pages), and summed RSS,
 * which counts a shared page once per process and so overstates a multi-process browser.
 */
export function treeMemory(): { pss: number; rss: number } {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      continue; // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, n = 0; p > 1 && n < 50; p = parent.get(p) ?? 0, n++) if (p === process.pid) return true;
    return false;
  };
  let pss = 0;
  let rss = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
      rss += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      continue; // ended
    }
  }
  return { pss, rss };
}

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
