import type { Logger } from "pino";
import type { Store } from "../store/db.js";
import { saveCapturePages, type CapturePage, type SavedCapture } from "../store/queries/ads.js";
import { crawlDb } from "./db-call.js";
import { StopRun } from "./errors.js";

interface Pending { page: CapturePage; gather: boolean; resolve(saved: SavedCapture[]): void; reject(err: unknown): void }

/** How a CaptureBatcher gathers pages. */
export interface BatchOptions {
  /** Longest a page waits for others to join its commit (default 30 ms). */
  gatherMs?: number;
  /** A batch this large is committed at once (default 4). */
  flushAt?: number;
  /** Most pages in one commit (default 16). */
  maxPages?: number;
  /** Items still reading pages, which may join the batch soon; none: commit at once. */
  othersWorking?: () => number;
}

/**
 * Group commit of a run's captures: the pages that finish close together are committed in one
 * transaction, each statement (chain lock, chain end, ads, artefacts, observations, manifest,
 * frontier) once for all of them instead of once a page. In the embedded store a page's commit is
 * mostly CPU on the crawler's own thread (about a third of a static page's cost), and on a server
 * each statement is a round trip. A page whose item has given its place up (its last step) waits up
 * to `gatherMs` for others; the batch goes at once when it has `flushAt` pages, when no other item
 * is still reading a page, or when a capture of an item that holds its place joins. Each page keeps
 * its own outcome: a batch that fails is committed again page by page, so only the page at fault
 * fails (a database that stays away stops the run for all of them, as it would each).
 */
export class CaptureBatcher {
  private readonly queue: Pending[] = [];
  private committing = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: { store: Store; log: Logger; runId: number; crawlerVersion: string } & BatchOptions) {}

  /**
   * Commits the page's captures (and settles its item when `settle` is given); resolves once they are
   * committed. `gather`: the caller does nothing else meanwhile, so the commit may wait for others.
   */
  save(page: CapturePage, o: { gather?: boolean } = {}): Promise<SavedCapture[]> {
    return new Promise<SavedCapture[]>((resolve, reject) => {
      this.queue.push({ page, gather: o.gather === true, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.committing || this.queue.length === 0) return;
    const now = this.queue.length >= (this.o.flushAt ?? 4) || this.queue.some((p) => !p.gather) || (this.o.othersWorking?.() ?? 0) === 0;
    if (now) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.o.gatherMs ?? 30);
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.committing) return;
    this.committing = true;
    try {
      await this.commit(this.queue.splice(0, this.o.maxPages ?? 16));
    } finally {
      this.committing = false;
      this.schedule();
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    try {
      // One transaction, and a repeated capture is stored once: safe to repeat after a server restart.
      const saved = await crawlDb(this.o, "save capture", () => saveCapturePages(this.o.store.db, this.o.runId, batch.map((b) => b.page), this.o.crawlerVersion));
      batch.forEach((b, i) => b.resolve(saved[i]!));
    } catch (err) {
      if (batch.length === 1 || err instanceof StopRun) return void batch.forEach((b) => b.reject(err));
      this.o.log.debug({ pages: batch.length, err: (err as Error).message }, "a batch of captures failed; committing its pages one by one");
      for (const b of batch) await this.commit([b]);
    }
  }
}
