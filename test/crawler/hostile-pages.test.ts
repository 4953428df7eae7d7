import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { HOSTILE_EXPECT } from "../../sandbox/publisher/hostile.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { CHROMIUM, openTestStore, TEST_POLITENESS, testLog, type TestStore } from "../support/crawl-store.js";

describe.skipIf(!existsSync(CHROMIUM))("crawling hostile pages", () => {
  let sb: Sandbox;
  let ts: TestStore;
  let summary: CrawlSummary;
  let frontier: Array<{ url: string; status: string; reason: string | null; attempts: number }>;

  beforeAll(async () => {
    sb = await startSandbox();
    ts = await openTestStore();
    const plan = sb.plans.find((p) => p.options.seeds?.[0]?.startsWith(sb.addrs["hostile-site"]!))!;
    summary = await runCrawl({ store: ts.store, plans: [plan], maxPages: 30, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS });
    frontier = await ts.store.db.selectFrom("frontier").select(["url", "status", "reason", "attempts"]).execute();
  }, 150_000);
  afterAll(async () => {
    await ts?.dispose();
    await sb?.close();
  });

  it("records each hostile page with what happened and why, and finishes the run", () => {
    expect(summary.runs[0]!.status).toBe("done");
    for (const [path, want] of Object.entries(HOSTILE_EXPECT)) {
      const row = frontier.find((f) => new URL(f.url).pathname === path);
      expect(row, path).toBeDefined();
      expect({ path, status: row!.status, reason: row!.reason ?? undefined }).toEqual({ path, status: want.status, reason: want.reason });
    }
  });

  it("records the bot challenge as blocked, never as a page without ads", () => {
    const challenge = frontier.find((f) => f.url.endsWith("/challenge"))!;
    expect(challenge.status).toBe("blocked");
    expect(summary.runs[0]!.stats.blocked).toBe(1);
  });

  it("waits out a 429 with Retry-After and then captures the page's ad", async () => {
    const rl = frontier.find((f) => f.url.endsWith("/rate-limited"))!;
    expect(rl.status).toBe("done");
    const ads = await ts.store.db.selectFrom("ad").select("text").execute();
    expect(ads.some((a) => (a.text ?? "").includes("Drukkerij Inktvis"))).toBe(true);
  });

  it("captures the ads on pages with dialogs, pop-ups, infinite scroll, a giant image and broken HTML, and none from pages it gave up on", async () => {
    const ads = await ts.store.db.selectFrom("ad").select("text").execute();
    for (const t of sb.truth.filter((x) => x.replica === "hostile-site")) {
      expect(ads.filter((a) => (a.text ?? "").includes(t.match)).length, t.match).toBe(t.reachable ? 1 : 0);
    }
  });
});
