/**
 * `polad crawl --distributed`: starts or resumes each plan's run, puts its open frontier on the shared
 * queue, and waits until `polad worker` processes have drained it; then records each run's statistics.
 * The coordinator renders nothing itself.
 */
import { addFrontierUrls, findRunForWorker, listOpenFrontierUrls } from "../store/queries/frontier-jobs.js";
import { finishRun, frontierStats, startOrResumeRun } from "../store/queries/runs.js";
import { sleep } from "./host-gate.js";
import { leaseOf, openQueue, sendItems, type QueueConfig } from "./queue.js";
import type { CrawlSummary, RunCrawlOptions, RunSummary } from "./run.js";
import { normaliseOptions, runKeyOf } from "./run-key.js";
import { runStats } from "./run-setup.js";
import { newCounters } from "./run-state.js";
import { getSource } from "./sources/index.js";

/** Inputs of a distributed crawl: runCrawl's plans and limits, and the queue. */
export type DistributedCrawlOptions = Pick<RunCrawlOptions, "store" | "plans" | "maxPages" | "log" | "crawlerVersion" | "signal"> & { queue: QueueConfig; pollMs?: number };

/** Queues every plan's open work and waits until workers have settled it (or a worker stopped the run). */
export async function runDistributedCrawl(o: DistributedCrawlOptions): Promise<CrawlSummary> {
  const started = Date.now();
  const boss = await openQueue(o.queue, o.log);
  const runs: Array<{ id: number; source: string; runKey: string; resumed: boolean; t0: number; prior: number }> = [];
  try {
    for (const plan of o.plans) {
      const source = getSource(plan.source);
      const { options, params } = normaliseOptions(plan.options, o.maxPages);
      const runKey = runKeyOf(source.id, params, options.token);
      const { run, resumed } = await startOrResumeRun(o.store.db, { runKey, source: source.id, params, crawlerVersion: o.crawlerVersion, clockStart: null });
      if (!resumed) await addFrontierUrls(o.store.db, run.id, source.seed(options).slice(0, options.maxPages).map((s) => ({ ...s, depth: 0 })));
      await sendItems(boss, run.id, await listOpenFrontierUrls(o.store.db, run.id), { leaseSeconds: leaseOf(o.queue) });
      o.log.info({ runId: run.id, source: source.id, resumed }, "distributed crawl run queued");
      runs.push({ id: run.id, source: source.id, runKey, resumed, t0: Date.now(), prior: Number(run.stats.durationMs) || 0 });
    }
    const summaries: RunSummary[] = [];
    for (const r of runs) summaries.push(await awaitRun(o, r));
    const sum = (k: string) => summaries.reduce((n, r) => n + Number(r.stats[k] ?? 0), 0);
    return { runs: summaries, pages: sum("pages"), ads: sum("ads"), blocked: sum("blocked"), errors: sum("errorCount"), durationMs: Date.now() - started };
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 10_000 });
  }
}

async function awaitRun(o: DistributedCrawlOptions, r: { id: number; source: string; runKey: string; resumed: boolean; t0: number; prior: number }): Promise<RunSummary> {
  for (;;) {
    const run = await findRunForWorker(o.store.db, r.id);
    if (run?.status === "failed") {
      const row = await o.store.db.selectFrom("crawl_run").select(["stats"]).where("id", "=", r.id).executeTakeFirstOrThrow();
      return { runId: r.id, source: r.source, runKey: r.runKey, resumed: r.resumed, status: "failed", stats: row.stats };
    }
    const f = await frontierStats(o.store.db, r.id);
    if (!f.pending && !f.in_progress) break;
    if (o.signal?.aborted) return finish(o, r, "interrupted");
    await sleep(o.pollMs ?? 1_000);
  }
  return finish(o, r, "done");
}

async function finish(o: DistributedCrawlOptions, r: { id: number; source: string; runKey: string; resumed: boolean; t0: number; prior: number }, status: "done" | "interrupted"): Promise<RunSummary> {
  const stats = await runStats(o.store, r.id, { counters: newCounters(), ocr: null, durationMs: r.prior + Date.now() - r.t0 });
  await finishRun(o.store.db, r.id, { status, stats });
  o.log.info({ runId: r.id, status, ...stats }, "distributed crawl run finished");
  return { runId: r.id, source: r.source, runKey: r.runKey, resumed: r.resumed, status, stats };
}
