import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { googleBundleReplica } from "../../sandbox/platforms/google-political-bundle/replica.js";
import { META_SEED } from "../../sandbox/platforms/meta-ad-library/seed.js";
import { metaReportReplica, REPORT_PATH } from "../../sandbox/platforms/meta-ad-library-report/replica.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

// The two CSV imports share one store and one crawl (two plans), to keep the folder fast under load.
describe("CSV sources crawled through runCrawl: Google bundle and Meta report replicas", () => {
  let store: TestStore;
  let bundle: ServedReplica;
  let report: ServedReplica;
  let summary: CrawlSummary;
  let bundleAds: SourceAd[];
  let reportRecs: SourceAd[];
  beforeAll(async () => {
    store = await openTestStore();
    bundle = await serveReplica(googleBundleReplica);
    report = await serveReplica(metaReportReplica);
    const plans = [googleBundleReplica.plan!({ [googleBundleReplica.id]: bundle.base }), { source: "meta-ad-library-report", options: { seeds: [`${report.base}${REPORT_PATH}`] } }];
    summary = await runCrawl({ store, plans, maxPages: 10, concurrency: 1, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS });
    bundleAds = await listSourceAds(store.db, "google-political-bundle");
    reportRecs = await listSourceAds(store.db, "meta-ad-library-report");
  }, 300_000);
  afterAll(async () => {
    await bundle?.close();
    await report?.close();
    await store?.close();
  });

  it("imports every reachable bundle row and leaves out rows not shown in NL", () => {
    expect(summary.runs.map((r) => r.status)).toEqual(["done", "done"]);
    for (const t of googleBundleReplica.truth) expect({ m: t.match, found: bundleAds.some((a) => a.sponsor === t.match) }).toEqual({ m: t.match, found: t.reachable });
    const vvd = bundleAds.find((a) => a.sponsor === "Volkspartij voor Vrijheid en Democratie");
    expect(vvd?.extra.spend).toMatchObject({ eur: { min: 30000, max: null }, huf: { min: 11_700_000, max: null } });
    expect(vvd?.firstSeenAt.toISOString()).toBe("2023-11-01T08:00:00.000Z");
  });

  it("imports one report record per page, no-disclaimer pages marked, facts from the file name", () => {
    const pages = new Set(META_SEED.filter((s) => s.countries.includes("NL")).map((s) => s.pageId));
    expect(reportRecs).toHaveLength(pages.size + 1);
    const vvdUtrecht = reportRecs.find((r) => r.extra.page_id === "203040506070801")!;
    expect(vvdUtrecht.sponsor).toBeNull();
    expect(vvdUtrecht.extra.ran_without_disclaimer).toBe(true);
    expect(vvdUtrecht.extra.report).toMatchObject({ date: "2026-03-15", period: "last_30_days" });
    expect(reportRecs.find((r) => r.extra.page_name === "DENK")?.extra.page_id).toBe("1550088745275913");
  });
});
