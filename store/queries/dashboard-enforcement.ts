import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import { aggEnforcement } from "./dashboard-aggregate-reads.js";
import { adLevelAggregable, enforcementAggregated } from "./dashboard-aggregates.js";
import { adConds, whereAll, type DashboardFilter } from "./dashboard-filter.js";

/** A platform's ban on political ads: from when, and which publishers or sources are that platform. */
export interface PlatformBan {
  platform: string;
  since: Date;
  /** Case-insensitive POSIX regex matched against the publisher name and the source id. */
  pattern: string;
}

/** Political ads a banning platform served after its ban began, for one party. */
export interface EnforcementRow {
  platform: string; since: Date; party: string | null; ads: number;
  firstAfterBan: Date; lastSeenAt: Date;
  /** Days between the first sighting after the ban (or the ban date) and the last sighting: how long they stayed up. */
  maxDaysUp: number; avgDaysUp: number;
}

/**
 * Political ads seen on a banning platform after the ban began, per platform and party. Ads that
 * started before the ban count from the ban date: only the time after it is the platform's lapse.
 * Read from agg_enforcement when those bans were aggregated and the filter allows.
 */
export async function listPlatformEnforcement(db: Kysely<Database>, bans: PlatformBan[], f: DashboardFilter): Promise<EnforcementRow[]> {
  if (bans.length === 0) return [];
  if (adLevelAggregable(f) && (await enforcementAggregated(db, bans))) return aggEnforcement(db, bans, f);
  const values = sql.join(bans.map((b) => sql`(${b.platform}::text, ${b.since.toISOString()}::timestamptz, ${b.pattern}::text)`));
  const { rows } = await sql<{ platform: string; since: Date; party: string | null; ads: number; first_after: Date; last_seen: Date; max_days: number; avg_days: number }>`
    with bans(platform, since, pattern) as (values ${values}),
    surfaces as (
      select p.id as publisher_id, null::text as source, b.platform, b.since from publisher p join bans b on p.name ~* b.pattern
      union all
      select null, s.source, b.platform, b.since from (select distinct source from ad) s join bans b on s.source ~* b.pattern
    ),
    hits as (
      select distinct a.id as ad_id, m.platform, m.since from ad a join surfaces m on (m.publisher_id = a.publisher_id or m.source = a.source)
      where a.last_seen_at >= m.since
    )
    select b.platform, b.since, v.party, count(*) as ads,
      min(greatest(a.first_seen_at, b.since)) as first_after, max(a.last_seen_at) as last_seen,
      max(extract(epoch from a.last_seen_at - greatest(a.first_seen_at, b.since)) / 86400.0)::float8 as max_days,
      avg(extract(epoch from a.last_seen_at - greatest(a.first_seen_at, b.since)) / 86400.0)::float8 as avg_days
    from hits b join ad a on a.id = b.ad_id join publisher p on p.id = a.publisher_id join verdict v on v.ad_id = a.id and v.political
    where ${whereAll(adConds(f))}
    group by b.platform, b.since, v.party order by b.platform, ads desc, v.party nulls last`.execute(db);
  return rows.map((r) => ({
    platform: r.platform, since: new Date(r.since), party: r.party, ads: Number(r.ads), firstAfterBan: new Date(r.first_after),
    lastSeenAt: new Date(r.last_seen), maxDaysUp: Number(r.max_days), avgDaysUp: Number(r.avg_days),
  }));
}
