import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { linkedinDate } from "../../crawler/sources/linkedin-ad-library/index.js";
import { linkedinReplica } from "../../sandbox/platforms/linkedin-ad-library/replica.js";
import { LINKEDIN_SEED } from "../../sandbox/platforms/linkedin-ad-library/seed.js";
import { tiktokReplica } from "../../sandbox/platforms/tiktok-ad-library/replica.js";
import { TIKTOK_SEED } from "../../sandbox/platforms/tiktok-ad-library/seed.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

describe("LinkedIn run dates", () => {
  it("reads English and Dutch month names and ISO dates", () => {
    expect(linkedinDate("Mar 2, 2026")).toBe("2026-03-02T00:00:00.000Z");
    expect(linkedinDate("2 mrt 2026")).toBe("2026-03-02T00:00:00.000Z");
    expect(linkedinDate("2026-03-02")).toBe("2026-03-02T00:00:00.000Z");
    expect(linkedinDate("soon")).toBeNull();
  });
});

// TikTok and LinkedIn library pages share one store and one crawl (two plans) to keep the folder fast.
describe("library-page sources crawled through runCrawl: TikTok and LinkedIn replicas", () => {
  let store: TestStore;
  let tiktok: ServedReplica;
  let linkedin: ServedReplica;
  let summary: CrawlSummary;
  let tt: SourceAd[];
  let li: SourceAd[];
  beforeAll(async () => {
    store = await openTestStore();
    tiktok = await serveReplica(tiktokReplica);
    linkedin = await serveReplica(linkedinReplica);
    const plans = [tiktokReplica.plan!({ [tiktokReplica.id]: tiktok.base }), linkedinReplica.plan!({ [linkedinReplica.id]: linkedin.base })];
    summary = await runCrawl({ store, plans, maxPages: 40, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS });
    tt = await listSourceAds(store.db, "tiktok-ad-library");
    li = await listSourceAds(store.db, "linkedin-ad-library");
  }, 300_000);
  afterAll(async () => {
    await tiktok?.close();
    await linkedin?.close();
    await store?.close();
  });

  it("finds every reachable truth ad on both sites, and not the one shown only in Belgium", () => {
    expect(summary.runs.map((r) => r.status)).toEqual(["done", "done"]);
    for (const [truth, ads] of [[tiktokReplica.truth, tt], [linkedinReplica.truth, li]] as const) {
      for (const t of truth) expect({ m: t.match, found: ads.some((a) => (a.text ?? "").includes(t.match)) }).toEqual({ m: t.match, found: t.reachable });
    }
  });

  it("keeps the library's 'Paid for by' as sponsor metadata and takes the label only from the creative", () => {
    for (const s of TIKTOK_SEED.filter((x) => x.reachable)) {
      const ad = tt.find((a) => a.externalId === s.id)!;
      expect(ad.sponsor).toBe(s.paidForBy);
      expect(ad.label).toBe(s.label ? `${s.label.text} · Transparantieverklaring · Gesponsord` : "Gesponsord");
      expect(ad.text).not.toContain("Paid for by");
      expect(ad.targeting).toMatchObject({ location: [s.targeting.location] });
      expect(ad.lastSeenAt.toISOString().slice(0, 10)).toBe(s.last);
      expect(ad.screenshots).toBe(1);
    }
    for (const s of LINKEDIN_SEED) {
      const ad = li.find((a) => a.externalId === s.id)!;
      expect(ad.sponsor).toBe(s.paidForBy);
      expect(ad.label).toBe("Gepromoot");
      expect(ad.firstSeenAt.toISOString().slice(0, 10)).toBe(s.first);
      expect(ad.targeting?.location).toBe(s.targeting[0]![1]);
    }
  });

  it("follows the TikTok creative's own notice link", () => {
    const volt = tt.find((a) => a.sponsor === "Volt Nederland afdeling Utrecht")!;
    expect(volt.noticeStatus).toBe(200);
    expect(volt.hasNotice).toBe(true);
  });
});
