import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import { listSourceStatus } from "./dashboard.js";

/** What a schedule entry re-runs: a crawl plan (tokens are never stored; they come from the environment) or the notice re-probe. */
export interface SchedulePlan { source?: string; seeds?: string[]; terms?: string[]; apiBase?: string; allowPrivate?: boolean; screenshots?: string; fullPage?: boolean }

/** One entry of the monitoring schedule, with how its last turn went. */
export interface ScheduleEntry {
  name: string;
  kind: "crawl" | "notices";
  plan: SchedulePlan;
  everySeconds: number;
  maxPages: number;
  concurrency: number;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastSuccessAt: Date | null;
  lastStatus: string | null;
  lastError: string | null;
}

type Row = Awaited<ReturnType<typeof selectEntries>>[number];
const selectEntries = (db: Kysely<Database>) => db.selectFrom("schedule_entry").selectAll().orderBy("name").execute();
const date = (v: Date | string | null) => (v === null ? null : new Date(v));

function toEntry(r: Row): ScheduleEntry {
  return {
    name: r.name, kind: r.kind, plan: (typeof r.plan === "string" ? JSON.parse(r.plan) : r.plan) as SchedulePlan, everySeconds: r.every_seconds,
    maxPages: r.max_pages, concurrency: r.concurrency, lastStartedAt: date(r.last_started_at), lastFinishedAt: date(r.last_finished_at),
    lastSuccessAt: date(r.last_success_at), lastStatus: r.last_status, lastError: r.last_error,
  };
}

/** Adds an entry or replaces the plan and interval of the entry with this name (its history is kept). */
export async function upsertScheduleEntry(db: Kysely<Database>, e: { name: string; kind: "crawl" | "notices"; plan: SchedulePlan; everySeconds: number; maxPages: number; concurrency: number }): Promise<void> {
  const values = { name: e.name, kind: e.kind, plan: JSON.stringify(e.plan), every_seconds: e.everySeconds, max_pages: e.maxPages, concurrency: e.concurrency };
  await db.insertInto("schedule_entry").values(values)
    .onConflict((oc) => oc.column("name").doUpdateSet({ kind: e.kind, plan: values.plan, every_seconds: e.everySeconds, max_pages: e.maxPages, concurrency: e.concurrency }))
    .execute();
}

/** Removes an entry; false when there was none by that name. */
export async function removeScheduleEntry(db: Kysely<Database>, name: string): Promise<boolean> {
  const r = await db.deleteFrom("schedule_entry").where("name", "=", name).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Every entry, by name. */
export async function listScheduleEntries(db: Kysely<Database>): Promise<ScheduleEntry[]> {
  return (await selectEntries(db)).map(toEntry);
}

/**
 * Takes the next due entry (never started, or started at least its interval ago) and marks it started,
 * in one statement: two `polad schedule run` processes on one server never take the same turn.
 */
export async function claimDueEntry(db: Kysely<Database>, now: Date): Promise<ScheduleEntry | undefined> {
  const row = await db
    .updateTable("schedule_entry")
    .set({ last_started_at: now })
    .where("name", "=", (eb) =>
      eb.selectFrom("schedule_entry as s").select("s.name")
        .where((w) => w.or([w("s.last_started_at", "is", null), w(sql<Date>`s.last_started_at + make_interval(secs => s.every_seconds)`, "<=", now)]))
        .orderBy(sql`s.last_started_at nulls first`).orderBy("s.name").limit(1).forUpdate().skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

/** Records how a turn ended. */
export async function finishScheduleTurn(db: Kysely<Database>, name: string, o: { at: Date; ok: boolean; status: string; error: string | null; dueAgain?: boolean }): Promise<void> {
  await db.updateTable("schedule_entry")
    .set({ last_finished_at: o.at, last_status: o.status, last_error: o.error, ...(o.ok ? { last_success_at: o.at } : {}), ...(o.dueAgain ? { last_started_at: null } : {}) })
    .where("name", "=", name)
    .execute();
}

/** Per source: when a crawl of it last succeeded, how its latest run ended, and its schedule interval if it has one. */
export interface SourceHealth { source: string; lastSuccessAt: Date | null; lastRunAt: Date | null; lastStatus: string | null; everySeconds: number | null; stale: boolean; reason: string }

/**
 * Which sources are stale: a scheduled source whose last success is older than twice its interval
 * (or that never succeeded although it has been due for a full interval), an unscheduled one whose
 * last success is older than `unscheduledStaleSeconds`.
 */
export async function listSourceHealth(db: Kysely<Database>, now: Date, unscheduledStaleSeconds: number): Promise<SourceHealth[]> {
  const runs = await listSourceStatus(db);
  const entries = (await listScheduleEntries(db)).filter((e) => e.kind === "crawl" && e.plan.source);
  const every = new Map<string, ScheduleEntry>();
  for (const e of entries) {
    const prev = every.get(e.plan.source!);
    if (!prev || e.everySeconds < prev.everySeconds) every.set(e.plan.source!, e);
  }
  const bySource = new Map(runs.map((r) => [r.source, r]));
  const sources = [...new Set([...bySource.keys(), ...every.keys()])].sort();
  return sources.map((source) => {
    const r = bySource.get(source);
    const e = every.get(source);
    const lastSuccessAt = r?.lastSuccessAt ?? null;
    const age = lastSuccessAt ? (now.getTime() - lastSuccessAt.getTime()) / 1000 : null;
    let stale = false;
    let reason = "ok";
    if (e) {
      const since = (now.getTime() - (e.lastStartedAt ?? now).getTime()) / 1000;
      if (age === null ? since >= e.everySeconds : age > 2 * e.everySeconds) {
        stale = true;
        reason = age === null ? "scheduled but never succeeded" : `no success for ${Math.round(age / 3600)} h (scheduled every ${Math.round(e.everySeconds / 3600)} h)`;
      }
    } else if (age === null) {
      stale = true;
      reason = "never succeeded";
    } else if (age > unscheduledStaleSeconds) {
      stale = true;
      reason = `no success for ${Math.round(age / 86400)} d and not scheduled`;
    }
    return { source, lastSuccessAt, lastRunAt: r?.lastRunAt ?? null, lastStatus: r?.lastStatus ?? null, everySeconds: e?.everySeconds ?? null, stale, reason };
  });
}
