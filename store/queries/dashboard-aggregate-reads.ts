import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { EnforcementRow, PlatformBan } from "./dashboard-enforcement.js";
import { AGG_VIOLATION, aggAdConds, aggFindingConds } from "./dashboard-aggregates.js";
import { whereAll, type DashboardFilter } from "./dashboard-filter.js";

// The same answers as the live queries in dashboard.ts and dashboard-groups.ts, read from agg_ad and
// agg_finding. Callers check aggregatesReady and adLevelAggregable/findingLevelAggregable first.

/** Severities from the most to the least serious, for ordering tables. */
export const SEVERITY_ORDER = sql`array['critical', 'high', 'medium', 'low', 'info']::text[]`;

const n = (v: unknown) => Number(v ?? 0);

/** Ads, political ads, violations and ads with violations, from agg_ad. */
export async function aggAdTotals(db: Kysely<Database>, f: DashboardFilter): Promise<{ ads: number; political: number; violations: number; adsWithViolations: number }> {
  const { rows } = await sql<Record<string, unknown>>`
    select sum(ads) as ads, sum(political) as political, sum(violations) as violations, sum(violating_ads) as violating
    from agg_ad g where ${whereAll(aggAdConds(f))}`.execute(db);
  const r = rows[0] ?? {};
  return { ads: n(r.ads), political: n(r.political), violations: n(r.violations), adsWithViolations: n(r.violating) };
}

/** Violations per severity, most serious first, from agg_finding. */
export async function aggViolationsBySeverity(db: Kysely<Database>, f: DashboardFilter): Promise<Array<{ key: string; n: number }>> {
  const { rows } = await sql<{ key: string; n: unknown }>`
    select g.severity as key, sum(g.findings) as n from agg_finding g where ${whereAll([...aggFindingConds(f), AGG_VIOLATION])}
    group by g.severity having sum(g.findings) > 0 order by array_position(${SEVERITY_ORDER}, g.severity) nulls last, g.severity`.execute(db);
  return rows.map((r) => ({ key: r.key, n: n(r.n) }));
}

/** Violations per party ("" for none) or publisher name, top `limit`, from agg_finding. */
export async function aggViolationsBy(db: Kysely<Database>, f: DashboardFilter, by: "party" | "publisher", limit: number): Promise<Array<{ key: string; n: number }>> {
  const { rows } = await sql<{ key: string; n: unknown }>`
    select ${by === "party" ? sql`g.party` : sql`p.name`} as key, sum(g.findings) as n
    from agg_finding g join publisher p on p.id = g.publisher_id where ${whereAll([...aggFindingConds(f), AGG_VIOLATION])}
    group by 1 having sum(g.findings) > 0 order by n desc, key limit ${limit}`.execute(db);
  return rows.map((r) => ({ key: r.key, n: n(r.n) }));
}

/**
 * Violations per party per day/week/month of first sighting, from agg_violation_day (no review
 * filter: it holds violations only), or its per-party rollup agg_party_day when only the party is filtered.
 */
export async function aggTimeline(db: Kysely<Database>, f: DashboardFilter, o: { parties: string[]; unit: "day" | "week" | "month" }): Promise<Array<{ party: string; bucket: string; n: number }>> {
  const unfiltered = !f.source && !f.publisher && !f.rule && !f.severity;
  const { rows } = await sql<{ party: string; bucket: string; n: unknown }>`
    select g.party, to_char(date_trunc(${o.unit}, g.day::timestamp), 'YYYY-MM-DD') as bucket, sum(g.violations) as n
    from ${unfiltered ? sql`agg_party_day` : sql`agg_violation_day`} g where ${whereAll(aggFindingConds({ ...f, review: undefined }))} and g.party in (${sql.join(o.parties)})
    group by 1, 2 having sum(g.violations) > 0 order by 2, 1`.execute(db);
  return rows.map((r) => ({ party: r.party, bucket: r.bucket, n: n(r.n) }));
}

/** The span of first sightings, from agg_ad. */
export async function aggSeenSpan(db: Kysely<Database>, f: DashboardFilter): Promise<{ min: Date; max: Date } | undefined> {
  const { rows } = await sql<{ min: Date | null; max: Date | null }>`
    select min(min_first_seen_at) as min, max(max_first_seen_at) as max from agg_ad g where ${whereAll(aggAdConds(f))}`.execute(db);
  const r = rows[0];
  return r?.min && r.max ? { min: new Date(r.min), max: new Date(r.max) } : undefined;
}

/**
 * Sources, parties and rules for the filter form from the aggregates instead of the big tables, and the
 * publishers, in one round trip: every list page asks for them.
 */
