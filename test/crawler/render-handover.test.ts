import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/**
 * A page read in full from its HTML that goes to the browser only for a screenshot (its ad is
 * political) has its links queued before it waits for Chromium: the crawl goes on meanwhile. Here
 * Chromium cannot start at all (a program that tells its version and fails to launch), so the run
 * stops on the seed; its links are in the frontier anyway, for the resumed run.
 */
describe("a page sent to the browser for a screenshot queues its links first", () => {
  let store: TestStore;
  let server: Server;
  let base: string;
  let summary: CrawlSummary;
  const binDir = mkdtempSync(join(tmpdir(), "polad-broken-chromium-"));

  beforeAll(async () => {
    const broken = join(binDir, "chromium");
    writeFileSync(broken, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "Chromium 131.0.6778.85"; exit 0; fi\necho "cannot start" >&2; exit 1\n`);
    chmodSync(broken, 0o755);
    const political = `<div class="ad-slot" data-ad="p1"><div class="pa-label">Politieke advertentie · Betaald door Partij A · Gemeenteraadsverkiezingen 18 maart 2026 · <a href="/verklaring/1">Waarom zie ik deze advertentie?</a></div><h3>Stem op Partij A</h3><p>Stem op partij A bij de gemeenteraadsverkiezingen.</p></div>`;
    server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path === "/robots.txt") return void res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nAllow: /\n");
      if (path === "/seed") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(`<nav><a href="/next-1">1</a> <a href="/next-2">2</a></nav><aside>${political}</aside>`));
      if (path.startsWith("/verklaring/")) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<h1>Transparantieverklaring</h1>");
      if (/^\/next-\d$/.test(path)) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(`<aside>${commercial(path.slice(1))}</aside>`));
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await openTestStore();
    summary = await runCrawl({
      store, maxPages: 20, concurrency: 1, log: testLog, crawlerVersion: "test", chromiumPath: join(binDir, "chromium"), ocr: false,
      politeness: { hostConcurrency: 1, hostIntervalMs: 0, backoffBaseMs: 50 },
      plans: [{ source: "publisher", options: { seeds: [`${base}/seed`], allowPrivate: true, maxDepth: 1 } }],
    });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    rmSync(binDir, { recursive: true, force: true });
  });

  it("stops on the browser, with the seed's links queued and the seed not done", async () => {
    expect(summary.runs[0]?.status).not.toBe("done");
    const rows = await store.db.selectFrom("frontier").select(["url", "status"]).orderBy("url").execute();
    expect(rows.map((r) => r.url)).toEqual([`${base}/next-1`, `${base}/next-2`, `${base}/seed`]);
    expect(rows.find((r) => r.url === `${base}/seed`)?.status).not.toBe("done");
    expect(await store.db.selectFrom("observation").select("id").where("page_url", "=", `${base}/seed`).execute()).toHaveLength(0);
  });
});

/**
 * A rendered page holds its host slot while it loads, and gives it up once loaded and scrolled
 * through: its evidence (here an ad frame from another host that answers slowly, inserted after the
 * page's load) is read while the next pages of the host are fetched. One host slot, two items.
 */
describe("a rendered page gives its host slot up once it has loaded", () => {
  let store: TestStore;
  let server: Server;
  let frames: Server;
  let base: string;
  let summary: CrawlSummary;
  const statics: number[] = [];
  let frameServed = { start: 0, end: 0 };

  beforeAll(async () => {
    frames = createServer((req, res) => {
      frameServed = { start: performance.now(), end: 0 };
      setTimeout(() => {
        frameServed.end = performance.now();
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><body><h3>Fietshuis</h3><p>Twintig procent korting op alle fietsen.</p></body>`);
      }, 1_500);
    });
    await new Promise<void>((r) => frames.listen(0, "127.0.0.1", r));
    // The frame's host differs from the page's (localhost, not 127.0.0.1): it has its own slot.
    const frameSrc = `http://localhost:${(frames.address() as AddressInfo).port}/creative`;
    server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path === "/robots.txt") return void res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nAllow: /\n");
      if (/^\/b-static-\d+$/.test(path)) {
        statics.push(performance.now());
        // Slow enough that the static pages span Chromium's start and the render.
        return void setTimeout(() => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(`<aside>${commercial(path.slice(1))}</aside>`)), 100);
      }
      if (path === "/a-framed") {
        const insert = `addEventListener("load", () => setTimeout(() => { const f = document.createElement("iframe"); f.src = ${JSON.stringify(frameSrc)}; f.width = "300"; f.height = "250"; document.getElementById("slot").appendChild(f); }, 0));`;
        return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(`<aside><div class="ad-slot" id="slot" data-ad="f1"><div class="ad-label">Advertentie</div></div></aside><script>${insert}</script>`));
      }
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await openTestStore();
    summary = await runCrawl({
      store, maxPages: 40, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, ocr: false,
      politeness: { hostConcurrency: 1, hostIntervalMs: 0, backoffBaseMs: 50, navTimeoutMs: 45_000 },
      plans: [{ source: "publisher", options: { seeds: [`${base}/a-framed`, ...Array.from({ length: 30 }, (_, i) => `${base}/b-static-${i}`)], allowPrivate: true, maxDepth: 0 } }],
    });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await new Promise<void>((r) => (frames ? frames.close(() => r()) : r()));
  });

  it("fetches the host's next pages while the rendered page's ad frame is still coming", () => {
    expect(summary.runs[0]?.status).toBe("done");
    expect(summary.pages).toBe(31);
    expect(frameServed.end).toBeGreaterThan(0);
    expect(statics.filter((t) => t > frameServed.start && t < frameServed.end).length).toBeGreaterThanOrEqual(1);
  });
});
