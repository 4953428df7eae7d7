import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adInputSchema } from "../../common/ad-input.js";
import type { Capture } from "../../common/capture.js";
import { CaptureBatcher } from "../../crawler/capture-batch.js";
import { writeCaptureFiles } from "../../store/queries/ads.js";
import { addToFrontier, claimFrontier, startOrResumeRun } from "../../store/queries/runs.js";
import { verifyRun } from "../../store/verify.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { testLog } from "../support/crawl-store.js";

const capture = (url: string, id: string, seenAt = "2026-03-10T09:00:00Z"): Capture => ({
  ad: adInputSchema.parse({ id, source: "publisher", publisher: "nieuws.nl", text: `Stem op partij ${id}` }),
  sighting: { pageUrl: url, frameChain: [url], seenAt, viewport: null, userAgent: "ua", screenshotPng: null, html: `<div>Stem op partij ${id}</div>`, labelStyles: [], links: [] },
  notice: null,
});

describe("group commit of captures", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  async function run(key: string, urls: string[]) {
    const { run } = await startOrResumeRun(store.db, { runKey: key, source: "publisher", params: {}, crawlerVersion: "t", clockStart: null });
    await addToFrontier(store.db, run.id, urls.map((url) => ({ url })));
    expect(await claimFrontier(store.db, run.id, urls.length)).toHaveLength(urls.length);
    return run.id;
  }
  const page = async (caps: Capture[], settle: string) => ({ caps, files: await writeCaptureFiles(store.evidenceDir, caps), settle });
  const frontier = (runId: number) => store.db.selectFrom("frontier").select(["url", "status", sql<string>`xmin::text`.as("tx")]).where("run_id", "=", runId).orderBy("url").execute();

  it("commits the pages that finish together in one transaction, with their items, and the chain verifies", async () => {
    const urls = ["https://nieuws.nl/1", "https://nieuws.nl/2", "https://nieuws.nl/3"];
    const runId = await run("batch-together", urls);
    // Another item is still reading a page: the first two wait for company, the third fills the batch.
    const batcher = new CaptureBatcher({ store, log: testLog, runId, crawlerVersion: "t", flushAt: 3, gatherMs: 60_000, othersWorking: () => 1 });
    const saved = await Promise.all([
      batcher.save(await page([capture(urls[0]!, "a"), capture(urls[0]!, "b")], urls[0]!), { gather: true }),
      batcher.save(await page([capture(urls[1]!, "c")], urls[1]!), { gather: true }),
      batcher.save(await page([], urls[2]!), { gather: true }),
    ]);
    expect(saved.map((s) => s.length)).toEqual([2, 1, 0]);
    expect(saved.flat().every((s) => s.observationNew)).toBe(true);
    const rows = await frontier(runId);
    expect(rows.map((r) => r.status)).toEqual(["done", "done", "done"]);
    // One transaction wrote all three rows.
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
    expect(await store.db.selectFrom("observation").select("id").where("crawl_run_id", "=", runId).execute()).toHaveLength(3);
    expect((await verifyRun(store, runId)).ok).toBe(true);
  });

  it("commits at once when no other item is still reading, or when the capture's item holds its place", async () => {
    const urls = ["https://nieuws.nl/x", "https://nieuws.nl/y"];
    const runId = await run("batch-alone", urls);
    let working = 0;
    const batcher = new CaptureBatcher({ store, log: testLog, runId, crawlerVersion: "t", flushAt: 10, gatherMs: 60_000, othersWorking: () => working });
    // A 60 s wait would time the test out: both commit at once.
    await batcher.save(await page([capture(urls[0]!, "x")], urls[0]!), { gather: true });
    working = 3;
    await batcher.save(await page([capture(urls[1]!, "y")], urls[1]!));
    expect((await frontier(runId)).map((r) => r.status)).toEqual(["done", "done"]);
  });

  it("commits a waiting page after the gather time", async () => {
    const runId = await run("batch-timer", ["https://nieuws.nl/t"]);
    const batcher = new CaptureBatcher({ store, log: testLog, runId, crawlerVersion: "t", flushAt: 10, gatherMs: 50, othersWorking: () => 2 });
    const t0 = Date.now();
    await batcher.save(await page([capture("https://nieuws.nl/t", "t")], "https://nieuws.nl/t"), { gather: true });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    expect((await frontier(runId))[0]!.status).toBe("done");
  });

  it("fails only the page at fault when a batch fails: the others are committed on their own", async () => {
    const urls = ["https://nieuws.nl/g1", "https://nieuws.nl/bad", "https://nieuws.nl/g2"];
    const runId = await run("batch-fault", urls);
    const batcher = new CaptureBatcher({ store, log: testLog, runId, crawlerVersion: "t", flushAt: 3, gatherMs: 60_000, othersWorking: () => 1 });
    const outcomes = await Promise.allSettled([
      batcher.save(await page([capture(urls[0]!, "g1")], urls[0]!), { gather: true }),
      batcher.save(await page([capture(urls[1]!, "bad", "not a time")], urls[1]!), { gather: true }),
      batcher.save(await page([capture(urls[2]!, "g2")], urls[2]!), { gather: true }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await frontier(runId);
    expect(rows.map((r) => [r.url, r.status])).toEqual([[urls[1], "in_progress"], [urls[0], "done"], [urls[2], "done"]]);
    expect(await store.db.selectFrom("observation").select("page_url").where("crawl_run_id", "=", runId).orderBy("page_url").execute()).toEqual([{ page_url: urls[0] }, { page_url: urls[2] }]);
    expect((await verifyRun(store, runId)).ok).toBe(true);
  });
});
