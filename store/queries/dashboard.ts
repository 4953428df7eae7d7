import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import { aggAdTotals, aggFilterValues, aggSeenSpan, aggTimeline, aggViolationsBy, aggViolationsBySeverity, SEVERITY_ORDER } from "./dashboard-aggregate-reads.js";
import { adLevelAggregable, aggregatesReady, findingLevelAggregable } from "./dashboard-aggregates.js";
import { adConds, findingConds, VIOLATION, whereAll, type DashboardFilter } from "./dashboard-filter.js";

export type { DashboardFilter } from "./dashboard-filter.js";

const FROM_FINDINGS = sql`finding f join ad a on a.id = f.ad_id join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id`;
const FROM_ADS = sql`ad a join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id`;

/** Headline counts for the overview. */
export interface AdTotals { ads: number; political: number; violations: number; adsWithViolations: number }

/** Counts ads, political ads and violations under a filter (from the aggregates when the filter allows). */
export async function getAdTotals(db: Kysely<Database>, f: DashboardFilter): Promise<AdTotals> {
  if (adLevelAggregable(f) && (await aggregatesReady(db))) return aggAdTotals(db, f);
  const { rows } = await sql<{ ads: number; political: number }>`
    select count(*) as ads, count(*) filter (where v.political) as political from ${FROM_ADS} where ${whereAll(adConds(f))}`.execute(db);
  const v = await sql<{ n: number; ads: number }>`
    select count(*) as n, count(distinct f.ad_id) as ads from ${FROM_FINDINGS}
    where ${whereAll([...adConds(f, { findingFilters: false }), ...findingConds(f), VIOLATION])}`.execute(db);
  const r = rows[0];
  const w = v.rows[0];
  return { ads: Number(r?.ads ?? 0), political: Number(r?.political ?? 0), violations: Number(w?.n ?? 0), adsWithViolations: Number(w?.ads ?? 0) };
}

/** A label and a count, for small breakdown tables. */
export interface Count { key: string; n: number }

/** Violations grouped by severity, most serious first. */
export async function listViolationsBySeverity(db: Kysely<Database>, f: DashboardFilter): Promise<Count[]> {
  if (findingLevelAggregable(f) && (await aggregatesReady(db))) return aggViolationsBySeverity(db, f);
  const { rows } = await sql<{ key: string; n: number }>`
    select f.severity as key, count(*) as n from ${FROM_FINDINGS}
    where ${whereAll([...adConds(f, { findingFilters: false }), ...findingConds(f), VIOLATION])}
    group by f.severity order by array_position(${SEVERITY_ORDER}, f.severity) nulls last, f.severity`.execute(db);
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}

/** Violations per party (null party as "") or per publisher, top `limit` by count. */
export async function listViolationsBy(db: Kysely<Database>, f: DashboardFilter, by: "party" | "publisher", limit: number): Promise<Count[]> {
  if (findingLevelAggregable(f) && (await aggregatesReady(db))) return aggViolationsBy(db, f, by, limit);
  const col = by === "party" ? sql`coalesce(v.party, '')` : sql`p.name`;
  const { rows } = await sql<{ key: string; n: number }>`
    select ${col} as key, count(*) as n from ${FROM_FINDINGS}
    where ${whereAll([...adConds(f, { findingFilters: false }), ...findingConds(f), VIOLATION])}
    group by 1 order by n desc, key limit ${limit}`.execute(db);
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}

/** One point of the violations-over-time series. */
export interface TimePoint { party: string; bucket: string; n: number }

/**
 * Violations per party per time bucket (by the ad's first sighting, UTC), for the given parties.
 * The bucket is a day, week or month so that long periods stay readable.
 */
export async function listViolationTimeline(db: Kysely<Database>, f: DashboardFilter, o: { parties: string[]; unit: "day" | "week" | "month" }): Promise<TimePoint[]> {
  if (o.parties.length === 0) return [];
  if (findingLevelAggregable(f) && !f.review && (await aggregatesReady(db))) return aggTimeline(db, f, o);
  const { rows } = await sql<{ party: string; bucket: string; n: number }>`
    select coalesce(v.party, '') as party, to_char(date_trunc(${o.unit}, a.first_seen_at at time zone 'UTC'), 'YYYY-MM-DD') as bucket, count(*) as n
    from ${FROM_FINDINGS}
    where ${whereAll([...adConds(f, { findingFilters: false }), ...findingConds(f), VIOLATION])} and coalesce(v.party, '') in (${sql.join(o.parties)})
    group by 1, 2 order by 2, 1`.execute(db);
  return rows.map((r) => ({ party: r.party, bucket: r.bucket, n: Number(r.n) }));
}

/** The span of first sightings under a filter, to pick the chart's bucket size. */
export async function findSeenSpan(db: Kysely<Database>, f: DashboardFilter): Promise<{ min: Date; max: Date } | undefined> {
  if (adLevelAggregable(f) && (await aggregatesReady(db))) return aggSeenSpan(db, f);
  const { rows } = await sql<{ min: Date | null; max: Date | null }>`
    select min(a.first_seen_at) as min, max(a.first_seen_at) as max from ${FROM_ADS} where ${whereAll(adConds(f))}`.execute(db);
  const r = rows[0];
  return r?.min && r.max ? { min: new Date(r.min), max: new Date(r.max) } : undefined;
}

/** How each source's crawling stands: its latest run and its latest successful one. */
export interface SourceStatus { source: string; lastRunAt: Date; lastStatus: string; lastSuccessAt: Date | null; runs: number }

/** Lists every source that has crawl runs, with when it last succeeded. */
export async function listSourceStatus(db: Kysely<Database>): Promise<SourceStatus[]> {
  const { rows } = await sql<{ source: string; last_run_at: Date; last_status: string; last_success_at: Date | null; runs: number }>`
    select r.source, max(r.started_at) as last_run_at,
      (array_agg(r.status order by r.started_at desc, r.id desc))[1] as last_status,
      max(coalesce(r.finished_at, r.started_at)) filter (where r.status = 'done') as last_success_at,
      count(*) as runs
    from crawl_run r group by r.source order by r.source`.execute(db);
  return rows.map((r) => ({ source: r.source, lastRunAt: new Date(r.last_run_at), lastStatus: r.last_status, lastSuccessAt: r.last_success_at ? new Date(r.last_success_at) : null, runs: Number(r.runs) }));
}

/** Distinct values for the filter drop-downs. */
export interface FilterOptions { sources: string[]; publishers: string[]; parties: string[]; rules: string[] }

/** Lists the values the filter form offers. */
export async function listFilterOptions(db: Kysely<Database>): Promise<FilterOptions> {
  const col = async (q: ReturnType<typeof sql<{ v: string }>>) => (await q.execute(db)).rows.map((r) => r.v);
  if (await aggregatesReady(db)) return aggFilterValues(db);
  return {
    sources: await col(sql<{ v: string }>`select distinct source as v from ad order by 1 limit 500`),
    publishers: await col(sql<{ v: string }>`select name as v from publisher order by 1 limit 2000`),
    parties: await col(sql<{ v: string }>`select distinct party as v from verdict where party is not null order by 1 limit 500`),
    rules: await col(sql<{ v: string }>`select distinct rule as v from finding order by 1 limit 500`),
  };
}
