import type { Page } from "playwright-core";
import type { Logger } from "pino";
import type { Capture, FetchedNotice } from "../common/capture.js";

/** A unit of work in the frontier, as a source sees it. */
export interface WorkItem {
  url: string;
  kind: string;
  depth: number;
  payload: Record<string, unknown>;
  attempts: number;
}

/** The result of a polite HTTP request (robots.txt, per-host pacing, retries and the address guard applied). */
export interface FetchResult {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body's bytes as received (a PDF is not text). */
  bytes: Buffer;
  redirects: string[];
}

/** Options of ctx.fetch. */
export interface FetchInit {
  headers?: Record<string, string>;
  method?: "GET" | "POST";
  /** Request body (POST only); JSON bodies are given as their text with a content-type header. */
  body?: string;
  /** The work item's own request, already paced by the host gate when the item started (not paced twice). */
  alreadyPaced?: boolean;
}

/** What the runner gives a source while it handles one work item. */
export interface SourceContext {
  runId: number;
  log: Logger;
  /** The user agent of ctx.fetch and the browser (recorded with evidence read without the browser). */
  userAgent?: string;
  /** The crawl's clock (simulated in the sandbox demo): sighting times come from here. */
  now(): Date;
  signal: AbortSignal;
  /** A polite request: GET by default; POST with a body for APIs that are queried that way (TikTok's). */
  fetch(url: string, init?: FetchInit): Promise<FetchResult>;
  /**
   * Runs `fn` with a browser page from the pool (reused across items, reset between them). The item
   * holds its host's slot while `fn` runs, until `fn` calls `rendering.loaded()`: the page has loaded
   * what it asks of its host, and reading it and taking screenshots leave the slot to other items.
   */
  withPage<T>(fn: (page: Page, rendering: { loaded(): void }) => Promise<T>): Promise<T>;
  /** Fetches a transparency notice for archiving, after checking the link is safe to follow. */
  fetchNotice(url: string, o?: { fresh?: boolean }): Promise<FetchedNotice>;
  /** Records a re-probe of an archived notice (archived as fetched, compared with what was on record); returns the outcome. */
  recordNotice(notice: FetchedNotice): Promise<"first" | "unchanged" | "changed" | "gone" | "back">;
  /** Hands one capture to the store (atomic; a repeat in the same run is stored once). */
  emit(capture: Capture): Promise<void>;
  /**
   * Hands the captures of one page to the store together: all or none, one transaction. With
   * `last`, this is the handler's last step: the item is marked done in the same transaction (one
   * commit a page instead of two), so its links must be enqueued before.
   */
  emitAll(captures: Capture[], o?: { last?: boolean }): Promise<void>;
  /** Counts something the source passed over (a record it could not read): shows in the run statistics. */
  count(what: string, n?: number): void;
  /** Adds further work of this source to the frontier (bounded by the run's page budget). */
  enqueue(items: Array<{ url: string; kind?: string; depth?: number; payload?: Record<string, unknown> }>): Promise<void>;
}

/** Options a run passes to a source: seeds, an API base and token, search terms, limits. */
export interface SourceOptions {
  seeds: string[];
  maxPages: number;
  apiBase?: string;
  token?: string;
  terms?: string[];
  /** Follow links to private/loopback addresses (allowed automatically when the seed itself is on one). */
  allowPrivate?: boolean;
  [key: string]: unknown;
}

/** One source of ads (a platform library, a publisher site): one folder under crawler/sources/, one registry line. */
export interface AdSource {
  id: string;
  description: string;
  /** The first work items for these options. Throws a UsageError-style message when options are missing. */
  seed(opts: SourceOptions): Array<{ url: string; kind?: string; payload?: Record<string, unknown> }>;
  /** Handles one work item: captures ads (ctx.emit) and finds more work (ctx.enqueue). Throws crawler errors. */
  handle(item: WorkItem, ctx: SourceContext, opts: SourceOptions): Promise<void>;
}
