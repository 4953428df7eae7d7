import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { paginationToken } from "../../crawler/sources/linkedin-ad-library/pager.js";
import { parseSearchApiAnswer } from "../../crawler/sources/tiktok-ad-library/pager.js";
import { createLinkedinReplica } from "../../sandbox/platforms/linkedin-ad-library/replica.js";
import { LINKEDIN_PAGED_ADVERTISER, linkedinPagingSeed } from "../../sandbox/platforms/linkedin-ad-library/seed.js";
import { createTiktokReplica } from "../../sandbox/platforms/tiktok-ad-library/replica.js";
import { TIKTOK_PAGED_ADVERTISER, tiktokPagingSeed } from "../../sandbox/platforms/tiktok-ad-library/seed.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { frontierStats } from "../../store/queries/runs.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

describe("library list paging, read from the page and the search API", () => {
  it("takes LinkedIn's next token from paginationMetadata and ends on isLastPage, a missing token or token 0", () => {
    const meta = (json: string) => `<div class="search-result-item"></div><code id="paginationMetadata" style="display: none"><!--${json}--></code>`;
    expect(paginationToken(meta('{"isLastPage":false,"paginationToken":"1452369222-1784563519937"}'))).toBe("1452369222-1784563519937");
    expect(paginationToken(meta('{"isLastPage":true,"paginationToken":"1452369222-1784563519937"}'))).toBeNull();
    expect(paginationToken(meta('{"isLastPage":false,"paginationToken":"0"}'))).toBeNull();
    expect(paginationToken(meta('{"isLastPage":false}'))).toBeNull();
    expect(paginationToken(meta("not json"))).toBeNull();
    expect(paginationToken("<p>no metadata</p>")).toBeNull();
    expect(paginationToken(`<p>paginationMetadata</p>${meta('{"isLastPage":false,"paginationToken":"9-2"}')}`)).toBe("9-2");
  });

  it("reads a hostile page of 200,000 unclosed code tags in bounded time", () => {
    const started = performance.now();
    expect(paginationToken("<code id=\"paginationMetadata\" ".repeat(200_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("keeps TikTok's 19-digit ad ids whole, and refuses ids that are not numbers", () => {
    expect(parseSearchApiAnswer('{"data":[{"id":7480000000000000101,"name":"x"},{"id":"7480000000000000102"}],"has_more":true,"search_id":"7abc"}'))
      .toEqual({ ids: ["7480000000000000101", "7480000000000000102"], hasMore: true, searchId: "7abc" });
    expect(parseSearchApiAnswer('{"data":[],"has_more":false}')).toEqual({ ids: [], hasMore: false, searchId: null });
    expect(() => parseSearchApiAnswer('{"data":[{"id":"../../etc"}]}')).toThrow(/data\.0\.id/);
  });
});

// Both libraries' replicas give one advertiser 5 ads, 2 to a page: TikTok's search page asks its search
// API for the first 2 and "View more" pages on with offset and search_id; LinkedIn's search page carries
// the first 2 and a pagination token for searchPaginationFragment. Reading only the first page finds 2.
describe("TikTok and LinkedIn library pages: every page of a result list, and no ask past the last", () => {
  let store: TestStore;
  const served: ServedReplica[] = [];
  let summary: CrawlSummary;
  const ads: Record<string, SourceAd[]> = {};
  const stats: Record<string, Record<string, number>> = {};
  const PAGING = { pageSize: 2, extra: 5 };
  const tiktok = createTiktokReplica({ paging: PAGING });
  const linkedin = createLinkedinReplica({ paging: PAGING });
  beforeAll(async () => {
    store = await openTestStore();
    const t = await serveReplica(tiktok);
    const l = await serveReplica(linkedin);
    served.push(t, l);
    summary = await runCrawl({
      store, maxPages: 60, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, ocr: false, politeness: { ...TEST_POLITENESS, maxAttempts: 4 },
      plans: [
        { source: "tiktok-ad-library", options: { seeds: [`${t.base}/ads?region=NL&adv_name=${encodeURIComponent(TIKTOK_PAGED_ADVERTISER)}&query_type=1`] } },
        { source: "linkedin-ad-library", options: { seeds: [`${l.base}/ad-library/search?accountOwner=${encodeURIComponent(LINKEDIN_PAGED_ADVERTISER)}&countries=NL`] } },
      ],
    });
    for (const r of summary.runs) {
      ads[r.source] = await listSourceAds(store.db, r.source);
      stats[r.source] = await frontierStats(store.db, r.runId);
    }
  }, 300_000);
  afterAll(async () => {
    for (const s of served) await s.close();
    await store?.close();
  });

  it("collects the ads of every page", () => {
    expect((ads["tiktok-ad-library"] ?? []).map((a) => a.externalId).sort()).toEqual(tiktokPagingSeed(PAGING.extra).map((a) => a.id).sort());
    expect((ads["linkedin-ad-library"] ?? []).map((a) => a.externalId).sort()).toEqual(linkedinPagingSeed(PAGING.extra).map((a) => a.id).sort());
    expect(summary.runs.map((r) => [r.source, r.status])).toEqual([["tiktok-ad-library", "done"], ["linkedin-ad-library", "done"]]);
    for (const s of Object.values(stats)) expect(Object.keys(s).filter((k) => k !== "done")).toEqual([]);
  });

  it("asks for each page once, moving on by what came, and stops after the last", () => {
    expect(tiktok.events.map((e) => [e.what, e.offset])).toEqual([["search-page", 0], ["more", 2], ["more", 4]]);
    expect(linkedin.events.map((e) => [e.what, e.offset])).toEqual([["search-page", 0], ["more", 2], ["more", 4]]);
  });
});
