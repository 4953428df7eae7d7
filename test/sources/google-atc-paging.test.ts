import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { nextRequest, pageItems, parseSearchAnswer } from "../../crawler/sources/google-ads-transparency/rpc.js";
import { createAtcReplica, ATC_WALLED_ADVERTISER, type AtcReplica } from "../../sandbox/platforms/google-ads-transparency/replica.js";
import { ATC_PAGED_ADVERTISER, ATC_SEED, ATC_WALLED_LATER_DOMAIN } from "../../sandbox/platforms/google-ads-transparency/seed.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { frontierStats } from "../../store/queries/runs.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

const SOURCE = "google-ads-transparency";
const PAGING = { pageSize: 3, listed: 8, walled: 5 };
const demoIds = new Set(ATC_SEED.map((c) => c.id));
/** Truth of the paging seed only (the demo creatives are not crawled here). */
const pagingTruth = (r: AtcReplica) => r.truth.filter((t) => !ATC_SEED.some((c) => c.body.startsWith(t.match)));
const rpcKeys = (r: AtcReplica, what: string) => r.events.filter((e) => e.what === what && e.key.startsWith(`${ATC_PAGED_ADVERTISER}|`)).map((e) => e.key);
const crawl = (store: TestStore, base: string, seeds: string[], maxRequests = 0) => runCrawl({
  store, plans: [{ source: SOURCE, options: { seeds: seeds.map((s) => `${base}${s}`) } }], maxPages: 60, concurrency: 2, log: testLog, crawlerVersion: "test",
  chromiumPath: CHROMIUM, ocr: false, politeness: { ...TEST_POLITENESS, maxAttempts: 4, maxRequests },
});

describe("SearchCreatives answers and requests", () => {
  const row = (cr: string) => ({ "1": "AR20260000000000000099", "2": cr, "4": 1, "12": "Bakkerij Almere B.V." });

  it("reads the creatives and the next page's token, with or without Google's )]}' prefix", () => {
    const body = JSON.stringify({ "1": [row("CR1"), row("CR2")], "2": "tok-2" });
    for (const text of [body, `)]}'\n${body}`]) {
      expect(parseSearchAnswer(text)).toEqual({ next: "tok-2", creatives: [
        { advertiserId: "AR20260000000000000099", creativeId: "CR1", advertiser: "Bakkerij Almere B.V.", format: 1 },
        { advertiserId: "AR20260000000000000099", creativeId: "CR2", advertiser: "Bakkerij Almere B.V.", format: 1 },
      ] });
    }
    expect(parseSearchAnswer(JSON.stringify({ "1": [row("CR3")] })).next).toBeNull();
    expect(parseSearchAnswer("{}")).toEqual({ creatives: [], next: null });
  });

  it("refuses error answers, ids that are not the centre's and HTML", () => {
    expect(() => parseSearchAnswer(JSON.stringify({ "2": "com.google.ads.BadRequestException", "5": 400, "9": 3 }))).toThrow(/error 400/);
    expect(() => parseSearchAnswer(JSON.stringify({ "1": [{ "1": "AR1", "2": "../../admin" }] }))).toThrow(/1\.0\.2/);
    expect(() => parseSearchAnswer("<html><title>Error</title></html>")).toThrow();
  });

  it("asks for the next page with the token and the offset moved on, filters unchanged; no page after the last", () => {
    const req = { "2": 40, "3": { "13": { "1": ["AR1"] } }, "7": { "1": 1, "2": 40, "3": 2528 } };
    expect(nextRequest(req, "tok", 40)).toEqual({ "2": 40, "3": { "13": { "1": ["AR1"] } }, "4": "tok", "7": { "1": 1, "2": 80, "3": 2528 } });
    const last = pageItems({ origin: "https://adstransparency.google.com", region: "NL", req, page: { creatives: [{ advertiserId: "AR1", creativeId: "CR9", advertiser: null, format: 2 }], next: null }, pageNo: 3 });
    expect(last.map((i) => [i.kind, i.url])).toEqual([["atc-creative", "https://adstransparency.google.com/advertiser/AR1/creative/CR9?region=NL"]]);
  });
});

