import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { SANDBOX_TIKTOK_TOKEN, tiktokReplica } from "../../sandbox/platforms/tiktok-ad-library/replica.js";
import { TIKTOK_SEED } from "../../sandbox/platforms/tiktok-ad-library/seed.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "../sources/serve-replica.js";
import { openTestStore, type TestStore } from "../support/store.js";

/** A Graph API stand-in: page 1 holds a record the mapper cannot read between two good ones, and links page 2. */
function graphStub(): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    res.setHeader("content-type", "application/json");
    if (u.pathname !== "/ads_archive") return void res.writeHead(404).end("{}");
    const base = `http://${req.headers.host}`;
    const page2 = u.searchParams.get("after") === "p2";
    const ad = (id: string, text: string) => ({ id, page_name: "Partij Stub", ad_creative_bodies: [text], ad_delivery_start_time: "2026-03-01" });
    const data = page2 ? [ad("m3", "Stem op de stub, deel drie")] : [ad("m1", "Stem op de stub, deel een"), "not a record", { id: { nested: true } }, ad("m2", "Stem op de stub, deel twee")];
    res.end(JSON.stringify({ data, ...(page2 ? {} : { paging: { next: `${base}/ads_archive?after=p2&search_terms=stub` } }) }));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) })));
}

describe("engine fixes: per-record skips on Meta pages, POST queries for TikTok's API", () => {
  let store: TestStore;
  let graph: { base: string; close(): Promise<void> };
  let tiktok: ServedReplica;
  let summary: CrawlSummary;
  let metaAds: SourceAd[];
  let tiktokAds: SourceAd[];

  beforeAll(async () => {
    store = await openTestStore();
    graph = await graphStub();
    tiktok = await serveReplica(tiktokReplica);
    summary = await runCrawl({
      store, maxPages: 20, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS, now: () => new Date("2026-03-12T10:00:00Z"),
      plans: [
        { source: "meta-ad-library", options: { seeds: [], terms: ["stub"], apiBase: graph.base, token: "EAAstubtoken" } },
        { source: "tiktok-ad-library", options: { seeds: [], terms: [""], apiBase: tiktok.base, token: SANDBOX_TIKTOK_TOKEN } },
      ],
    });
    metaAds = await listSourceAds(store.db, "meta-ad-library");
    tiktokAds = await listSourceAds(store.db, "tiktok-ad-library");
  }, 240_000);

  afterAll(async () => {
    await graph?.close();
    await tiktok?.close();
    await store?.close();
  });

  it("keeps the good records of a page with unreadable ones, follows its next link, and counts the skipped records", () => {
    const meta = summary.runs.find((r) => r.source === "meta-ad-library");
    expect(meta?.status).toBe("done");
    expect(metaAds.map((a) => a.externalId).sort()).toEqual(["m1", "m2", "m3"]);
    expect(meta?.stats.skipped).toEqual({ "skipped-records": 2 });
    expect(meta?.stats.errorCount).toBe(0);
  });

  it("queries the TikTok Commercial Content API by POST with the token and stores every NL ad with its exact id", () => {
    const run = summary.runs.find((r) => r.source === "tiktok-ad-library");
    expect(run?.status).toBe("done");
    const expected = TIKTOK_SEED.filter((a) => a.regions.includes("NL")).map((a) => a.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(tiktokAds.map((a) => a.externalId).sort()).toEqual(expected);
    const volt = tiktokAds.find((a) => a.sponsor === "Volt Nederland afdeling Utrecht");
    expect(volt?.firstSeenAt.toISOString()).toBe("2026-03-05T00:00:00.000Z");
  });

  it("stops the TikTok run on a rejected token without the token in the error", async () => {
    const out = await runCrawl({
      store, maxPages: 5, concurrency: 1, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS,
      plans: [{ source: "tiktok-ad-library", options: { seeds: [], terms: ["volt"], apiBase: tiktok.base, token: "clt.wrongTOKENxyz" } }],
    });
    const run = await store.db.selectFrom("crawl_run").select(["status", "error"]).where("id", "=", out.runs[0]!.runId).executeTakeFirstOrThrow();
    expect(run.status).toBe("failed");
    expect(run.error ?? "").toMatch(/^tiktok-api: .*access_token_invalid/);
    expect(run.error ?? "").not.toContain("wrongTOKEN");
  }, 120_000);
});
