/**
 * The crawl queue on pg-boss (Postgres): one job per frontier item ({ runId, url }), keyed `run:url`
 * on a "stately" queue so an item is queued at most once and held by at most one worker. A job's
 * expireInSeconds is the lease: when a worker dies mid-task, pg-boss's maintenance moves the job to
 * retry after the lease and another worker takes it. The frontier rows in the store stay the truth.
 */
import PgBoss from "pg-boss";
import type { Logger } from "pino";

/** The one queue all runs share. */
export const CRAWL_QUEUE = "polad-crawl";

/** Where the queue lives and how long a lease lasts. */
export interface QueueConfig {
  databaseUrl: string;
  /** pg-boss's own schema (default "pgboss"). */
  schema?: string | undefined;
  /** Seconds a worker may hold a task before it is handed to another (default 300). */
  leaseSeconds?: number | undefined;
  /** How often expired leases are looked for (default 10 s). */
  maintenanceSeconds?: number | undefined;
}

/** A job's data. */
export interface CrawlJob { runId: number; url: string }

/** Lease length in seconds for this config. */
export function leaseOf(c: QueueConfig): number {
  return c.leaseSeconds ?? 300;
}

/** Starts pg-boss (creating its schema on first use) and the crawl queue. */
export async function openQueue(c: QueueConfig, log: Logger): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: c.databaseUrl, schema: c.schema ?? "pgboss", max: 4, schedule: false, supervise: true,
    maintenanceIntervalSeconds: c.maintenanceSeconds ?? 10, monitorStateIntervalSeconds: 3600,
  });
  boss.on("error", (err: Error) => log.warn({ err: err.message }, "queue error"));
  await boss.start();
  // Two processes starting on a fresh queue schema both try to create the queue; pg-boss's create_queue
  // can then deadlock (Postgres aborts one of them). The other one commits it a moment later: look
  // again after a short wait, and try once more if it is still missing.
  for (let attempt = 1; !(await boss.getQueue(CRAWL_QUEUE)); attempt++) {
    const err = await boss.createQueue(CRAWL_QUEUE, { name: CRAWL_QUEUE, policy: "stately", expireInSeconds: leaseOf(c), retryLimit: 50, retryDelay: 1 }).then(() => null, (e: Error) => e);
    if (!err) break;
    if (attempt >= 5) {
      // A started pg-boss keeps timers running: stop it, or the failed process would never exit.
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw err;
    }
    log.debug({ err: err.message, attempt }, "queue creation raced another process; looking again");
    await new Promise((r) => setTimeout(r, 200 * attempt));
  }
  return boss;
}

/** Queues frontier items of a run (already queued ones are left alone). */
export async function sendItems(boss: PgBoss, runId: number, urls: string[], o: { startAfterMs?: number; leaseSeconds: number }): Promise<void> {
  const startAfter = o.startAfterMs ? new Date(Date.now() + o.startAfterMs) : undefined;
  for (let i = 0; i < urls.length; i += 500) {
    const jobs = urls.slice(i, i + 500).map((url) => ({
      name: CRAWL_QUEUE, data: { runId, url } satisfies CrawlJob, singletonKey: `${runId}:${url}`, expireInSeconds: o.leaseSeconds, retryLimit: 50, retryDelay: 1,
      ...(startAfter ? { startAfter } : {}),
    }));
    await boss.insert(jobs);
  }
}
