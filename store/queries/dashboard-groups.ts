import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import { aggGroupRows, aggRuleRows } from "./dashboard-aggregate-reads.js";
import { adLevelAggregable, aggregatesReady, findingLevelAggregable } from "./dashboard-aggregates.js";
import { adConds, findingConds, VIOLATION, whereAll, type DashboardFilter } from "./dashboard-filter.js";

/** Aggregates for one party or one publisher. */
export interface GroupStats {
  key: string; ads: number; political: number; violations: number; compliantPolitical: number;
  /** The publisher's own name for itself (null for parties, and for publishers that gave none). */
  siteName: string | null;
  /** Political ads without any violation, as a share of political ads (null when there are none). */
  shareCompliant: number | null; firstSeenAt: Date | null; lastSeenAt: Date | null;
}

type GroupRow = { key: string | null; site_name: string | null; ads: number; political: number; violations: number; compliant: number; first_seen: Date | null; last_seen: Date | null };

function toStats(r: GroupRow): GroupStats {
  const political = Number(r.political);
  const compliant = Number(r.compliant);
  return {
    key: r.key ?? "", siteName: r.site_name ?? null, ads: Number(r.ads), political, violations: Number(r.violations), compliantPolitical: compliant,
    shareCompliant: political > 0 ? compliant / political : null,
    firstSeenAt: r.first_seen ? new Date(r.first_seen) : null, lastSeenAt: r.last_seen ? new Date(r.last_seen) : null,
  };
}

/**
 * Per-party or per-publisher statistics under a filter, most violations first. Finding filters
 * (rule, severity, review) narrow which findings are counted, not which ads.
 */
export async function listGroupStats(db: Kysely<Database>, f: DashboardFilter, by: "party" | "publisher"): Promise<GroupStats[]> {
  if (adLevelAggregable(f) && (await aggregatesReady(db))) return (await aggGroupRows(db, f, by)).map(toStats);
  const key = by === "party" ? sql`v.party` : sql`p.name`;
  const { rows } = await sql<GroupRow>`
    select ${key} as key, ${by === "party" ? sql`null` : sql`max(p.site_name)`} as site_name, count(*) as ads, count(*) filter (where v.political) as political,
      coalesce(sum(x.n), 0) as violations, count(*) filter (where v.political and x.n is null) as compliant,
      min(a.first_seen_at) as first_seen, max(a.last_seen_at) as last_seen
    from ad a join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id
    left join (select f.ad_id, count(*) as n from finding f where ${whereAll([VIOLATION, ...findingConds(f)])} group by f.ad_id) x on x.ad_id = a.id
    where ${whereAll(adConds(f, { findingFilters: false }))}
    group by 1 order by violations desc, ads desc, key nulls last limit 1000`.execute(db);
  return rows.map(toStats);
}

/** Finding counts for one rule under a filter. */
export interface RuleStats { rule: string; findings: number; violations: number; open: number; confirmed: number; dismissed: number; ads: number }

/** Per-rule counts (all findings, violations, by review state) under a filter. */
export async function listRuleStats(db: Kysely<Database>, f: DashboardFilter): Promise<RuleStats[]> {
  const { rows } = findingLevelAggregable(f) && (await aggregatesReady(db)) ? { rows: await aggRuleRows(db, f) } : await sql<{ rule: string; findings: number; violations: number; open: number; confirmed: number; dismissed: number; ads: number }>`
    select f.rule, count(*) as findings, count(*) filter (where ${VIOLATION}) as violations,
      count(*) filter (where f.review_status = 'open') as open, count(*) filter (where f.review_status = 'confirmed') as confirmed,
      count(*) filter (where f.review_status = 'dismissed') as dismissed, count(distinct f.ad_id) as ads
    from finding f join ad a on a.id = f.ad_id join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id
    where ${whereAll([...adConds(f, { findingFilters: false }), ...findingConds(f)])}
    group by f.rule order by violations desc, f.rule`.execute(db);
  return rows.map((r) => ({
    rule: r.rule, findings: Number(r.findings), violations: Number(r.violations), open: Number(r.open),
    confirmed: Number(r.confirmed), dismissed: Number(r.dismissed), ads: Number(r.ads),
  }));
}
