import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { createMetaReplica } from "../../sandbox/platforms/meta-ad-library/replica.js";
import { META_SEED, SANDBOX_META_TOKEN } from "../../sandbox/platforms/meta-ad-library/seed.js";
import { listRunStoredText, listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

describe("meta-ad-library crawl through runCrawl against the graph.facebook.com replica", () => {
  let store: TestStore;
  let served: ServedReplica;
  let summary: CrawlSummary;
  let ads: SourceAd[];
  const replica = createMetaReplica();

  beforeAll(async () => {
    store = await openTestStore();
    served = await serveReplica(replica);
    const plan = replica.plan!({ [replica.id]: served.base });
    summary = await runCrawl({
      store, plans: [plan], maxPages: 200, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM,
      politeness: TEST_POLITENESS, now: () => new Date("2026-03-12T10:00:00Z"),
    });
    ads = await listSourceAds(store.db, "meta-ad-library");
  }, 300_000);

  afterAll(async () => {
    await served?.close();
    await store?.close();
  });

  it("finds every reachable truth ad and none that the country filter excludes", () => {
    expect(summary.runs[0]?.status).toBe("done");
    const texts = ads.map((a) => a.text ?? "");
    for (const t of replica.truth) {
      const found = texts.some((x) => x.includes(t.match));
      expect({ match: t.match, found }).toEqual({ match: t.match, found: t.reachable });
    }
    expect(ads).toHaveLength(replica.truth.filter((t) => t.reachable).length);
  });

  it("survives the replica's 613 throttle by backing off and retrying", () => {
    expect(Number(summary.runs[0]?.stats.retries ?? 0)).toBeGreaterThan(0);
    expect(summary.runs[0]?.stats.errorCount).toBe(0);
  });

  it("stores the label as the snapshot shows it, the byline as sponsor, else the page name", () => {
    const byId = new Map(ads.map((a) => [a.externalId, a]));
    for (const seed of META_SEED.filter((s) => s.reachable)) {
      const ad = byId.get(seed.id);
      expect(ad?.sponsor).toBe(seed.byline ?? seed.pageName);
      expect(ad?.label?.startsWith("Gesponsord")).toBe(true);
      if (seed.byline) expect(ad?.label).toContain(`Betaald door ${seed.byline}`);
      else expect(ad?.label).not.toContain("Betaald door");
      if (seed.label) expect(ad?.label).toContain(seed.label.text);
      expect(ad?.screenshots).toBeGreaterThan(0);
      expect(ad?.firstSeenAt.toISOString().slice(0, 10)).toBe(seed.start);
    }
  });

  it("keeps the EU targeting fields and follows the label's notice link", () => {
    const gl = ads.find((a) => a.sponsor === "GroenLinks-PvdA Rotterdam");
    expect(gl?.targeting).toMatchObject({ ages: ["18", "44"], gender: "All" });
    expect(gl?.targeting?.eu_total_reach).toBe(37020);
    expect(gl?.noticeStatus).toBe(200);
    expect(gl?.hasNotice).toBe(true);
    const sp = ads.find((a) => a.sponsor === "SP Groningen");
    expect(sp?.noticeStatus).toBe(404);
    const pvv = ads.find((a) => a.sponsor === "PVV Den Haag");
    expect(pvv?.noticeUrl).toBeNull();
  });

  it("stops the run on a rejected token without putting the token in the error", async () => {
    const plan = replica.plan!({ [replica.id]: served.base });
    const bad = "EAAwrongTOKENthatMustNotLeak";
    const out = await runCrawl({
      store, plans: [{ source: plan.source, options: { ...plan.options, token: bad, terms: ["stem"] } }], maxPages: 10, concurrency: 1, log: testLog,
      crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS,
    });
    expect(out.runs[0]?.status).toBe("failed");
    const stored = await listRunStoredText(store.db, out.runs[0]!.runId);
    expect(stored.join("\n")).toMatch(/Graph API error 190/);
    for (const s of stored) expect(s).not.toContain(bad);
  });

  it("never stores the access token: not in frontier URLs, sightings, raw records or run parameters", async () => {
    const stored = await listRunStoredText(store.db, summary.runs[0]!.runId);
    expect(stored.length).toBeGreaterThan(20);
    for (const s of stored) expect(s).not.toContain(SANDBOX_META_TOKEN);
    for (const a of ads) expect(JSON.stringify(a)).not.toContain(SANDBOX_META_TOKEN);
    expect(ads.every((a) => a.pageUrls.every((u) => u.includes("render_ad") && !u.includes("access_token")))).toBe(true);
  });
});
