import PQueue from "p-queue";
import type { Logger } from "pino";
import type { Store } from "../store/db.js";
import { claimFrontier, addToFrontier, finishRun, frontierStats, releaseClaims, startOrResumeRun, type FrontierItem } from "../store/queries/runs.js";
import { lazyBrowser, type BrowserPool } from "./browser.js";
import { CaptureOcr } from "./capture-ocr.js";
import { crawlDb, DB_UNREACHABLE } from "./db-call.js";
import { classifyError, StopRun } from "./errors.js";
import { handleItem } from "./handle-item.js";
import { sleep, Slots } from "./host-gate.js";
import { normaliseOptions, runKeyOf } from "./run-key.js";
import { makeRunState, runStats } from "./run-setup.js";
import { DEFAULT_POLITENESS, type Politeness, type RunState } from "./run-state.js";
import type { SourceOptions } from "./source.js";
import { getSource } from "./sources/index.js";

/** Progress of a run, reported every few pages. */
export interface CrawlProgress { source: string; runId: number; pages: number; captures: number; frontier: number; errors: number }

/** One run's outcome. */
export interface RunSummary { runId: number; source: string; runKey: string; resumed: boolean; status: "done" | "failed" | "interrupted"; stats: Record<string, unknown> }

/** What runCrawl returns: each run, and totals. */
export interface CrawlSummary { runs: RunSummary[]; pages: number; ads: number; blocked: number; errors: number; durationMs: number }

/** Inputs of a crawl: the plans (one run each), limits, and where to store what is found. */
export interface RunCrawlOptions {
  store: Store;
  plans: Array<{ source: string; options: Partial<SourceOptions> }>;
  maxPages: number;
  concurrency: number;
  log: Logger;
  now?: () => Date;
  crawlerVersion: string;
  chromiumPath: string;
  onProgress?: (p: CrawlProgress) => void;
  politeness?: Partial<Politeness>;
  signal?: AbortSignal;
  /** Log a progress line every this many pages (default 10). */
  progressEvery?: number;
  /** OCR of picture-only labels at capture time (default on; false switches it off). */
  ocr?: boolean | { timeoutMs?: number };
}

/**
 * Crawls each plan as one crawl_run, keyed by source + normalised options so that the same command
 * after a crash resumes the run from its frontier. Polite per host, retries with backoff, records
 * blocks and failures with their reason, and writes run statistics at the end.
 */
export async function runCrawl(o: RunCrawlOptions): Promise<CrawlSummary> {
  const started = Date.now();
  const politeness = { ...DEFAULT_POLITENESS, ...o.politeness };
  // Chromium starts when the first page needs rendering, not before (API and static crawls never start it).
  const lazy = lazyBrowser({ chromiumPath: o.chromiumPath, size: o.concurrency, log: o.log, navTimeoutMs: politeness.navTimeoutMs, userAgentSuffix: `polad/${o.crawlerVersion}` });
  const browser = lazy.browser;
  const runs: RunSummary[] = [];
  const ocr = o.ocr === false ? null : new CaptureOcr({ log: o.log, timeoutMs: typeof o.ocr === "object" ? o.ocr.timeoutMs : undefined });
  try {
    for (const plan of o.plans) {
      // A stopped crawl starts no further run: those plans are not begun, rather than begun and interrupted at once.
      if (o.signal?.aborted && runs.length > 0) break;
      runs.push(await runPlan(o, plan, { politeness, browser, userAgent: lazy.userAgent, ocr }));
    }
  } finally {
    await lazy.close();
    await ocr?.close();
  }
  const sum = (k: string) => runs.reduce((n, r) => n + Number(r.stats[k] ?? 0), 0);
  return { runs, pages: sum("pages"), ads: sum("ads"), blocked: sum("blocked"), errors: sum("errorCount"), durationMs: Date.now() - started };
}

async function runPlan(o: RunCrawlOptions, plan: RunCrawlOptions["plans"][number], shared: { politeness: Politeness; browser: () => Promise<BrowserPool>; userAgent: () => Promise<string>; ocr: CaptureOcr | null }): Promise<RunSummary> {
  const { politeness, browser } = shared;
  const source = getSource(plan.source);
  const { options, params } = normaliseOptions(plan.options, o.maxPages);
  const runKey = runKeyOf(source.id, params, options.token);
  const now = o.now ?? (() => new Date());
  // One transaction: repeated after a server restart, it resumes the run it may have just started.
  const { run, resumed } = await crawlDb(o, "start or resume run", () => startOrResumeRun(o.store.db, { runKey, source: source.id, params, crawlerVersion: o.crawlerVersion, clockStart: o.now ? now() : null }));
  const log = o.log.child({ runId: run.id, source: source.id });
  log.info({ runKey, resumed }, resumed ? "crawl run resumed" : "crawl run started");
  const abort = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, abort.signal]) : abort.signal;
  const userAgent = await shared.userAgent();
  const st: RunState = makeRunState({
    runId: run.id, source, options, store: o.store, log, now, crawlerVersion: o.crawlerVersion, politeness, browser, userAgent, signal, ocr: shared.ocr,
    batch: { flushAt: o.concurrency, othersWorking: () => st.lanes?.inUse ?? 0 },
  });
  const t0 = Date.now();
  let status: RunSummary["status"] = "done";
  let error: string | null = null;
  try {
    // Seeding is idempotent (URLs already there are left alone), so a resumed run is seeded too: a run
    // whose start was committed but whose answer was lost with the connection still gets its seeds.
    const seeds = source.seed(options).slice(0, options.maxPages).map((s) => ({ ...s, depth: 0 }));
    await crawlDb(st, "seed frontier", () => addToFrontier(o.store.db, run.id, seeds));
    st.frontierSize = Object.values(await crawlDb(st, "count frontier", () => frontierStats(o.store.db, run.id))).reduce((a, b) => a + b, 0);
    await drain(st, o, abort);
    if (o.signal?.aborted) status = "interrupted";
  } catch (err) {
    const e = classifyError(err);
    // Nothing can be recorded without the database: the run stays open and the same command resumes it.
    if (e instanceof StopRun && e.reason === DB_UNREACHABLE) throw e;
    // A spent request budget is a pause, not a failure: the same command resumes the run.
    status = o.signal?.aborted || e.reason === "request-budget" ? "interrupted" : "failed";
    error = `${e.reason}: ${e.message}`;
    log.error({ reason: e.reason, err: e.message }, "crawl run stopped");
  }
  const stats = await crawlDb(st, "run statistics", () => runStats(o.store, run.id, { counters: st.counters, ocr: st.ocr, durationMs: (Number(run.stats.durationMs) || 0) + Date.now() - t0 }));
  await crawlDb(st, "finish run", () => finishRun(o.store.db, run.id, { status, stats, error }));
  log.info({ status, ...stats }, "crawl run finished");
  return { runId: run.id, source: source.id, runKey, resumed, status, stats };
}

