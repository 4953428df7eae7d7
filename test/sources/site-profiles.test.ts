import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { findSiteProfile, SITE_PROFILES, siteProfileSchema, siteSeeds } from "../../crawler/sites/profile.js";
import { DPG_SITE_ARTICLE, dpgSiteReplica } from "../../sandbox/publisher/dpg-site.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

describe("site profiles for the Dutch press", () => {
  it("covers the main publishers, each host matched with its subdomains and nothing else", () => {
    const hosts: Array<[string, string | undefined]> = [
      ["https://www.nu.nl/politiek/123/x.html", "nu.nl"], ["https://nos.nl/artikel/1", "nos.nl"], ["https://www.telegraaf.nl/nieuws/1", "telegraaf.nl"],
      ["https://www.ad.nl/politiek/", "ad.nl"], ["https://www.volkskrant.nl/", "volkskrant.nl"], ["https://www.at5.nl/", "at5.nl"],
      ["https://www.rtlnieuws.nl/nieuws", "rtlnieuws.nl"], ["https://www.tubantia.nl/enschede/", "dpg-regional"], ["https://dvhn.nl/groningen/", "mediahuis-regional"],
      ["https://example.com/", undefined], ["https://notad.nl/", undefined], ["not a url", undefined],
    ];
    for (const [url, id] of hosts) expect({ url, id: findSiteProfile(url)?.id }).toEqual({ url, id });
    expect(findSiteProfile("http://127.0.0.1:8080/", "ad.nl")?.id).toBe("ad.nl");
    expect(siteSeeds().every((s) => s.startsWith("https://"))).toBe(true);
    expect(SITE_PROFILES.every((p) => p.consent.buttonTexts.includes("Akkoord"))).toBe(true);
  });

  it("refuses a profile with a bad field, naming it", () => {
    const bad = { ...SITE_PROFILES[0], seeds: ["niet-een-url"] };
    const r = siteProfileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["seeds", 0]);
  });
});

describe("publisher source with a site profile, against a DPG-style site behind its privacy gate", () => {
  let store: TestStore;
  let site: ServedReplica;
  let summary: CrawlSummary;
  let ads: SourceAd[];
  beforeAll(async () => {
    store = await openTestStore();
    site = await serveReplica(dpgSiteReplica);
    const seed = `${site.base}${DPG_SITE_ARTICLE}`;
    const plans = [
      // Without the profile first: the browser pool keeps the consent cookie once it is given.
      { source: "publisher", options: { seeds: [seed], maxDepth: 0 } },
      { source: "publisher", options: { seeds: [seed], siteProfile: "ad.nl", maxDepth: 0 } },
    ];
    summary = await runCrawl({ store, plans, maxPages: 5, concurrency: 1, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS });
    ads = await listSourceAds(store.db, "publisher");
  }, 300_000);
  afterAll(async () => {
    await site?.close();
    await store?.close();
  });

  it("clicks 'Akkoord' on the gate, is sent back to the article, and finds the slot only the profile's hint names", () => {
    expect(summary.runs[1]).toMatchObject({ status: "done" });
    const keuken = ads.find((a) => a.text?.includes("KeukenKoning Rotterdam-Zuid"));
    expect(keuken, JSON.stringify(ads.map((a) => a.text))).toBeDefined();
    expect(keuken!.pageUrls).toEqual([`${site.base}${DPG_SITE_ARTICLE}`]);
    const pvda = ads.find((a) => a.text?.includes("Stem PvdA Rotterdam"));
    expect(pvda?.sponsor).toBe("PvdA Rotterdam");
    expect(pvda?.label).toMatch(/Politieke advertentie/);
  });

  it("without the profile sees only the gate and captures no ad there", () => {
    expect(summary.runs[0]).toMatchObject({ status: "done" });
    expect(summary.runs[0]!.stats.captures).toBe(0);
    expect(ads.every((a) => !a.pageUrls.some((u) => u.includes("privacy-gate")))).toBe(true);
  });
});
