import type { Logger } from "pino";
import type { Store } from "../store/db.js";
import type { BrowserPool } from "./browser.js";
import type { CaptureBatcher } from "./capture-batch.js";
import type { CaptureOcr } from "./capture-ocr.js";
import type { HostGate, Slots } from "./host-gate.js";
import type { NetGuard } from "./net-guard.js";
import type { RobotsCache } from "./robots.js";
import type { AdSource, SourceOptions } from "./source.js";

/** Politeness and retry settings of a crawl (defaults suit the open web; tests shorten them). */
export interface Politeness {
  hostConcurrency: number;
  hostIntervalMs: number;
  navTimeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  /** How long a host rests after a block. */
  blockedPauseMs: number;
  /** Longest Retry-After waited in place; longer ones are left for a later attempt. */
  maxRetryAfterMs: number;
  maxNodes: number;
  /** Requests (ctx.fetch: API calls, notices, static pages) a run may make in this process; 0 is no limit. An API token's quota is such a budget. */
  maxRequests: number;
}

/** Defaults: 2 requests per host, 500 ms apart, 3 attempts. */
export const DEFAULT_POLITENESS: Politeness = {
  hostConcurrency: 2, hostIntervalMs: 500, navTimeoutMs: 20_000, maxAttempts: 3, backoffBaseMs: 1_000, blockedPauseMs: 30_000, maxRetryAfterMs: 60_000, maxNodes: 60_000, maxRequests: 0,
};

/** Counters of one run in this process. */
export interface RunCounters {
  pages: number;
  captures: number;
  newObservations: number;
  notices: number;
  retries: number;
  blocked: number;
  errors: Record<string, number>;
  /** Things sources passed over (records they could not read), by what. */
  skipped: Record<string, number>;
  /** Requests made through politeFetch (the request budget counts these). */
  requests: number;
  /** Notice re-probes by outcome (first, unchanged, changed, gone, back). */
  probes: Record<string, number>;
}

/** Everything the runner shares between the work items of one run. */
export interface RunState {
  runId: number;
  source: AdSource;
  options: SourceOptions;
  store: Store;
  log: Logger;
  now: () => Date;
  crawlerVersion: string;
  politeness: Politeness;
  gate: HostGate;
  guard: NetGuard;
  robots: RobotsCache;
  userAgent: string;
  browser: () => Promise<BrowserPool>;
  signal: AbortSignal;
  counters: RunCounters;
  frontierSize: number;
  notices: Map<string, Promise<import("../common/capture.js").FetchedNotice>>;
  /** Commits the run's captures, several pages in one transaction when they finish together. */
  captures: CaptureBatcher;
  /** OCR of picture-only labels at capture time; null when switched off. */
  ocr: CaptureOcr | null;
  /**
   * Bounds the items working without a browser page (fetching, reading HTML, storing) when rendering
   * items are bounded apart by the browser pool; absent, the caller's own concurrency bounds everything.
   */
  lanes?: Slots | undefined;
  /** Called with URLs newly added to the frontier (the distributed mode sends them as queue jobs). */
  onNewWork?: ((urls: string[]) => Promise<void>) | undefined;
}

/** Counters start at zero. */
export function newCounters(): RunCounters {
  return { pages: 0, captures: 0, newObservations: 0, notices: 0, retries: 0, blocked: 0, errors: {}, skipped: {}, probes: {}, requests: 0 };
}
