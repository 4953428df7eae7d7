/**
 * The two reference crawlers of bench/crawl.ts: Crawlee's PlaywrightCrawler (the peer: a page per
 * request) and a bare playwright-core loop over reused pages (the floor). Both take an element
 * screenshot of every ad, as polad does with evidence on.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../crawler/browser.js";

/**
 * Peak memory of this process and all its children, sampled every `everyMs` on a worker thread: the
 * proportional set size (PSS, shared pages divided among the processes that share them) and the
 * summed RSS. Reading /proc/<pid>/smaps_rollup of every Chromium process takes CPU (1.3 s of a 12 s
 * crawl, measured); on the crawl's own thread it would slow whichever crawler runs in this process.
 */
export function sampleTreeMemory(everyMs = 250): { stop(): Promise<{ pss: number; rss: number }> } {
  const code = `
    const { readdirSync, readFileSync } = require("node:fs");
    const { parentPort, workerData } = require("node:worker_threads");
    const root = workerData.root;
    let peak = { pss: 0, rss: 0 };
    function sample() {
      const parent = new Map();
      for (const d of readdirSync("/proc")) {
        if (!/^\\d+$/.test(d)) continue;
        try {
          const stat = readFileSync("/proc/" + d + "/stat", "utf8");
          parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
        } catch { continue; } // the process ended meanwhile
      }
      const inTree = (pid) => { for (let p = pid, n = 0; p > 1 && n < 50; p = parent.get(p) ?? 0, n++) if (p === root) return true; return false; };
      let pss = 0, rss = 0;
      for (const pid of parent.keys()) {
        if (!inTree(pid)) continue;
        try {
          const rollup = readFileSync("/proc/" + pid + "/smaps_rollup", "utf8");
          pss += Number(/^Pss:\\s+(\\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
          rss += Number(/^Rss:\\s+(\\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
        } catch { continue; } // ended
      }
      peak = { pss: Math.max(peak.pss, pss), rss: Math.max(peak.rss, rss) };
    }
    const timer = setInterval(sample, workerData.everyMs);
    parentPort.on("message", () => { clearInterval(timer); sample(); parentPort.postMessage(peak); });
  `;
  const worker = new Worker(code, { eval: true, workerData: { root: process.pid, everyMs } });
  return {
    stop: () => new Promise((resolve, reject) => {
      worker.once("message", (peak: { pss: number; rss: number }) => void worker.terminate().then(() => resolve(peak)));
      worker.once("error", reject);
      worker.postMessage("stop");
    }),
  };
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
