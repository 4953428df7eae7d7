import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl } from "../../crawler/run.js";
import { listSourceAds } from "../../store/queries/platform-sources.js";
import { CHROMIUM, testLog, TEST_POLITENESS } from "../sources/serve-replica.js";
import { openTestStore, type TestStore } from "../support/store.js";

/** A Graph API stand-in with three cursor pages of two ads each; it counts the requests it answers. */
function pagedGraph(): Promise<{ base: string; requests: () => number; close(): Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    if (u.pathname !== "/ads_archive") return void res.writeHead(404).end("{}");
    n++;
    const page = Number(u.searchParams.get("after") ?? "1");
    const ad = (i: number) => ({ id: `b${page}-${i}`, page_name: "Partij Budget", ad_creative_bodies: [`Stem op ons, pagina ${page} advertentie ${i}`], ad_delivery_start_time: "2026-03-01" });
    const next = page < 3 ? { paging: { next: `http://${req.headers.host}/ads_archive?after=${page + 1}&search_terms=budget` } } : {};
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: [ad(1), ad(2)], ...next }));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => n, close: () => new Promise((r) => server.close(() => r())),
  })));
}

describe("a per-source request budget (an API token's quota)", () => {
  let store: TestStore;
  let graph: Awaited<ReturnType<typeof pagedGraph>>;
  beforeAll(async () => {
    store = await openTestStore();
    graph = await pagedGraph();
  });
  afterAll(async () => {
    await graph?.close();
    await store?.close();
  });

  const crawl = (maxRequests: number) => runCrawl({
    store, maxPages: 20, concurrency: 1, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, ocr: false,
    politeness: { ...TEST_POLITENESS, maxRequests },
    plans: [{ source: "meta-ad-library", options: { seeds: [], terms: ["budget"], apiBase: graph.base, token: "EAAbudgettoken" } }],
  });

  it("stops the run when the budget is spent, keeps what it got, and the same command resumes it to the end", async () => {
    const first = await crawl(2);
    const run = first.runs[0]!;
    expect(run.status).toBe("interrupted");
    expect(graph.requests()).toBe(2);
    const row = await store.db.selectFrom("crawl_run").select(["status", "error"]).where("id", "=", run.runId).executeTakeFirstOrThrow();
    expect(row.error).toMatch(/^request-budget: request budget of 2 spent/);
    expect((await listSourceAds(store.db, "meta-ad-library")).map((a) => a.externalId).sort()).toEqual(["b1-1", "b1-2", "b2-1", "b2-2"]);

    const second = await crawl(0);
    expect(second.runs[0]!.resumed).toBe(true);
    expect(second.runs[0]!.runId).toBe(run.runId);
    expect(second.runs[0]!.status).toBe("done");
    expect(graph.requests()).toBe(3);
    expect((await listSourceAds(store.db, "meta-ad-library")).map((a) => a.externalId).sort()).toEqual(["b1-1", "b1-2", "b2-1", "b2-2", "b3-1", "b3-2"]);
  }, 240_000);
});
