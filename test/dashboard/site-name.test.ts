import { existsSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl } from "../../crawler/run.js";
import { findSiteProfile } from "../../crawler/sites/profile.js";
import { siteNameOf } from "../../crawler/sites/site-name.js";
import { createDashboard } from "../../dashboard/server.js";
import { DPG_SITE_ARTICLE, dpgSiteReplica } from "../../sandbox/publisher/dpg-site.js";
import { nieuwsdagblad } from "../../sandbox/publisher/nieuwsdagblad.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { importAds } from "../../store/queries/ads.js";
import { seedDashboard, type SeedAd } from "../support/dashboard-seed.js";
import { CHROMIUM, openTestStore as openCrawlStore, TEST_POLITENESS, testLog } from "../support/crawl-store.js";
import { openTestStore, type TestStore } from "../support/store.js";

// Publishers served from the sandbox are stored under their host (127.0.0.1:PORT); the dashboard shows
// the name the site gives itself beside that host, from the crawl (og:site_name, site profile, title).
let sandbox: Sandbox;
let store: TestStore;
let app: FastifyInstance;
let host: string;
let ids: Map<string, number>;
const HOSTILE = `<img src=x onerror=alert(1)>Krant`;

beforeAll(async () => {
  sandbox = await startSandbox({ replicas: [nieuwsdagblad, dpgSiteReplica] });
  host = new URL(sandbox.addrs.nieuwsdagblad!).host;
  store = await openTestStore();
  const ads: SeedAd[] = [
    { ad: { id: "nd-1", source: "publisher", publisher: host, site_name: "Nieuwsdagblad", sponsor: "VVD", text: "Stem VVD", country: "NL", first_seen: "2026-03-01T09:00:00Z", last_seen: "2026-03-01T10:00:00Z" },
      political: true, party: "VVD", findings: [["ttpa.11-1-a.label-missing", "high"]], capture: { pages: [`${sandbox.addrs.nieuwsdagblad}/`], html: "<div>Stem VVD</div>" } },
    // A later sighting that found no name keeps the one known.
    { ad: { id: "nd-2", source: "publisher", publisher: host, sponsor: "D66", text: "Stem D66", country: "NL", first_seen: "2026-03-02T09:00:00Z", last_seen: "2026-03-02T10:00:00Z" },
      political: true, party: "D66", findings: [["ttpa.11-1-a.label-missing", "high"]], capture: { pages: [`${sandbox.addrs.nieuwsdagblad}/b`], html: "<div>Stem D66</div>" } },
    { ad: { id: "h-1", source: "publisher", publisher: "hostile.example", site_name: HOSTILE, sponsor: "PVV", text: "Stem PVV", country: "NL", first_seen: "2026-03-01T09:00:00Z", last_seen: "2026-03-01T10:00:00Z" },
      political: true, party: "PVV", findings: [["ttpa.11-1-a.label-missing", "high"]] },
    { ad: { id: "fb-1", source: "meta-ad-library", publisher: "Facebook", sponsor: "SP", text: "Stem SP", country: "NL", first_seen: "2026-03-01T09:00:00Z", last_seen: "2026-03-01T10:00:00Z" },
      political: true, party: "SP", findings: [["ttpa.11-1-a.label-missing", "high"]] },
  ];
  ids = await seedDashboard(store, ads);
  app = await createDashboard({ store, log: pino({ level: "silent" }) });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
  await sandbox?.close();
});

const get = async (url: string) => (await app.inject({ method: "GET", url })).body;

