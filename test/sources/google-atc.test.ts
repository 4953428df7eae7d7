import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { parseAdCards } from "../../crawler/sources/google-ads-transparency/cards.js";
import { atcReplica } from "../../sandbox/platforms/google-ads-transparency/replica.js";
import { ATC_SEED } from "../../sandbox/platforms/google-ads-transparency/seed.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

const repoRoot = join(import.meta.dirname, "..", "..");
const dir = resolve(repoRoot, "../shared/data/real/c4d-google-political-transparency-report-html");

describe.skipIf(!existsSync(dir))("Google transparency ad cards (real saved markup, US 2020)", () => {
  const read = (f: string) => parseAdCards(readFileSync(join(dir, f), "utf8"));

  it("reads the text ad's creative apart from the library's 'Paid for by' metadata", () => {
    const [card] = read("text-ad.html");
    expect(card).toMatchObject({ advertiserId: "AR105500339708362752", creativeId: "CR538317525704769536", format: "Text ad.", creativeMarker: "Ad" });
    expect(card!.library.paidForBy).toBe("DONALD J. TRUMP FOR PRESIDENT, INC.");
    expect(card!.creativeText).toContain("Find Your Election Day Polling Place");
    expect(card!.creativeText).not.toContain("Paid for by");
    expect(card!.library.impressions).toEqual({ min: 100_000, max: 1_000_000 });
    expect(card!.library.spend).toEqual({ min: 100_000, max: null });
  });

  it("reads image and video cards: no creative text outside the frame, stats and date range from the footer", () => {
    for (const f of ["image-ad.html", "image-ad2.html", "video-ad.html"]) {
      const [card] = read(f);
      expect(card!.library.paidForBy).toBe("TRUMP MAKE AMERICA GREAT AGAIN COMMITTEE");
      expect(card!.creativeText).toBeNull();
      expect(card!.library.dateRange).toMatch(/^\d+\/\d+\/20 - 11\/3\/20$/);
    }
    expect(read("video-ad.html")[0]!.library.spend).toEqual({ min: 50_000, max: 100_000 });
  });
});

describe("google-ads-transparency crawl through runCrawl against the centre replica", () => {
  let store: TestStore;
  let served: ServedReplica;
  let summary: CrawlSummary;
  let ads: SourceAd[];
  beforeAll(async () => {
    store = await openTestStore();
    served = await serveReplica(atcReplica);
    summary = await runCrawl({ store, plans: [atcReplica.plan!({ [atcReplica.id]: served.base })], maxPages: 50, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS });
    ads = await listSourceAds(store.db, "google-ads-transparency");
  }, 300_000);
  afterAll(async () => {
    await served?.close();
    await store?.close();
  });

  it("finds every reachable truth creative and not the one shown only in Belgium", () => {
    expect(summary.runs[0]?.status).toBe("done");
    for (const t of atcReplica.truth) expect({ m: t.match, found: ads.some((a) => (a.text ?? "").includes(t.match)) }).toEqual({ m: t.match, found: t.reachable });
  });

  it("takes the label from the creative itself, never from the library's 'Betaald door' panel", () => {
    const byId = new Map(ads.map((a) => [a.externalId, a]));
    for (const c of ATC_SEED.filter((x) => x.reachable)) {
      const ad = byId.get(c.id)!;
      expect(ad.sponsor).toBe(c.advertiser);
      expect((ad.extra.library as { paidForBy: string }).paidForBy).toBe(c.advertiser);
      if (c.label) expect(ad.label).toBe(c.label.text + " · Transparantieverklaring");
      else if (c.format === "Tekst") expect(ad.label).toBe("Gesponsord");
      else expect(ad.label).toBeNull();
      expect(ad.text).not.toContain("Betaald door");
      expect(ad.screenshots).toBe(1);
      expect(ad.lastSeenAt.toISOString().slice(0, 10)).toBe(c.last);
    }
  });

  it("follows the creative's own notice link and records the frame the creative sits in", () => {
    const vvd = ads.find((a) => a.sponsor === "VVD Amsterdam")!;
    expect(vvd.noticeUrl).toMatch(/\/transparantie\/CR20260000000000000002$/);
    expect(vvd.noticeStatus).toBe(200);
    expect(vvd.hasNotice).toBe(true);
  });
});
