import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { CHROMIUM, testLog } from "../sources/serve-replica.js";
import { openTestStore, type TestStore } from "../support/store.js";

const commercial = (id: string) => `<div class="ad-slot" data-ad="${id}"><div class="ad-label">Advertentie</div><h3>Fietshuis ${id}</h3><p>Twintig procent korting op alle fietsen: aanbieding ${id}.</p></div>`;
const page = (body: string) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"></head><body><main><h1>Nieuws</h1><p>${"Over de gemeenteraad. ".repeat(20)}</p></main>${body}</body></html>`;

interface Hit { path: string; browser: boolean; start: number; end: number }

/**
 * A page that needs the browser (its ad is inserted by script) is claimed first, then static pages,
 * with one item at a time and one request at a time to the host. The rendering item waits for
 * Chromium to start; meanwhile it holds neither its place nor its host slot, so the static pages are
 * read then. Politeness is kept: never two documents requested from the host at once.
 */
describe("an item waiting for the browser lets pages read without one go on", () => {
  let store: TestStore;
  let server: Server;
  let base: string;
  let summary: CrawlSummary;
  const hits: Hit[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path === "/robots.txt") return void res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nAllow: /\n");
      const hit: Hit = { path, browser: req.headers["sec-fetch-mode"] === "navigate", start: performance.now(), end: 0 };
      hits.push(hit);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Each document takes a little while, so overlapping requests would be seen.
      setTimeout(() => {
        inFlight--;
        hit.end = performance.now();
        if (path === "/a-scripted") {
          const ad = JSON.stringify(commercial("s1")).replace(/</g, "\\u003c");
          return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(`<aside id="ads"></aside><script>document.getElementById("ads").innerHTML = ${ad};</script>`));
        }
        if (/^\/b-static-\d$/.test(path)) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(`<aside>${commercial(path.slice(1))}</aside>`));
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }, 20);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await openTestStore();
    const seeds = [`${base}/a-scripted`, ...Array.from({ length: 6 }, (_, i) => `${base}/b-static-${i}`)];
    summary = await runCrawl({
      store, maxPages: 20, concurrency: 1, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, ocr: false,
      politeness: { hostConcurrency: 1, hostIntervalMs: 0, backoffBaseMs: 50, navTimeoutMs: 45_000 },
      plans: [{ source: "publisher", options: { seeds, allowPrivate: true, maxDepth: 0 } }],
    });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  it("crawls every page, the scripted one in the browser", async () => {
    expect(summary.runs[0]?.status).toBe("done");
    expect(summary.pages).toBe(7);
    const obs = await store.db.selectFrom("observation").select("page_url").execute();
    expect(obs.map((o) => o.page_url).sort()).toEqual([`${base}/a-scripted`, ...Array.from({ length: 6 }, (_, i) => `${base}/b-static-${i}`)].sort());
    expect(hits.filter((h) => h.browser).map((h) => h.path)).toEqual(["/a-scripted"]);
  });

  it("reads the static pages while the scripted one waits for Chromium", () => {
    const claimedFirst = hits.find((h) => h.path === "/a-scripted" && !h.browser)!;
    const rendered = hits.find((h) => h.browser)!;
    const statics = hits.filter((h) => h.path.startsWith("/b-static-"));
    expect(statics).toHaveLength(6);
    expect(claimedFirst.start).toBeLessThan(Math.min(...statics.map((h) => h.start)));
    // Without the handover the one item slot is held through Chromium's start and the render: every static page would come after.
    expect(statics.filter((h) => h.start < rendered.start).length).toBeGreaterThanOrEqual(3);
  });

  it("never asks the host for two documents at once", () => {
    expect(maxInFlight).toBe(1);
  });
});