describe("site names", () => {
  it("reads the sandbox sites' names from their pages: og:site_name, else the site profile", async () => {
    const home = await (await fetch(`${sandbox.addrs.nieuwsdagblad}/`)).text();
    expect(siteNameOf(home)).toBe("Nieuwsdagblad");
    const dpgUrl = `${sandbox.addrs["dpg-site"]}${DPG_SITE_ARTICLE}`;
    const dpg = await (await fetch(dpgUrl, { redirect: "manual" })).text();
    expect(siteNameOf(dpg, findSiteProfile(dpgUrl, "ad.nl"))).toBe("AD");
  });

  it("falls back to the title's last part, and gives none for a bare title, an overlong or an empty name", () => {
    expect(siteNameOf("<title>Rotterdam kiest - AD.nl</title>")).toBe("AD.nl");
    expect(siteNameOf("<title>Nieuws | Het Parool</title>")).toBe("Het Parool");
    expect(siteNameOf("<title>Alleen een titel</title>")).toBeNull();
    expect(siteNameOf(`<meta property="og:site_name" content="${"x".repeat(500)}"><title>a | B</title>`)).toBe("B");
    expect(siteNameOf(`<meta property="og:site_name" content=" \u0000 "><title>a</title>`)).toBeNull();
    expect(siteNameOf("")).toBeNull();
  });

  it("reads the name from the head alone: a body's title or meta is not the site's, and the head may be in any case", () => {
    const body = `<p>${"nieuws ".repeat(20_000)}</p><svg><title>Icoon - Fout</title></svg><meta property="og:site_name" content="Uit de body">`;
    expect(siteNameOf(`<html><head><meta property="og:site_name" content="Het Parool"></head><body>${body}</body></html>`)).toBe("Het Parool");
    expect(siteNameOf(`<HTML><HEAD><TITLE>Verkiezingen | Trouw</TITLE></HEAD ><BODY>${body}</BODY></HTML>`)).toBe("Trouw");
    // An ad's or an embed's meta in the body names someone else.
    expect(siteNameOf(`<html><head><title>Zonder naam</title></head><body><div class="ad"><meta property="og:site_name" content="Adverteerder"></div></body></html>`)).toBeNull();
  });

  it("stores the name on the publisher from a capture and from an import, and keeps it when a later ad has none", async () => {
    const rows = await store.db.selectFrom("publisher").select(["name", "site_name"]).where("name", "in", [host, "hostile.example", "Facebook"]).execute();
    expect(rows.sort((a, b) => (a.site_name ?? "").localeCompare(b.site_name ?? ""))).toEqual([
      { name: "Facebook", site_name: null },
      { name: "hostile.example", site_name: HOSTILE },
      { name: host, site_name: "Nieuwsdagblad" },
    ]);
    const siteName = async () => (await store.db.selectFrom("publisher").select("site_name").where("name", "=", "Instagram").executeTakeFirstOrThrow()).site_name;
    await importAds(store.db, [{ id: "ig-1", source: "meta-ad-library", publisher: "Instagram", country: "NL" }], new Date("2026-03-05T00:00:00Z"));
    expect(await siteName()).toBeNull();
    await importAds(store.db, [{ id: "ig-2", source: "meta-ad-library", publisher: "Instagram", site_name: "Instagram (Meta)", country: "NL" }], new Date("2026-03-05T00:00:00Z"));
    expect(await siteName()).toBe("Instagram (Meta)");
    await importAds(store.db, [{ id: "ig-3", source: "meta-ad-library", publisher: "Instagram", country: "NL" }], new Date("2026-03-05T00:00:00Z"));
    expect(await siteName()).toBe("Instagram (Meta)");
  });

  it("shows the site's name with its host on the publishers list, the publisher page, the ads and findings lists and the ad page", async () => {
    const shown = `Nieuwsdagblad <span class="host">(${host})</span>`;
    expect(await get("/publishers")).toContain(shown);
    const page = await get(`/publishers/${encodeURIComponent(host)}`);
    expect(page).toContain(`: Nieuwsdagblad (${host}) · polad</title>`);
    expect(page).toContain(shown);
    expect(await get("/ads")).toContain(shown);
    expect(await get("/findings")).toContain(shown);
    expect(await get(`/ads/${ids.get("nd-2")}`)).toContain(shown);
  });

  it("shows a publisher without a name by its host alone, and escapes a hostile name", async () => {
    const list = await get("/publishers");
    expect(list).toMatch(/>Facebook<\/a>/);
    expect(list).not.toContain("<img src=x");
    expect(list).toContain(`&lt;img src=x onerror=alert(1)&gt;Krant <span class="host">(hostile.example)</span>`);
  });
});

describe.skipIf(!existsSync(CHROMIUM))("a crawl of the sandbox", () => {
  it("records the site's own name for a publisher site served from 127.0.0.1", async () => {
    const crawl = await openCrawlStore();
    try {
      const plan = nieuwsdagblad.plan!(sandbox.addrs);
      const s = await runCrawl({
        store: crawl.store, plans: [{ ...plan, options: { ...plan.options, maxDepth: 0 } }], maxPages: 1, concurrency: 1, log: testLog,
        crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS, ocr: false,
      });
      expect(s.runs[0]!.status).toBe("done");
      const rows = await crawl.store.db.selectFrom("publisher").select(["name", "site_name"]).execute();
      expect(rows).toEqual([{ name: host, site_name: "Nieuwsdagblad" }]);
    } finally {
      await crawl.dispose();
    }
  }, 300_000);
});
