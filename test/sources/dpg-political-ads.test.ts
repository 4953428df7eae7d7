import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { campaignItemToRecord } from "../../crawler/sources/dpg-political-ads/index.js";
import { createDpgReplica } from "../../sandbox/platforms/dpg-political-ads/replica.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

describe("dpg-political-ads: DPG Media's political-ads API replica through runCrawl", () => {
  let store: TestStore;
  let flaky: ServedReplica;
  let legacy: ServedReplica;
  let summary: CrawlSummary;
  let ads: SourceAd[];
  const truth = createDpgReplica().truth;
  beforeAll(async () => {
    store = await openTestStore();
    flaky = await serveReplica(createDpgReplica({ failFirst: 1 }));
    legacy = await serveReplica(createDpgReplica({ legacyEnvelope: true }));
    const plans = [
      { source: "dpg-political-ads", options: { apiBase: flaky.base, allowPrivate: true } },
      { source: "dpg-political-ads", options: { apiBase: legacy.base, allowPrivate: true, channel: "PRINT", period: "PAST_30_DAYS" } },
    ];
    summary = await runCrawl({ store, plans, maxPages: 10, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS });
    ads = await listSourceAds(store.db, "dpg-political-ads");
  }, 300_000);
  afterAll(async () => {
    await flaky?.close();
    await legacy?.close();
    await store?.close();
  });

  it("retries the API after a 500 and stores every campaign item of the truth, with sponsor, payer, budget and channel", () => {
    expect(summary.runs[0]).toMatchObject({ status: "done" });
    expect(summary.runs[0]!.stats.retries).toBe(1);
    for (const t of truth) expect({ m: t.match, found: ads.some((a) => a.sponsor === t.match) }).toEqual({ m: t.match, found: true });
    const enschede = ads.find((a) => a.sponsor === "Burgerbelangen Enschede")!;
    expect(enschede.publisher).toBe("Tubantia");
    expect(enschede.extra).toMatchObject({ record_kind: "publisher-repository-ad", payer: "Stichting Vrienden van Burgerbelangen", channel: "PRINT", budget: { min_eur: 0, max_eur: 1000 } });
    expect(enschede.text).toBeNull();
    const anwb = ads.find((a) => a.sponsor === "ANWB B.V.")!;
    expect(anwb.extra.budget).toEqual({ min_eur: 25000, max_eur: null });
    expect(anwb.firstSeenAt.toISOString()).toBe("2025-10-01T00:00:00.000Z");
  });

  it("archives each item's transparency notice, and records the one that is gone as a 404", () => {
    const sgp = ads.find((a) => a.sponsor?.startsWith("Staatkundig"))!;
    expect(sgp.noticeStatus).toBe(404);
    const rest = ads.filter((a) => a !== sgp);
    expect(rest.every((a) => a.hasNotice && a.noticeStatus === 200)).toBe(true);
  });

  it("reads the older `items` envelope and passes the channel and period filters", () => {
    expect(summary.runs[1]).toMatchObject({ status: "done" });
    expect(summary.runs[1]!.stats.captures).toBe(2);
  });

  it("keeps an item without an id under a stable id derived from its content", () => {
    const it = { sponsorName: "VVD", channel: "PRINT", budgetLowerBound: "100", budgetUpperBound: null };
    expect(campaignItemToRecord(it).id).toBe(campaignItemToRecord({ ...it }).id);
    expect(campaignItemToRecord(it).id).not.toBe(campaignItemToRecord({ ...it, sponsorName: "CDA" }).id);
    expect(campaignItemToRecord(it).extra ?? campaignItemToRecord(it)).toMatchObject({ budget: { min_eur: 100, max_eur: null } });
  });
});
