import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { linkedinDate } from "../../crawler/sources/linkedin-ad-library/index.js";
import type { Replica } from "../../sandbox/replica.js";
import { googleBundleReplica } from "../../sandbox/platforms/google-political-bundle/replica.js";
import { atcReplica } from "../../sandbox/platforms/google-ads-transparency/replica.js";
import { ATC_SEED } from "../../sandbox/platforms/google-ads-transparency/seed.js";
import { linkedinReplica } from "../../sandbox/platforms/linkedin-ad-library/replica.js";
import { LINKEDIN_SEED } from "../../sandbox/platforms/linkedin-ad-library/seed.js";
import { META_SEED } from "../../sandbox/platforms/meta-ad-library/seed.js";
import { metaReportReplica, REPORT_PATH } from "../../sandbox/platforms/meta-ad-library-report/replica.js";
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

// Every platform source but Meta's API in one store and one runCrawl (five plans): one PGlite and one
// Chromium for all, so the folder stays fast on a loaded machine.
describe("platform sources crawled through runCrawl: Google bundle and centre, Meta report, TikTok, LinkedIn", () => {
  let store: TestStore;
  const served: ServedReplica[] = [];
  let summary: CrawlSummary;
  const ads = { bundle: [] as SourceAd[], report: [] as SourceAd[], atc: [] as SourceAd[], tiktok: [] as SourceAd[], linkedin: [] as SourceAd[] };
  beforeAll(async () => {
    store = await openTestStore();
    const base = async (r: Replica) => {
      const s = await serveReplica(r);
      served.push(s);
      return { [r.id]: s.base };
    };
    const plans = [
      googleBundleReplica.plan!(await base(googleBundleReplica)),
      { source: "meta-ad-library-report", options: { seeds: [`${Object.values(await base(metaReportReplica))[0]}${REPORT_PATH}`] } },
      atcReplica.plan!(await base(atcReplica)),
      tiktokReplica.plan!(await base(tiktokReplica)),
      linkedinReplica.plan!(await base(linkedinReplica)),
    ];
    summary = await runCrawl({ store, plans, maxPages: 50, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS });
    ads.bundle = await listSourceAds(store.db, "google-political-bundle");
    ads.report = await listSourceAds(store.db, "meta-ad-library-report");
    ads.atc = await listSourceAds(store.db, "google-ads-transparency");
    ads.tiktok = await listSourceAds(store.db, "tiktok-ad-library");
    ads.linkedin = await listSourceAds(store.db, "linkedin-ad-library");
  }, 300_000);
  afterAll(async () => {
    for (const s of served) await s.close();
    await store?.close();
  });

  it("finishes every run without errors", () => {
    expect(summary.runs.map((r) => [r.source, r.status, r.stats.errorCount])).toEqual(summary.runs.map((r) => [r.source, "done", 0]));
  });

  it("imports every reachable bundle row and leaves out rows not shown in NL", () => {
        for (const t of googleBundleReplica.truth) expect({ m: t.match, found: ads.bundle.some((a) => a.sponsor === t.match) }).toEqual({ m: t.match, found: t.reachable });
    const vvd = ads.bundle.find((a) => a.sponsor === "Volkspartij voor Vrijheid en Democratie");
    expect(vvd?.extra.spend).toMatchObject({ eur: { min: 30000, max: null }, huf: { min: 11_700_000, max: null } });
    expect(vvd?.firstSeenAt.toISOString()).toBe("2023-11-01T08:00:00.000Z");
  });

  it("imports one report record per page, no-disclaimer pages marked, facts from the file name", () => {
    const pages = new Set(META_SEED.filter((s) => s.countries.includes("NL")).map((s) => s.pageId));
    expect(ads.report).toHaveLength(pages.size + 1);
    const vvdUtrecht = ads.report.find((r) => r.extra.page_id === "203040506070801")!;
    expect(vvdUtrecht.sponsor).toBeNull();
    expect(vvdUtrecht.extra.ran_without_disclaimer).toBe(true);
    expect(vvdUtrecht.extra.report).toMatchObject({ date: "2026-03-15", period: "last_30_days" });
    expect(ads.report.find((r) => r.extra.page_name === "DENK")?.extra.page_id).toBe("1550088745275913");
  });

  it("finds every reachable truth creative and not the one shown only in Belgium", () => {
        for (const t of atcReplica.truth) expect({ m: t.match, found: ads.atc.some((a) => (a.text ?? "").includes(t.match)) }).toEqual({ m: t.match, found: t.reachable });
  });

  it("takes the label from the creative itself, never from the library's 'Betaald door' panel", () => {
    const byId = new Map(ads.atc.map((a) => [a.externalId, a]));
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
    const vvd = ads.atc.find((a) => a.sponsor === "VVD Amsterdam")!;
    expect(vvd.noticeUrl).toMatch(/\/transparantie\/CR20260000000000000002$/);
    expect(vvd.noticeStatus).toBe(200);
    expect(vvd.hasNotice).toBe(true);
  });

  it("finds every reachable truth ad on both sites, and not the one shown only in Belgium", () => {
    for (const [truth, list] of [[tiktokReplica.truth, ads.tiktok], [linkedinReplica.truth, ads.linkedin]] as const) {
      for (const t of truth) expect({ m: t.match, found: list.some((a) => (a.text ?? "").includes(t.match)) }).toEqual({ m: t.match, found: t.reachable });
    }
  });

  it("keeps the library's 'Paid for by' as sponsor metadata and takes the label only from the creative", () => {
    for (const s of TIKTOK_SEED.filter((x) => x.reachable)) {
      const ad = ads.tiktok.find((a) => a.externalId === s.id)!;
      expect(ad.sponsor).toBe(s.paidForBy);
      expect(ad.label).toBe(s.label ? `${s.label.text} · Transparantieverklaring · Gesponsord` : "Gesponsord");
      expect(ad.text).not.toContain("Paid for by");
      expect(ad.targeting).toMatchObject({ location: [s.targeting.location] });
      expect(ad.lastSeenAt.toISOString().slice(0, 10)).toBe(s.last);
      expect(ad.screenshots).toBe(1);
    }
    for (const s of LINKEDIN_SEED) {
      const ad = ads.linkedin.find((a) => a.externalId === s.id)!;
      expect(ad.sponsor).toBe(s.paidForBy);
      expect(ad.label).toBe("Gepromoot");
      expect(ad.firstSeenAt.toISOString().slice(0, 10)).toBe(s.first);
      expect(ad.targeting?.location).toBe(s.targeting[0]![1]);
    }
  });

  it("follows the TikTok creative's own notice link", () => {
    const volt = ads.tiktok.find((a) => a.sponsor === "Volt Nederland afdeling Utrecht")!;
    expect(volt.noticeStatus).toBe(200);
    expect(volt.hasNotice).toBe(true);
  });
});
