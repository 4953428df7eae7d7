/**
 * `polad worker`: takes crawl jobs from the shared queue and handles each frontier item with the same
 * per-item code as runCrawl. Several workers on several machines share one Postgres server; a claim on
 * the frontier row (pending, or in progress past the lease) means two workers never capture one item at
 * once, and the store keeps one observation per ad, run and page even if a lease ran out mid-task.
 */
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Store } from "../store/db.js";
import { claimFrontierUrl, findRunForWorker } from "../store/queries/frontier-jobs.js";
import { finishRun, frontierStats, settleFrontier } from "../store/queries/runs.js";
import { lazyBrowser, type LazyBrowser } from "./browser.js";
import { CaptureOcr } from "./capture-ocr.js";
import { StopRun } from "./errors.js";
import { handleItem } from "./handle-item.js";
import { CRAWL_QUEUE, leaseOf, openQueue, sendItems, type CrawlJob, type QueueConfig } from "./queue.js";
import { makeRunState, runStats } from "./run-setup.js";
import { DEFAULT_POLITENESS, type Politeness, type RunState } from "./run-state.js";
import type { SourceOptions } from "./source.js";
import { getSource } from "./sources/index.js";

/** What a worker needs. */
export interface WorkerOptions {
  store: Store;
  queue: QueueConfig;
  concurrency: number;
  log: Logger;
  crawlerVersion: string;
  chromiumPath: string;
  /** Source id prefix → token (the worker's own configuration; tokens are never stored with a run). */
  tokens?: Record<string, string | undefined>;
  politeness?: Partial<Politeness>;
  ocr?: boolean;
  signal: AbortSignal;
}

/** Works jobs until the signal aborts; returns how many items this worker handled. */
export async function runWorker(o: WorkerOptions): Promise<{ items: number }> {
  const boss = await openQueue(o.queue, o.log);
  const lease = leaseOf(o.queue);
  const browser = lazyBrowser({ chromiumPath: o.chromiumPath, size: o.concurrency, log: o.log, navTimeoutMs: { ...DEFAULT_POLITENESS, ...o.politeness }.navTimeoutMs, userAgentSuffix: `polad/${o.crawlerVersion}` });
  const ocr = o.ocr === false ? null : new CaptureOcr({ log: o.log });
  const states = new Map<number, Promise<RunState | null>>();
  let items = 0;
  const handle = async (job: PgBoss.Job<CrawlJob>) => {
    const { runId, url } = job.data;
    if (!states.has(runId)) states.set(runId, stateFor(o, { runId, boss, browser, ocr, lease }));
    const st = await states.get(runId)!;
    const run = st && (await findRunForWorker(o.store.db, runId));
    if (!st || run?.status !== "running") return; // the run ended (or failed elsewhere): nothing to do
    const item = await claimFrontierUrl(o.store.db, runId, url, lease);
    if (!item) return; // settled, or another worker holds a live lease on it
    items++;
    const out = await handleItem(st, item, item.attempts);
    if (out instanceof StopRun) {
      st.log.error({ reason: out.reason, err: out.message }, "crawl run stopped by a worker");
      await finishRun(o.store.db, runId, { status: "failed", error: `${out.reason}: ${out.message}`, stats: await runStats(o.store, runId, { counters: st.counters, ocr, durationMs: 0 }) });
    } else if (typeof out === "number") {
      await settleFrontier(o.store.db, runId, url, "pending");
      await sendItems(boss, runId, [url], { startAfterMs: out, leaseSeconds: lease });
    }
  };
  for (let i = 0; i < o.concurrency; i++) {
    await boss.work<CrawlJob>(CRAWL_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => job && handle(job));
  }
  o.log.info({ concurrency: o.concurrency, leaseSeconds: lease }, "worker started");
  await new Promise<void>((resolve) => (o.signal.aborted ? resolve() : o.signal.addEventListener("abort", () => resolve(), { once: true })));
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  await browser.close();
  await ocr?.close();
  return { items };
}

async function stateFor(o: WorkerOptions, c: { runId: number; boss: PgBoss; browser: LazyBrowser; ocr: CaptureOcr | null; lease: number }): Promise<RunState | null> {
  const run = await findRunForWorker(o.store.db, c.runId);
  if (!run) return null;
  const source = getSource(run.source);
  const token = Object.entries(o.tokens ?? {}).find(([prefix, t]) => t && run.source.startsWith(prefix))?.[1];
  const options = { ...(run.params as unknown as SourceOptions), ...(token ? { token } : {}) };
  const log = o.log.child({ runId: c.runId, source: source.id });
  const userAgent = await c.browser.userAgent();
  const st = makeRunState({
    runId: c.runId, source, options, store: o.store, log, now: () => new Date(), crawlerVersion: o.crawlerVersion, politeness: { ...DEFAULT_POLITENESS, ...o.politeness },
    browser: c.browser.browser, userAgent, signal: o.signal, ocr: c.ocr,
    onNewWork: (urls) => sendItems(c.boss, c.runId, urls, { leaseSeconds: c.lease }),
  });
  st.frontierSize = Object.values(await frontierStats(o.store.db, c.runId)).reduce((a, b) => a + b, 0);
  return st;
}
