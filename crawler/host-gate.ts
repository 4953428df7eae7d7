/** Per-host politeness limits. */
export interface HostGateOptions {
  /** Requests in flight per host (1-2 is polite). */
  concurrency: number;
  /** Minimum time between request starts on one host. */
  intervalMs: number;
}

/**
 * A counting semaphore: at most `size` holders. A host's slots in HostGate; and the crawl runner bounds
 * with it the items that are fetching, reading or storing without a browser page, apart from those
 * rendering (bounded by the pool).
 */
export class Slots {
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  constructor(private readonly size: number) {}

  /** Slots held now. */
  get inUse(): number {
    return this.active;
  }

  /** Waits for a slot; returns its release function (idempotent). */
  async acquire(signal: AbortSignal): Promise<() => void> {
    while (this.active >= this.size) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      // A stopped run: pass the wake-up on, so every waiter leaves, not only the one a release woke.
      if (signal.aborted) this.waiters.shift()?.();
      signal.throwIfAborted();
    }
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiters.shift()?.();
    };
  }
}

interface HostState { slots: Slots; nextAt: number }

/**
 * Keeps the crawler polite per host: at most `concurrency` items in flight, request starts spaced by
 * `intervalMs`, and a host-wide pause after a 429/503 or a block.
 */
export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  constructor(private readonly o: HostGateOptions) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { slots: new Slots(this.o.concurrency), nextAt: 0 }));
    return s;
  }

  /** Waits for a slot on `host`, then for its pace; returns the release function (idempotent). */
  async acquire(host: string, signal: AbortSignal): Promise<() => void> {
    const release = await this.state(host).slots.acquire(signal);
    try {
      await this.pace(host, signal);
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  /** Waits until the host's next allowed start, then books the following one (no slot taken). */
  async pace(host: string, signal: AbortSignal, extraIntervalMs = 0): Promise<void> {
    const s = this.state(host);
    for (;;) {
      const wait = s.nextAt - Date.now();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    s.nextAt = Date.now() + Math.max(this.o.intervalMs, extraIntervalMs);
  }

  /** Holds every new request to `host` for `ms` (Retry-After, blocks). */
  pause(host: string, ms: number): void {
    const s = this.state(host);
    s.nextAt = Math.max(s.nextAt, Date.now() + ms);
  }
}

/** Sleeps `ms`, rejecting early when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
