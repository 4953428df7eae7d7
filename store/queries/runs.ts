import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import { addFrontierUrls } from "./frontier-jobs.js";

/** A crawl run as the crawler and dashboard see it. */
export interface CrawlRun {
  id: number;
  runKey: string;
  source: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  clockStart: Date | null;
  stats: Record<string, unknown>;
  error: string | null;
}

/** One unit of crawl work in the frontier. */
export interface FrontierItem { url: string; depth: number; kind: string; payload: Record<string, unknown>; attempts: number }

function toRun(r: { id: string | number; run_key: string; source: string; status: string; started_at: Date; finished_at: Date | null; clock_start: Date | null; stats: unknown; error: string | null }): CrawlRun {
  const stats = typeof r.stats === "string" ? (JSON.parse(r.stats) as Record<string, unknown>) : (r.stats as Record<string, unknown>);
  return { id: Number(r.id), runKey: r.run_key, source: r.source, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at, clockStart: r.clock_start, stats, error: r.error };
}

/**
 * Resumes the latest unfinished run with this key (same command, same source and params) or starts
 * a new one. Work that was in progress when the last process died goes back to pending.
 */
export async function startOrResumeRun(db: Kysely<Database>, o: { runKey: string; source: string; params: Record<string, unknown>; crawlerVersion: string; clockStart: Date | null }): Promise<{ run: CrawlRun; resumed: boolean }> {
  return db.transaction().execute(async (tx) => {
    const open = await tx.selectFrom("crawl_run").selectAll().where("run_key", "=", o.runKey).where("status", "in", ["running", "interrupted", "failed"]).orderBy("id", "desc").limit(1).forUpdate().executeTakeFirst();
    if (open) {
      await tx.updateTable("crawl_run").set({ status: "running", error: null }).where("id", "=", open.id).execute();
      await tx.updateTable("frontier").set({ status: "pending" }).where("run_id", "=", open.id).where("status", "=", "in_progress").execute();
      return { run: toRun({ ...open, status: "running" }), resumed: true };
    }
    const row = await tx
      .insertInto("crawl_run")
      .values({ run_key: o.runKey, source: o.source, params: JSON.stringify(o.params), crawler_version: o.crawlerVersion, clock_start: o.clockStart, finished_at: null, error: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { run: toRun(row), resumed: false };
  });
}

/** Records how a run ended and its statistics. */
export async function finishRun(db: Kysely<Database>, runId: number, o: { status: "done" | "failed" | "interrupted"; stats: Record<string, unknown>; error?: string | null }): Promise<void> {
  await db.updateTable("crawl_run").set({ status: o.status, stats: JSON.stringify(o.stats), error: o.error ?? null, finished_at: new Date() }).where("id", "=", runId).execute();
}

/** Adds URLs to a run's frontier; URLs already there (in any state) are left alone. Returns how many were new. */
export async function addToFrontier(db: Kysely<Database>, runId: number, items: Array<{ url: string; depth?: number; kind?: string; payload?: Record<string, unknown> }>): Promise<number> {
  return (await addFrontierUrls(db, runId, items)).length;
}

/**
 * Claims up to `limit` pending items (shallowest first) and marks them in progress. The CTE with
 * SKIP LOCKED means processes claiming from the same run on one server never take the same item.
 */
export async function claimFrontier(db: Kysely<Database>, runId: number, limit: number): Promise<FrontierItem[]> {
  const res = await sql<{ url: string; depth: number; kind: string; payload: unknown; attempts: number }>`
    with c as (
      select run_id, url from frontier
      where run_id = ${runId} and status = 'pending'
      order by depth, url
      limit ${limit}
      for update skip locked
    )
    update frontier f set status = 'in_progress', attempts = f.attempts + 1, updated_at = now()
    from c where f.run_id = c.run_id and f.url = c.url
    returning f.url, f.depth, f.kind, f.payload, f.attempts`.execute(db);
  return res.rows
    .sort((x, y) => x.depth - y.depth || (x.url < y.url ? -1 : 1))
    .map((r) => ({ url: r.url, depth: r.depth, kind: r.kind, attempts: r.attempts, payload: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Record<string, unknown> }));
}

/**
 * Puts a run's in-progress items back to pending, except those the caller still works on, and takes
 * back the attempt their claim counted. For a process that owns its run (runCrawl): after a claim
 * whose answer was lost with the connection, whatever it may have claimed is nobody's.
 */
export async function releaseClaims(db: Kysely<Database>, runId: number, held: string[]): Promise<number> {
  const res = await db.updateTable("frontier")
    .set({ status: "pending", attempts: sql<number>`greatest(attempts - 1, 0)`, updated_at: new Date() })
    .where("run_id", "=", runId).where("status", "=", "in_progress")
    .$if(held.length > 0, (qb) => qb.where("url", "not in", held))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Marks a frontier item done, failed (with reason), blocked, or back to pending for a retry. */
export async function settleFrontier(db: Kysely<Database>, runId: number, url: string, status: "done" | "failed" | "blocked" | "pending", reason: string | null = null): Promise<void> {
  await db.updateTable("frontier").set({ status, reason, updated_at: new Date() }).where("run_id", "=", runId).where("url", "=", url).execute();
}

/** Counts a run's frontier by status and failure reason, for run statistics. */
export async function frontierStats(db: Kysely<Database>, runId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom("frontier").select(["status", "reason", (eb) => eb.fn.countAll<number>().as("n")]).where("run_id", "=", runId).groupBy(["status", "reason"]).execute();
  const out: Record<string, number> = {};
  for (const r of rows) {
    const key = r.reason ? `${r.status}:${r.reason}` : r.status;
    out[key] = (out[key] ?? 0) + Number(r.n);
  }
  return out;
}

/** Lists runs, newest first. */
export async function listRuns(db: Kysely<Database>, limit = 50): Promise<CrawlRun[]> {
  const rows = await db.selectFrom("crawl_run").selectAll().orderBy("id", "desc").limit(limit).execute();
  return rows.map(toRun);
}