// The centre's lists page through its SearchCreatives RPC (a token per page); here 8 creatives of one
// advertiser come 3 to a page, every later page and every creative page is first answered 429 with
// Retry-After, a domain's second page meets Google's "unusual traffic" wall, and one advertiser's page
// is redirected to that wall (a 429 with a captcha). Real Chromium renders the lists and creatives.
describe("Ads Transparency Center: SearchCreatives paging, 429 with Retry-After, the unusual-traffic wall", () => {
  let store: TestStore;
  let served: ServedReplica;
  let summary: CrawlSummary;
  let ads: SourceAd[] = [];
  let stats: Record<string, number> = {};
  const replica = createAtcReplica({ paging: PAGING, rateLimit: { rpcRetryAfterS: 2, creativeRetryAfterS: 1 } });
  beforeAll(async () => {
    store = await openTestStore();
    served = await serveReplica(replica);
    summary = await crawl(store, served.base, [`/advertiser/${ATC_PAGED_ADVERTISER}?region=NL`, `/?region=NL&domain=${ATC_WALLED_LATER_DOMAIN}`, `/advertiser/${ATC_WALLED_ADVERTISER}?region=NL`]);
    ads = (await listSourceAds(store.db, SOURCE)).filter((a) => !demoIds.has(a.externalId));
    stats = await frontierStats(store.db, summary.runs[0]!.runId);
  }, 300_000);
  afterAll(async () => {
    await served?.close();
    await store?.close();
  });

  it("collects the creatives of every page, and none from behind the wall", () => {
    const truth = pagingTruth(replica);
    expect(truth).toHaveLength(PAGING.listed + PAGING.walled);
    for (const t of truth) expect({ m: t.match, found: ads.some((a) => (a.text ?? "").includes(t.match)) }).toEqual({ m: t.match, found: t.reachable });
    expect(ads).toHaveLength(PAGING.listed + PAGING.pageSize);
    expect(summary.runs[0]!.status).toBe("done");
  });

  it("asks for each page once with the previous answer's token and stops after the last", () => {
    // Offsets 0 (the page's own call), 3 and 6; the answer at 6 has no token, so there is no call at 9.
    expect(rpcKeys(replica, "rpc")).toEqual([`${ATC_PAGED_ADVERTISER}||0`, `${ATC_PAGED_ADVERTISER}||3`, `${ATC_PAGED_ADVERTISER}||6`]);
    expect(rpcKeys(replica, "rpc-429")).toEqual([`${ATC_PAGED_ADVERTISER}||3`, `${ATC_PAGED_ADVERTISER}||6`]);
  });

  it("waits out Retry-After before asking again, for the RPC and for creative pages", () => {
    const waits = (limited: string, ok: string) => replica.events.filter((e) => e.what === limited).map((e) => {
      const next = replica.events.find((x) => x.what === ok && x.key === e.key && x.at >= e.at);
      return next ? next.at - e.at : -1;
    });
    const rpc = waits("rpc-429", "rpc");
    const creative = waits("creative-429", "creative");
    expect(rpc).toHaveLength(2);
    expect(creative).toHaveLength(PAGING.listed);
    for (const w of rpc) expect(w).toBeGreaterThanOrEqual(1_950);
    for (const w of creative) expect(w).toBeGreaterThanOrEqual(950);
  });

  it("records the walled list page and the walled RPC page as blocked, never as a list without ads", () => {
    expect(replica.events.filter((e) => e.what === "list-wall" || e.what === "rpc-wall").map((e) => e.what).sort()).toEqual(["list-wall", "rpc-wall"]);
    expect(stats["blocked:bot-challenge"]).toBe(2);
    expect(Object.keys(stats).filter((k) => k.startsWith("failed"))).toEqual([]);
  });
});

// The RPC pages are requests of the run (ctx.fetch): a spent request budget pauses the run between
// pages, and the same command resumes it from the page it had reached.
describe("Ads Transparency Center paging under a request budget", () => {
  let store: TestStore;
  let served: ServedReplica;
  const replica = createAtcReplica({ paging: PAGING });
  beforeAll(async () => {
    store = await openTestStore();
    served = await serveReplica(replica);
  }, 60_000);
  afterAll(async () => {
    await served?.close();
    await store?.close();
  });

  it("pauses when the budget is spent mid-list and the same command resumes to the last page", async () => {
    const seeds = [`/advertiser/${ATC_PAGED_ADVERTISER}?region=NL`];
    const first = await crawl(store, served.base, seeds, 1);
    expect(first.runs[0]!.status).toBe("interrupted");
    const row = await store.db.selectFrom("crawl_run").select(["error"]).where("id", "=", first.runs[0]!.runId).executeTakeFirstOrThrow();
    expect(row.error).toMatch(/^request-budget/);
    expect(rpcKeys(replica, "rpc")).toEqual([`${ATC_PAGED_ADVERTISER}||0`, `${ATC_PAGED_ADVERTISER}||3`]);

    const second = await crawl(store, served.base, seeds, 0);
    expect(second.runs[0]).toMatchObject({ resumed: true, runId: first.runs[0]!.runId, status: "done" });
    expect(rpcKeys(replica, "rpc")).toEqual([`${ATC_PAGED_ADVERTISER}||0`, `${ATC_PAGED_ADVERTISER}||3`, `${ATC_PAGED_ADVERTISER}||6`]);
    const ads = await listSourceAds(store.db, SOURCE);
    expect(ads.map((a) => a.externalId).sort()).toEqual(Array.from({ length: PAGING.listed }, (_, i) => `CR2026000000000000${String(100 + i).padStart(4, "0")}`));
  }, 300_000);
});
