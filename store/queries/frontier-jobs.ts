import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { FrontierItem } from "./runs.js";

/** Adds URLs to a run's frontier and returns the ones that were new (URLs already there, in any state, are left alone). */
export async function addFrontierUrls(db: Kysely<Database>, runId: number, items: Array<{ url: string; depth?: number; kind?: string; payload?: Record<string, unknown> }>): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await db
    .insertInto("frontier")
    .values(items.map((i) => ({ run_id: runId, url: i.url, depth: i.depth ?? 0, kind: i.kind ?? "page", payload: JSON.stringify(i.payload ?? {}), reason: null })))
    .onConflict((oc) => oc.columns(["run_id", "url"]).doNothing())
    .returning("url")
    .execute();
  return rows.map((r) => r.url);
}

/**
 * Claims one frontier item for a worker: pending, or in progress for longer than the lease (its worker
 * died). Returns undefined when the item is settled or another worker holds a live lease on it.
 */
export async function claimFrontierUrl(db: Kysely<Database>, runId: number, url: string, leaseSeconds: number): Promise<FrontierItem | undefined> {
  const res = await sql<{ url: string; depth: number; kind: string; payload: unknown; attempts: number }>`
    update frontier set status = 'in_progress', attempts = attempts + 1, updated_at = now()
    where run_id = ${runId} and url = ${url}
      and (status = 'pending' or (status = 'in_progress' and updated_at < now() - make_interval(secs => ${leaseSeconds})))
    returning url, depth, kind, payload, attempts`.execute(db);
  const r = res.rows[0];
  return r && { url: r.url, depth: r.depth, kind: r.kind, attempts: r.attempts, payload: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Record<string, unknown> };
}

/** URLs of a run not yet settled (pending or in progress), for sending them as queue jobs. */
export async function listOpenFrontierUrls(db: Kysely<Database>, runId: number): Promise<string[]> {
  const rows = await db.selectFrom("frontier").select("url").where("run_id", "=", runId).where("status", "in", ["pending", "in_progress"]).orderBy("depth").orderBy("url").execute();
  return rows.map((r) => r.url);
}

/** A run's status and parameters, as a worker needs them to take part. */
export async function findRunForWorker(db: Kysely<Database>, runId: number): Promise<{ source: string; status: string; params: Record<string, unknown>; clockStart: Date | null } | undefined> {
  const r = await db.selectFrom("crawl_run").select(["source", "status", "params", "clock_start"]).where("id", "=", runId).executeTakeFirst();
  return r && { source: r.source, status: r.status, params: (typeof r.params === "string" ? JSON.parse(r.params) : r.params) as Record<string, unknown>, clockStart: r.clock_start };
}
