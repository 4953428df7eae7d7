/**
 * What runCrawl and `polad worker` share: building a run's state from its source and options, and
 * the run statistics written to crawl_run at the end.
 */
import type { Logger } from "pino";
import type { Store } from "../store/db.js";
import { countRunCaptures } from "../store/queries/crawl-stats.js";
import { frontierStats } from "../store/queries/runs.js";
import { CaptureBatcher, type BatchOptions } from "./capture-batch.js";
import type { BrowserPool } from "./browser.js";
import type { CaptureOcr } from "./capture-ocr.js";
import { HostGate } from "./host-gate.js";
import { NetGuard } from "./net-guard.js";
import { RobotsCache } from "./robots.js";
import { newCounters, type Politeness, type RunCounters, type RunState } from "./run-state.js";
import type { AdSource, SourceOptions } from "./source.js";

/** Inputs of one run's state. */
export interface RunStateInput {
  runId: number; source: AdSource; options: SourceOptions; store: Store; log: Logger; now: () => Date; crawlerVersion: string;
  politeness: Politeness; browser: () => Promise<BrowserPool>; userAgent: string; signal: AbortSignal; ocr: CaptureOcr | null;
  /** Called with the URLs a source added to the frontier (the distributed mode turns them into queue jobs). */
  onNewWork?: (urls: string[]) => Promise<void>;
  /** How captures are gathered into commits (runCrawl: up to its concurrency, while others still read pages). */
  batch?: BatchOptions;
}

/** The state the per-item code works with: host gate, address guard, robots cache, counters; run options may shorten politeness. */
export function makeRunState(i: RunStateInput): RunState {
  // The operator's own API base counts as a seed: a replica or a self-hosted mirror on a private host is the crawl's target.
  const guard = new NetGuard({ seeds: [...i.options.seeds, ...(i.options.apiBase ? [i.options.apiBase] : [])], allowPrivate: i.options.allowPrivate });
  let politeness = i.politeness;
  for (const k of ["navTimeoutMs", "maxAttempts", "hostIntervalMs", "blockedPauseMs"] as const) {
    const v = i.options[k];
    if (typeof v === "number" && v > 0) politeness = { ...politeness, [k]: v };
  }
  return {
    runId: i.runId, source: i.source, options: i.options, store: i.store, log: i.log, now: i.now, crawlerVersion: i.crawlerVersion, politeness,
    gate: new HostGate({ concurrency: politeness.hostConcurrency, intervalMs: politeness.hostIntervalMs }), guard,
    robots: new RobotsCache({ guard, userAgent: i.userAgent, agentToken: "polad", signal: i.signal, log: i.log }), userAgent: i.userAgent,
    browser: i.browser, signal: i.signal, counters: newCounters(), frontierSize: 0, notices: new Map(), ocr: i.ocr, onNewWork: i.onNewWork,
    captures: new CaptureBatcher({ store: i.store, log: i.log, runId: i.runId, crawlerVersion: i.crawlerVersion, ...i.batch }),
  };
}

/** A run's statistics from the store (pages, ads, errors by reason, blocked) plus this process's counters. */
export async function runStats(store: Store, runId: number, o: { counters: RunCounters; ocr: CaptureOcr | null; durationMs: number }): Promise<Record<string, unknown>> {
  const frontier = await frontierStats(store.db, runId);
  const captured = await countRunCaptures(store.db, runId);
  const errors: Record<string, number> = {};
  for (const [k, n] of Object.entries(frontier)) if (k.startsWith("failed:")) errors[k.slice(7)] = n;
  const c = o.counters;
  return {
    pages: frontier.done ?? 0, ads: captured.ads, observations: captured.observations, captures: c.captures, notices: c.notices,
    blocked: Object.entries(frontier).filter(([k]) => k.startsWith("blocked")).reduce((n, [, v]) => n + v, 0),
    errors, errorCount: Object.values(errors).reduce((a, b) => a + b, 0), skipped: c.skipped, ...(Object.keys(c.probes).length ? { probes: c.probes } : {}), ocr: o.ocr ? { ...o.ocr.counts } : null, retries: c.retries, requests: c.requests, frontier, durationMs: o.durationMs,
  };
}
