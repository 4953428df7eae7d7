import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../crawler/browser.js";
import { runCrawl } from "../../crawler/run.js";
import { buildAd, isEmptySlot, needsRendering } from "../../crawler/sources/publisher/build-ad.js";
import { scanLoadedPage } from "../../crawler/sources/publisher/source.js";
import { scanStaticHtml } from "../../crawler/sources/publisher/static-scan.js";
import { startBenchSite, type BenchSite } from "../../sandbox/bench/site.js";
import { CHROMIUM, openTestStore, TEST_POLITENESS, testLog, type TestStore } from "../support/crawl-store.js";

const page = (body: string, head = "") => `<!doctype html><html lang="nl"><head><meta charset="utf-8">${head}</head><body><main><h1>Nieuws</h1><p>Tekst.</p></main>${body}</body></html>`;
const commercial = `<div class="ad-slot"><div class="ad-label">Advertentie</div><h3>Fietshuis</h3><p>Twintig procent korting op alle fietsen.</p><a href="/aanbieding">Bekijk</a></div>`;
const URL_ = "https://nieuws.example/artikel/1";

describe("the publisher's static path (fetch + cheerio)", () => {
  it("reads a page without scripts or frames and finds its ad slots with text, label and links", () => {
    const s = scanStaticHtml(page(commercial + `<p><a href="/artikel/2">Volgende</a></p>`), { pageUrl: URL_ });
    expect(s.browserReason).toBeNull();
    expect(s.evidence).toHaveLength(1);
    const ev = s.evidence[0]!;
    expect(ev.text).toContain("Twintig procent korting");
    expect(ev.labels.map((l) => l.text)).toContain("Advertentie");
    expect(ev.links[0]?.href).toBe("https://nieuws.example/aanbieding");
    expect(s.links).toEqual(["https://nieuws.example/artikel/2"]);
    expect(needsRendering(ev)).toBe(false);
  });

  it("sends pages with scripts, frames, script-filled slots or a refresh to the browser (JSON-LD alone does not count)", () => {
    expect(scanStaticHtml(page(commercial, `<script type="application/ld+json">{"@type":"NewsArticle"}</script>`), { pageUrl: URL_ }).browserReason).toBeNull();
    expect(scanStaticHtml(page(commercial + `<script>1</script>`), { pageUrl: URL_ }).browserReason).toBe("scripts");
    expect(scanStaticHtml(page(commercial + `<script src="/ads.js" defer></script>`), { pageUrl: URL_ }).browserReason).toBe("scripts");
    expect(scanStaticHtml(page(`<div class="ad-slot"><iframe src="https://ads.example/creative/1" width="300" height="250"></iframe></div>`), { pageUrl: URL_ }).browserReason).toBe("frames");
    expect(scanStaticHtml(page(`<div id="div-gpt-ad-123-0"></div>`), { pageUrl: URL_ }).browserReason).toBe("scripted-slots");
    expect(scanStaticHtml(page(commercial, `<meta http-equiv="refresh" content="0;url=/x">`), { pageUrl: URL_ }).browserReason).toBe("meta-refresh");
    expect(scanStaticHtml(page(`<div class="ad-slot" onclick="x()">${commercial}</div>`), { pageUrl: URL_ }).browserReason).toBe("event-handlers");
  });

  it("wants a screenshot for political-looking ads and picture-only ads, not for a plain commercial one", () => {
    const political = scanStaticHtml(page(`<div class="ad-slot"><div class="pa-label">Politieke advertentie · Betaald door Partij X</div><p>Kies voor de buurt.</p></div>`), { pageUrl: URL_ }).evidence[0]!;
    const issue = scanStaticHtml(page(`<div class="ad-slot"><div>Advertentie</div><p>Stem 18 maart voor betaalbare huur.</p></div>`), { pageUrl: URL_ }).evidence[0]!;
    const picture = scanStaticHtml(page(`<div class="ad-slot"><div>Advertentie</div><a href="/x"><img src="/banner.png" alt=""></a></div>`), { pageUrl: URL_ }).evidence[0]!;
    expect([needsRendering(political), needsRendering(issue), needsRendering(picture)]).toEqual([true, true, true]);
  });
});

