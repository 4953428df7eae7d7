import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { CHALLENGE_SEARCH } from "../../sandbox/platforms/library-faults.js";
import { createLinkedinReplica } from "../../sandbox/platforms/linkedin-ad-library/replica.js";
import { createTiktokReplica } from "../../sandbox/platforms/tiktok-ad-library/replica.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { frontierStats } from "../../store/queries/runs.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

// The library-page sources (TikTok, LinkedIn) against replicas that rate-limit every ad's first
// detail request (429, Retry-After: 1) and wall one search behind a captcha.
describe("library-page sources under a captcha wall and 429s", () => {
  let store: TestStore;
  const served: ServedReplica[] = [];
  let summary: CrawlSummary;
  const ads: Record<string, SourceAd[]> = {};
  const stats: Record<string, Record<string, number>> = {};
  const tiktok = createTiktokReplica({ rateLimitDetails: true });
  const linkedin = createLinkedinReplica({ rateLimitDetails: true });
  beforeAll(async () => {
    store = await openTestStore();
    const t = await serveReplica(tiktok);
    const l = await serveReplica(linkedin);
    served.push(t, l);
    const tp = tiktok.plan!({ [tiktok.id]: t.base });
    const lp = linkedin.plan!({ [linkedin.id]: l.base });
    tp.options.seeds = [...(tp.options.seeds ?? []), `${t.base}/ads?region=NL&adv_name=${encodeURIComponent(CHALLENGE_SEARCH)}&query_type=1`];
    lp.options.seeds = [...(lp.options.seeds ?? []), `${l.base}/ad-library/search?accountOwner=${encodeURIComponent(CHALLENGE_SEARCH)}&countries=NL`];
    summary = await runCrawl({ store, plans: [tp, lp], maxPages: 50, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: { ...TEST_POLITENESS, maxAttempts: 4 } });
    for (const r of summary.runs) {
      ads[r.source] = await listSourceAds(store.db, r.source);
      stats[r.source] = await frontierStats(store.db, r.runId);
    }
  }, 300_000);
  afterAll(async () => {
    for (const s of served) await s.close();
    await store?.close();
  });

  it("records each walled search as blocked, never as a search without ads", () => {
    expect([stats["tiktok-ad-library"]?.["blocked:bot-challenge"], stats["linkedin-ad-library"]?.["blocked:bot-challenge"]]).toEqual([1, 1]);
  });

  it("gets every reachable truth ad after its 429, and only those", () => {
    for (const [replica, list] of [[tiktok, ads["tiktok-ad-library"] ?? []], [linkedin, ads["linkedin-ad-library"] ?? []]] as const) {
      for (const t of replica.truth) expect({ m: t.match, found: list.some((a) => (a.text ?? "").includes(t.match)) }).toEqual({ m: t.match, found: t.reachable });
    }
    expect(summary.runs.map((r) => r.status)).toEqual(["done", "done"]);
    // Every ad detail page visited was answered 429 once and retried.
    for (const r of summary.runs) expect(Number(r.stats.retries)).toBeGreaterThanOrEqual((ads[r.source] ?? []).length);
  });
});