export async function aggFilterValues(db: Kysely<Database>): Promise<{ sources: string[]; parties: string[]; rules: string[]; publishers: string[] }> {
  const { rows } = await sql<{ sources: string[] | null; parties: string[] | null; rules: string[] | null; publishers: string[] | null }>`
    select array(select distinct source from agg_ad order by 1 limit 500) as sources,
      array(select distinct party from agg_ad where party <> '' order by 1 limit 500) as parties,
      array(select distinct rule from agg_finding order by 1 limit 500) as rules,
      array(select name from publisher order by 1 limit 2000) as publishers`.execute(db);
  const r = rows[0];
  return { sources: r?.sources ?? [], parties: r?.parties ?? [], rules: r?.rules ?? [], publishers: r?.publishers ?? [] };
}

/** The row shape listGroupStats maps to GroupStats. */
export type AggGroupRow = { key: string | null; site_name: string | null; ads: number; political: number; violations: number; compliant: number; first_seen: Date | null; last_seen: Date | null };

/** Per-party or per-publisher statistics (no finding filters), from agg_ad. */
export async function aggGroupRows(db: Kysely<Database>, f: DashboardFilter, by: "party" | "publisher"): Promise<AggGroupRow[]> {
  const { rows } = await sql<AggGroupRow>`
    select ${by === "party" ? sql`nullif(g.party, '')` : sql`p.name`} as key, ${by === "party" ? sql`null` : sql`max(p.site_name)`} as site_name, sum(g.ads) as ads, sum(g.political) as political,
      sum(g.violations) as violations, sum(g.political - g.violating_political) as compliant,
      min(g.min_first_seen_at) as first_seen, max(g.max_last_seen_at) as last_seen
    from agg_ad g join publisher p on p.id = g.publisher_id where ${whereAll(aggAdConds(f))}
    group by 1 having sum(g.ads) > 0 order by violations desc, ads desc, key nulls last limit 1000`.execute(db);
  return rows;
}

/** The row shape listRuleStats maps to RuleStats. */
export type AggRuleRow = { rule: string; findings: number; violations: number; open: number; confirmed: number; dismissed: number; ads: number };

/** Per-rule counts from agg_finding; an ad has at most one finding per rule, so its ads equal its findings. */
export async function aggRuleRows(db: Kysely<Database>, f: DashboardFilter): Promise<AggRuleRow[]> {
  const { rows } = await sql<AggRuleRow>`
    select g.rule, sum(g.findings) as findings, coalesce(sum(g.findings) filter (where ${AGG_VIOLATION}), 0) as violations,
      coalesce(sum(g.findings) filter (where g.review_status = 'open'), 0) as open,
      coalesce(sum(g.findings) filter (where g.review_status = 'confirmed'), 0) as confirmed,
      coalesce(sum(g.findings) filter (where g.review_status = 'dismissed'), 0) as dismissed, sum(g.findings) as ads
    from agg_finding g where ${whereAll(aggFindingConds(f))}
    group by g.rule having sum(g.findings) > 0 order by violations desc, g.rule`.execute(db);
  return rows;
}

/** How many ads (no finding filters) or findings match a filter, for list totals. */
export async function aggCount(db: Kysely<Database>, f: DashboardFilter, what: "ads" | "findings"): Promise<number> {
  const { rows } = what === "ads"
    ? await sql<{ n: unknown }>`select sum(g.ads) as n from agg_ad g where ${whereAll(aggAdConds(f))}`.execute(db)
    : await sql<{ n: unknown }>`select sum(g.findings) as n from agg_finding g where ${whereAll(aggFindingConds(f))}`.execute(db);
  return n(rows[0]?.n);
}

/** The platform-enforcement view from agg_enforcement (callers check enforcementAggregated for these bans). */
export async function aggEnforcement(db: Kysely<Database>, bans: PlatformBan[], f: DashboardFilter): Promise<EnforcementRow[]> {
  const keys = sql.join(bans.map((b) => sql`(${b.platform}::text, ${b.since.toISOString()}::timestamptz)`));
  const { rows } = await sql<{ platform: string; since: Date; party: string | null; ads: unknown; first_after: Date; last_seen: Date; max_days: unknown; avg_days: unknown }>`
    select g.platform, g.since, nullif(g.party, '') as party, sum(g.ads) as ads, min(g.first_after) as first_after, max(g.last_seen_at) as last_seen,
      (max(g.max_seconds_up) / 86400.0)::float8 as max_days, (sum(g.sum_seconds_up) / sum(g.ads) / 86400.0)::float8 as avg_days
    from agg_enforcement g where (g.platform, g.since) in (${keys}) and ${whereAll(aggAdConds(f))}
    group by g.platform, g.since, g.party order by g.platform, ads desc, party nulls last`.execute(db);
  return rows.map((r) => ({
    platform: r.platform, since: new Date(r.since), party: r.party, ads: n(r.ads), firstAfterBan: new Date(r.first_after),
    lastSeenAt: new Date(r.last_seen), maxDaysUp: n(r.max_days), avgDaysUp: n(r.avg_days),
  }));
}
