import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../crawler/browser.js";
import { runCrawl } from "../../crawler/run.js";
import { buildAd, isEmptySlot, needsRendering } from "../../crawler/sources/publisher/build-ad.js";
import { scanLoadedPage } from "../../crawler/sources/publisher/source.js";
import { scanStaticHtml } from "../../crawler/sources/publisher/static-scan.js";
import { startBenchSite, type BenchSite } from "../../sandbox/bench/site.js";
import { verifyRun } from "../../store/verify.js";
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
    const rows = await ts.store.db.selectFrom("observation").innerJoin("ad", "ad.id", "observation.ad_id").select(["page_url", "screenshot_sha256", "html_sha256", "user_agent", "viewport", "ad.text"]).execute();
    expect(rows).toHaveLength(18);
    const rendered = new Set(site.urls.filter((_, i) => i % 3 === 0));
    for (const r of rows) {
      expect(r.html_sha256, r.page_url).not.toBeNull();
      expect(r.user_agent, r.page_url).toMatch(/Chrome\/.*polad\/test/);
      // Rendered pages are those with a political ad; on them only the political ad is screenshotted.
      expect(r.screenshot_sha256 !== null, r.page_url).toBe(rendered.has(r.page_url) && (r.text ?? "").includes("Stem op partij"));
      expect(r.viewport !== null, r.page_url).toBe(rendered.has(r.page_url));
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

describe.skipIf(!existsSync(CHROMIUM))("screenshots and the browser only where needed", () => {
  const crawl = async (o: { scripted: boolean; politicalEvery: number; chromiumPath?: string; screenshots?: "all"; fullPage?: boolean; skipFirst?: boolean; inspect?: (ts: TestStore, runId: number) => Promise<void> }) => {
    const site = await startBenchSite({ pages: 3, scripted: o.scripted, politicalEvery: o.politicalEvery });
    const ts = await openTestStore();
    try {
      const s = await runCrawl({
        store: ts.store, plans: [{ source: "publisher", options: { seeds: o.skipFirst ? site.urls.slice(1) : site.urls, allowPrivate: true, maxDepth: 0, ...(o.screenshots ? { screenshots: o.screenshots } : {}), ...(o.fullPage ? { fullPage: true } : {}) } }], maxPages: 3, concurrency: 2, log: testLog,
        crawlerVersion: "test", chromiumPath: o.chromiumPath ?? CHROMIUM, politeness: TEST_POLITENESS, ocr: false,
      });
      await o.inspect?.(ts, s.runs[0]!.runId);
      const rows = await ts.store.db.selectFrom("observation").innerJoin("ad", "ad.id", "observation.ad_id").select(["observation.screenshot_sha256", "observation.user_agent", "ad.text"]).execute();
      return { status: s.runs[0]!.status, rows };
    } finally {
      await ts.dispose();
      await site.close();
    }
  };

  it("on a rendered page screenshots the political ad only, or every ad when asked", async () => {
    const dflt = await crawl({ scripted: true, politicalEvery: 3 });
    expect(dflt.status).toBe("done");
    expect(dflt.rows).toHaveLength(9);
    const shot = dflt.rows.filter((r) => r.screenshot_sha256 !== null);
    expect(shot.map((r) => r.text ?? "")).toEqual([expect.stringContaining("Stem op partij")]);
    const all = await crawl({ scripted: true, politicalEvery: 3, screenshots: "all" });
    expect(all.rows).toHaveLength(9);
    expect(all.rows.every((r) => r.screenshot_sha256 !== null)).toBe(true);
  }, 300_000);

  it("never starts Chromium for a site whose pages are all static and commercial", async () => {
    // A binary that tells its version but cannot run a browser: the crawl must not need one.
    const dir = mkdtempSync(join(tmpdir(), "polad-fake-chromium-"));
    const fake = join(dir, "chromium");
    writeFileSync(fake, '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "Chromium 140.0.7339.1 built on Debian"; exit 0; fi\necho "no browser here" >&2; exit 1\n');
    chmodSync(fake, 0o755);
    try {
      // Page 0 always carries a political ad (it would need the browser); pages 1 and 2 are all commercial.
      const r = await crawl({ scripted: false, politicalEvery: 1000, chromiumPath: fake, skipFirst: true });
      expect(r.status).toBe("done");
      expect(r.rows).toHaveLength(6);
      expect(r.rows.every((row) => row.user_agent?.includes("Chrome/140.0.7339.1") && row.user_agent.includes("polad/test"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("with --full-page renders every page and keeps one whole-page PNG per page with each sighting, in the run's chain", async () => {
    let checked = false;
    await crawl({
      scripted: false, politicalEvery: 1000, fullPage: true, skipFirst: true,
      inspect: async (ts, runId) => {
        const obs = await ts.store.db.selectFrom("observation").select(["id", "page_url", "page_screenshot_sha256", "viewport"]).execute();
        expect(obs).toHaveLength(6);
        const byPage = new Map<string, Set<string | null>>();
        for (const o of obs) byPage.set(o.page_url, (byPage.get(o.page_url) ?? new Set()).add(o.page_screenshot_sha256));
        expect(byPage.size).toBe(2);
        for (const shas of byPage.values()) {
          expect(shas.size).toBe(1); // the page's three ads share one file
          const sha = [...shas][0]!;
          expect(sha).toMatch(/^[0-9a-f]{64}$/);
          const art = await ts.store.db.selectFrom("artefact").selectAll().where("sha256", "=", sha).executeTakeFirstOrThrow();
          expect(art.kind).toBe("page-screenshot");
          const png = readFileSync(join(ts.store.evidenceDir, art.path));
          expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
          expect(png.readUInt32BE(16)).toBe(1280); // width of the viewport
        }
        expect(obs.every((o) => o.viewport !== null)).toBe(true); // rendered, though the pages are static
        const entries = await ts.store.db.selectFrom("manifest_entry").select(["kind", "ref"]).where("crawl_run_id", "=", runId).where("kind", "=", "page-screenshot").execute();
        expect(entries).toHaveLength(6);
        const v = await verifyRun(ts.store, runId);
        expect(v.problems).toEqual([]);
        expect(v.ok).toBe(true);
        checked = true;
      },
    });
    expect(checked).toBe(true);
  }, 300_000);
});