/** Claims frontier items and works them through p-queue until nothing is pending, in flight or waiting to retry. */
async function drain(st: RunState, o: RunCrawlOptions, abort: AbortController): Promise<void> {
  // `concurrency` items at once fetch, read and store; as many again may render, each holding one of
  // the browser pool's `concurrency` pages. An item that waits for a page (or for Chromium to start)
  // gives its place up, so pages read without a browser go on meanwhile.
  st.lanes = new Slots(o.concurrency);
  const queue = new PQueue({ concurrency: o.concurrency * 2 });
  // Items claimed and not yet finished (queued or running): at most this many.
  const claimedBound = o.concurrency * 3;
  const claims = claimer(st);
  let waiting = 0;
  let stop: StopRun | null = null;
  const halt = (s: StopRun) => {
    stop = s;
    abort.abort(s);
    queue.clear();
  };
  const every = o.progressEvery ?? 10;
  const work = (item: FrontierItem, attempt: number): void => {
    void queue.add(async () => {
      const outcome = await handleItem(st, item, attempt);
      if (outcome instanceof StopRun) halt(outcome);
      else if (typeof outcome === "number") {
        waiting++;
        setTimeout(() => {
          waiting--;
          if (!st.signal.aborted) work(item, attempt + 1);
        }, outcome).unref();
      } else {
        claims.held.delete(item.url);
        if (st.counters.pages % every === 0) progress(st, o);
      }
    });
  };
  const busy = () => queue.size + queue.pending + waiting > 0;
  while (!st.signal.aborted) {
    const room = roomLeft(queue, claimedBound);
    // Whether anything was in flight before the claim: an item that finishes while the claim is
    // answered may have added links after the claim looked, so an empty claim ends the run only
    // when nothing was running before it.
    const busyBeforeClaim = busy();
    const claimed = room > 0 ? await claims.claim(room).catch((err: unknown) => {
      if (!(err instanceof StopRun)) throw err;
      halt(err); // the database stayed away: let the items in flight end, then stop
      return [];
    }) : [];
    for (const item of claimed) work(item, item.attempts);
    if (st.signal.aborted) break;
    // Claim again once there is room for `concurrency` more: a claim is one statement for several
    // items (it costs about as much for one item as for eight), and the items already claimed keep
    // every place busy meanwhile.
    if (claimed.length > 0) await roomFor(queue, claimedBound, o.concurrency);
    else if (!busyBeforeClaim && !busy()) break;
    else if (!busy()) continue;
    // Only retries are waiting: sleep on a real timer (PGlite answers in microtasks, so a loop of claims would starve the retry timers).
    else if (queue.size === 0 && queue.pending === 0) await sleep(50);
    else await Promise.race([queue.onIdle(), sleep(100)]);
  }
  await queue.onIdle();
  if (stop) throw stop;
}

/** How many more items `limit` leaves room for beside those queued and running. */
const roomLeft = (queue: PQueue, limit: number): number => limit - queue.size - queue.pending;

/** Resolves once `limit` leaves room for `want` more items. */
async function roomFor(queue: PQueue, limit: number, want: number): Promise<void> {
  while (roomLeft(queue, limit) < want) await new Promise<void>((resolve) => queue.once("next", () => resolve()));
}

/**
 * Claims frontier items for runCrawl, which owns its run, and remembers which ones this process still
 * works on. A claim is one statement, repeated after a server restart; if the connection dropped
 * after it committed, the items it claimed would stay in progress with nobody working on them, so a
 * repeated claim first puts back every in-progress item this process does not hold.
 */
function claimer(st: RunState): { held: Set<string>; claim(limit: number): Promise<FrontierItem[]> } {
  const held = new Set<string>();
  let unsure = false;
  const claim = (limit: number) => crawlDb(st, "claim frontier items", async () => {
    if (unsure) await releaseClaims(st.store.db, st.runId, [...held]);
    unsure = true;
    const items = await claimFrontier(st.store.db, st.runId, limit);
    unsure = false;
    for (const item of items) held.add(item.url);
    return items;
  });
  return { held, claim };
}

function progress(st: RunState, o: RunCrawlOptions): void {
  const c = st.counters;
  const p: CrawlProgress = { source: st.source.id, runId: st.runId, pages: c.pages, captures: c.captures, frontier: st.frontierSize, errors: Object.values(c.errors).reduce((a, b) => a + b, 0) };
  o.onProgress?.(p);
  st.log.info(p, "crawl progress");
}