describe.skipIf(!existsSync(CHROMIUM))("the static path agrees with the browser", () => {
  let browser: Browser;
  let tab: Page;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await ctx.route("**/*", (r) => r.abort());
    tab = await ctx.newPage();
  });
  afterAll(async () => browser?.close());

  async function both(html: string, pageUrl: string) {
    await tab.setContent(html, { waitUntil: "domcontentloaded", timeout: 30_000 });
    const rendered = (await scanLoadedPage(tab, testLog)).evidence.filter((ev) => !isEmptySlot(ev) && ev.kind !== "iframe");
    const fetched = scanStaticHtml(html, { pageUrl, readAnyway: true }).evidence.filter((ev) => !isEmptySlot(ev));
    return { rendered, fetched };
  }

  it("gives a static bench page's ads the same ids, texts, labels and notice links as the browser", async () => {
    const site = await startBenchSite({ pages: 3, scripted: false, politicalEvery: 2 });
    try {
      for (const url of site.urls) {
        const html = await (await fetch(url)).text();
        // setContent keeps about:blank as the page URL, so links are compared by path
        const { rendered, fetched } = await both(html.replace("<head>", `<head><base href="${url}">`), url);
        expect(fetched.length, url).toBe(3);
        const view = (evs: typeof fetched) => evs.map((ev) => ({ id: buildAd(ev, { pageUrl: url }).id, label: buildAd(ev, { pageUrl: url }).label, sponsor: buildAd(ev, { pageUrl: url }).sponsor, notice: buildAd(ev, { pageUrl: url }).notice_url }));
        expect(view(fetched)).toEqual(view(rendered));
      }
    } finally {
      await site.close();
    }
  }, 300_000);

  const realDir = resolve(import.meta.dirname, "../../../shared/data/real/trafilatura-news-pages-with-ad-slots");
  it.skipIf(!existsSync(realDir))("finds the same non-frame ad slots as the browser on saved real news pages (scripts not run)", async () => {
    for (const file of ["sueddeutsche.de.flixtrain.html", "zeit.de.zugverkehr.html", "theguardian.com.academics.html", "rtl.de-lockdown.html"]) {
      const html = readFileSync(resolve(realDir, file), "utf8");
      const { rendered, fetched } = await both(html, "https://example.org/article");
      const texts = (evs: typeof fetched) => evs.map((ev) => ev.text.replace(/\s+/g, " ").trim()).filter((t) => t !== "").sort();
      expect(texts(fetched), file).toEqual(texts(rendered));
    }
  }, 300_000);
});

describe.skipIf(!existsSync(CHROMIUM))("crawling a static site", () => {
  let site: BenchSite;
  let ts: TestStore;
  beforeAll(async () => {
    site = await startBenchSite({ pages: 6, scripted: false, politicalEvery: 3 });
    ts = await openTestStore();
  });
  afterAll(async () => {
    await ts?.dispose();
    await site?.close();
  });

  it("records every ad, renders only the pages with a political-looking ad, and keeps where the HTML came from", async () => {
    const s = await runCrawl({
      store: ts.store, plans: [{ source: "publisher", options: { seeds: site.urls, allowPrivate: true, maxDepth: 0 } }], maxPages: 6, concurrency: 2, log: testLog,
      crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS, ocr: false,
    });
    expect(s.runs[0]!.status).toBe("done");
    const rows = await ts.store.db.selectFrom("observation").select(["page_url", "screenshot_sha256", "html_sha256", "user_agent", "viewport"]).execute();
    expect(rows).toHaveLength(18);
    const rendered = new Set(site.urls.filter((_, i) => i % 3 === 0));
    for (const r of rows) {
      expect(r.html_sha256, r.page_url).not.toBeNull();
      expect(r.user_agent, r.page_url).toMatch(/Chrome\/.*polad\/test/);
      expect(r.screenshot_sha256 !== null, r.page_url).toBe(rendered.has(r.page_url));
    }
    const ads = await ts.store.db.selectFrom("ad").select(["html", "text"]).execute();
    const statics = ads.filter((a) => (a.html ?? "").includes("polad: fetched without a browser"));
    expect(statics).toHaveLength(12);
    const facts = JSON.parse(/polad: fetched without a browser (\{.*\}) -->/.exec(statics[0]!.html!)![1]!) as { url: string; status: number; documentSha256: string; headers: Record<string, string> };
    expect(facts.status).toBe(200);
    expect(facts.documentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(facts.headers["content-type"]).toContain("text/html");
    expect(site.urls).toContain(facts.url);
  }, 400_000);
});
